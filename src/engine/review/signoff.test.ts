import { createHash, randomBytes } from "node:crypto";
import { sha256, sha256Bytes } from "./sha256";
import { changesSince, contentHash, newSignOff, verifyChain, type BoundValue } from "./signoff";

const v = (
  name: string,
  value: string,
  target = `'Seg'!$C$${name.slice(-2)}`,
  scope = "Seg"
): BoundValue => ({ scope, name, level: "sheet", target, value });
const VALUES = [v("FOCUS_7010", "100"), v("FOCUS_7020", "20"), v("FOCUS_7180", "150")];

describe("SHA-256", () => {
  it("matches Node's crypto on the standard vectors and on random inputs of every padding length", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (let n = 0; n < 200; n++) {
      const bytes = randomBytes(n * 7);
      expect(sha256Bytes(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    for (const text of ["Reg 1.23 — §16", "HSBC Securities (USA) Inc.", "€ 𝄞 ü \u0000"]) {
      expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("sign-off records", () => {
  it("hashes values independently of reading order, and any change to a value or a target changes it", () => {
    const h = contentHash(VALUES);
    expect(contentHash([...VALUES].reverse())).toBe(h);
    expect(contentHash([v("FOCUS_7010", "101"), VALUES[1], VALUES[2]])).not.toBe(h);
    expect(contentHash([v("FOCUS_7010", "100", "'Seg'!$D$10"), VALUES[1], VALUES[2]])).not.toBe(h);
  });

  it("hashes the record's own text: slots sorted by scope, level and name in capitals, fields escaped, one line each", () => {
    // Workbooks signed earlier carry this digest: the text behind it must never change, however it is built.
    const values: BoundValue[] = [
      {
        scope: "Seg 2",
        level: "sheet",
        name: "focus_7010",
        target: "'Seg 2'!$E$6",
        value: "1443907046",
      },
      {
        scope: "Seg\t1",
        level: "workbook",
        name: "FOCUS_ENTITY",
        target: '="a\\b"',
        value: '"Line one\nline two"',
      },
      {
        scope: "Seg 2",
        level: "sheet",
        name: "FOCUS_ASOF",
        target: "(refers to nothing)",
        value: "",
      },
      {
        scope: "Seg 10",
        level: "sheet",
        name: "Focus_7020",
        target: "'Seg 10'!E7",
        value: "#REF!",
      },
    ];
    const text = [
      // The tab sorts before the space: "Seg<tab>1" comes first.
      'Seg\\t1\tworkbook\tFOCUS_ENTITY\t="a\\\\b"\t"Line one\\nline two"',
      "Seg 10\tsheet\tFOCUS_7020\t'Seg 10'!E7\t#REF!",
      "Seg 2\tsheet\tFOCUS_7010\t'Seg 2'!$E$6\t1443907046",
      "Seg 2\tsheet\tFOCUS_ASOF\t(refers to nothing)\t",
    ].join("\n");
    expect(contentHash(values)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    expect(contentHash(values)).toBe(
      "36da98096fd1a45a9b51f794bf6b1984a1ebc643259876889537a245a9ea6490"
    );
  });

  it("chains each entry to the one before and finds an edited, removed or reordered entry", () => {
    const one = newSignOff(
      null,
      "A. Reviewer",
      "2020-11-30T18:00:00Z",
      "1 scope, no findings",
      VALUES
    );
    const two = newSignOff(
      one,
      "B. Controller",
      "2020-12-01T18:00:00Z",
      "1 scope, 1 warning",
      VALUES
    );
    const three = newSignOff(
      two,
      "A. Reviewer",
      "2020-12-02T18:00:00Z",
      "1 scope, no findings",
      VALUES
    );
    expect(two.previousHash).toBe(one.hash);
    expect(verifyChain([one, two, three])).toEqual([]);
    expect(verifyChain([one, { ...two, reviewer: "Someone else" }, three])).toEqual([
      expect.stringContaining("sign-off 2 (Someone else, 2020-12-01T18:00:00Z) was edited"),
    ]);
    expect(verifyChain([one, three]).join(" ")).toMatch(/numbered 3.*chain is broken/);
    expect(verifyChain([two, one]).length).toBeGreaterThan(0);
  });

  it("names every line that changed, moved, appeared or went since the signed values", () => {
    const now = [
      v("FOCUS_7010", "120"),
      v("FOCUS_7020", "20", "'Seg'!$C$30"),
      v("FOCUS_7190", "35"),
    ];
    const changes = changesSince(VALUES, now);
    expect(changes.map((c) => [c.name, c.kind])).toEqual([
      ["FOCUS_7010", "changed"],
      ["FOCUS_7020", "moved"],
      ["FOCUS_7180", "removed"],
      ["FOCUS_7190", "added"],
    ]);
    expect(changesSince(VALUES, [...VALUES])).toEqual([]);
  });
});
