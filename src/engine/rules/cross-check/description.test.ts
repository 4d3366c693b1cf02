import { STATEMENTS } from "../../statements";
import { seg4d2 } from "../../statements/seg4d2";
import { crossCheckDescription } from "./description";

describe("a soft check's description", () => {
  test("fills each side's codes from its terms: the words as they were typed before", () => {
    const described = Object.fromEntries(
      STATEMENTS.flatMap((st) =>
        st.crossChecks.map((cc) => [`${st.id}/${cc.id}`, crossCheckDescription(cc)])
      )
    );
    expect(described).toEqual({
      "seg-4d2/options-purchased-both-sides":
        "Options purchased (7032) should equal long options held (7132): the same options seen from both sides",
      "seg-4d2/options-granted-both-sides":
        "Options granted (7033) should equal short options held (7133): the same options seen from both sides",
      "seg-4d2/securities-in-lieu":
        "Securities in the net ledger balance (7020) should equal securities held in lieu of cash (7090 + 7120 + 7170), plus any securities among funds on hand (7150)",
      "seg-4d2/offset-not-over-gross":
        "The offset by customer owned securities (7047) cannot exceed the gross debit balances (7045)",
      "secured-30.7/options-purchased-both-pages":
        "Options purchased (7335) should equal the long options held at FCMs, clearing organizations and members (7610 + 7670 + 7730)",
      "secured-30.7/options-granted-both-pages":
        "Options granted (7337) should equal the short options held at FCMs, clearing organizations and members (7615 + 7675 + 7735)",
      "secured-30.7/unrealized-both-pages":
        "Unrealized profit (loss) (7325) should equal the unrealized amounts held at FCMs, clearing organizations and members (7600 + 7660 + 7720)",
      "secured-30.7/securities-both-pages":
        "Securities in the net ledger balance (7317) should equal the securities held (7570 + 7590 + 7650 + 7710)",
      "secured-30.7/offset-not-over-gross":
        "The offset by customer owned securities (7352) cannot exceed the gross debit balances (7351)",
      "cleared-swaps-4df/options-purchased-both-sides":
        "Cleared swaps options purchased (8530) should equal long options held (8670)",
      "cleared-swaps-4df/options-granted-both-sides":
        "Cleared swaps options granted (8540) should equal short options held (8680)",
      "cleared-swaps-4df/securities-in-lieu":
        "Securities in the net ledger balance (8510) should equal securities held in lieu of cash (8620 + 8650 + 8710)",
      "cleared-swaps-4df/offset-not-over-gross":
        "The offset by customer owned securities (8570) cannot exceed the gross debit balances (8560)",
    });
  });

  test("changing a term's code changes the description", () => {
    const cc = seg4d2.crossChecks.find((c) => c.id === "securities-in-lieu")!;
    expect(crossCheckDescription(cc)).toContain("(7090 + 7120 + 7170)");
    const moved = {
      ...cc,
      right: cc.right.map((t) => (t.code === "7120" ? { ...t, code: "7121" } : t)),
    };
    expect(crossCheckDescription(moved)).toContain("(7090 + 7121 + 7170)");
    expect(crossCheckDescription({ ...cc, rightOptional: [{ code: "7151", sign: 1 }] })).toMatch(
      /among funds on hand \(7151\)$/
    );
  });
});
