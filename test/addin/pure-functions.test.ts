import { BadArgument, earlyWarning, excess, label } from "../../src/functions/pure";

describe("EXCESS", () => {
  it("does not drift on float traps", () => {
    expect(0.3 - 0.1).not.toBe(0.2); // the trap itself
    expect(excess(0.3, 0.1)).toBe(0.2);
    expect(excess(0.3, 0.1, 0.1)).toBe(0.1);
    expect(excess(0.1 + 0.2, 0.3)).toBe(0); // 0.30000000000000004 reads as Excel shows it: 0.3
  });

  it("is exact at 15 significant digits", () => {
    // 1234567890123.45 - 1234567890123.44 is 0.010009765625 in doubles.
    expect(1234567890123.45 - 1234567890123.44).not.toBe(0.01);
    expect(excess(1234567890123.45, 1234567890123.44)).toBe(0.01);
    expect(excess(9876543210987.65, 1234567890123.45, 8641975320864.19)).toBe(0.01);
    expect(excess(999999999999999, 1, 999999999999998)).toBe(0);
  });

  it("gives the deficiency as a negative number and defaults the target to 0", () => {
    expect(excess(3_197_000_000, 3_200_000_000.5)).toBe(-3_000_000.5);
    expect(excess(100, 40)).toBe(60);
    expect(excess(100, 40, null)).toBe(60);
    expect(excess(100, 40, undefined)).toBe(60);
  });

  it("rejects non-finite and nonsensical arguments", () => {
    expect(() => excess(Number.NaN, 1)).toThrow(BadArgument);
    expect(() => excess(1, Number.POSITIVE_INFINITY)).toThrow(/required must be a finite number/);
    expect(() => excess(1, -1)).toThrow(/required cannot be negative/);
    expect(() => excess(1, 1, -5)).toThrow(/target cannot be negative/);
    expect(() => excess("12" as unknown as number, 1)).toThrow(/total must be a number/);
  });
});

describe("EARLYWARNING", () => {
  it("takes 110% of the risk-based requirement, rounded half up to the dollar (seed values)", () => {
    // 471,057,307 x 1.10 = 518,163,037.7
    expect(earlyWarning(471_057_307, 1_000_000, 0)).toBe(518_163_038);
  });

  it("takes the greatest of the four candidates", () => {
    expect(earlyWarning(100, 1_000_000, 0)).toBe(1_500_000);
    expect(earlyWarning(100, 1_000_000, 2_000_000)).toBe(3_000_000);
    expect(earlyWarning(100, 1_000_000, 2_000_000, 3_500_000)).toBe(3_500_000);
    expect(earlyWarning(100, 1_000_000, 2_000_000, null)).toBe(3_000_000);
  });

  it("takes 110% of a margin-based NFA requirement at least the risk-based amount (Reg 1.12(b)(3)), else 150%", () => {
    expect(earlyWarning(1_200_000, 1_000_000, 2_000_000, null, true)).toBe(2_200_000);
    expect(earlyWarning(2_000_000, 1_000_000, 2_000_000, null, true)).toBe(2_200_000); // equal is enough
    expect(earlyWarning(2_000_000, 1_000_000, 1_999_999, null, true)).toBe(2_999_999); // below: 150%
    expect(earlyWarning(1_200_000, 1_000_000, 2_000_000, null, false)).toBe(3_000_000);
  });

  it("rounds .5 up, not to even", () => {
    expect(earlyWarning(5, 0, 0)).toBe(6); // 5.5 -> 6
    expect(earlyWarning(15, 0, 0)).toBe(17); // 16.5 -> 17 (banker's rounding would give 16)
    expect(earlyWarning(0, 1, 0)).toBe(2); // 1.5 -> 2
    expect(earlyWarning(0, 0, 0, 2.5)).toBe(3);
  });

  it("rejects negative and non-finite amounts", () => {
    expect(() => earlyWarning(-1, 0, 0)).toThrow(/riskBased cannot be negative/);
    expect(() => earlyWarning(0, Number.NaN, 0)).toThrow(BadArgument);
    expect(() => earlyWarning(0, 0, 0, -3)).toThrow(/secEarlyWarning cannot be negative/);
  });
});

describe("LABEL", () => {
  it("labels a known code given as text or as a number", () => {
    expect(label("7010")).toBe("line 1A: Net ledger balance: cash");
    expect(label(7010)).toBe("line 1A: Net ledger balance: cash");
    expect(label(" 8500 ")).toBe("line 1A: Net ledger balance: cash");
    expect(label("7020")).toMatch(/^line 1B: Net ledger balance: securities/);
  });

  it("rejects unknown and malformed codes", () => {
    expect(() => label("0000")).toThrow(new BadArgument("unknown FOCUS code 0000"));
    expect(() => label(12.5)).toThrow(/whole number/);
    expect(() => label("")).toThrow(/required/);
    expect(() => label(null as unknown as string)).toThrow(/required/);
  });
});

describe("functions.ts wrapper", () => {
  const g = globalThis as { CustomFunctions?: unknown };
  afterEach(() => {
    delete g.CustomFunctions;
  });

  it("loads and computes without the CustomFunctions global (outside Excel)", async () => {
    const f = await import("../../src/functions/functions");
    expect(f.excess(0.3, 0.1)).toBe(0.2);
    expect(() => f.label("0000")).toThrow(BadArgument);
  });

  it("turns a bad argument into #VALUE! with its message inside Excel", async () => {
    class FakeError {
      constructor(
        public code: string,
        public message?: string
      ) {}
    }
    g.CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!" },
      associate: () => undefined,
    };
    const f = await import("../../src/functions/functions");
    let thrown: unknown;
    try {
      f.label("0000");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: "unknown FOCUS code 0000" });
    expect(f.earlyWarning(471_057_307, 1_000_000, 0)).toBe(518_163_038);
  });
});
