import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bindingName, lineOf, type Code } from "../../src/engine";
import { qualified } from "../../src/grid";
import type { CellModel, SheetModel, WorkbookModel } from "../../sim";

/**
 * Clean published statements, generated: every row's wording and code as a real
 * statement prints it (../shared/reference/statement-wording/, Goldman Sachs's annual
 * schedules), amounts drawn at random in realistic magnitudes with every total computed
 * from them, then each printed figure rounded on its own to the printed unit (so a total
 * can miss the sum of its printed parts by a unit, as on a real schedule). The soft
 * checks' two sides agree as a firm's books make them agree, with the ordinary
 * departures from our inferences a firm's presentation shows (options partly held at
 * other FCMs, securities partly held elsewhere, daily variation beside unrealized gains).
 */

const WORDING = join(__dirname, "..", "..", "..", "shared", "reference", "statement-wording");

interface Row {
  text: string;
  reading?: string;
  code: Code | null;
  column: number | null;
  hasAmount: boolean;
  sameLineAsPrevious?: boolean;
}
interface Section {
  statement: string;
  title: string;
  rows: Row[];
}
export interface Wording {
  firm: string;
  asOf: string;
  printedUnit?: string;
  sections: Section[];
}

export function wording(slug: string): Wording {
  return JSON.parse(readFileSync(join(WORDING, `${slug}.json`), "utf8"));
}

/** The same seed gives the same statements every run. */
export { seeded as prng } from "../support/seeded";

/** True amounts in cents, by code. */
type Amounts = Map<Code, number>;

const cents = (dollars: number) => Math.round(dollars * 100);

/** A segregation-style statement (4d(2) or 4d(f)) through a code map, the funds side made to agree with the requirement. */
function segregation(
  rnd: () => number,
  scale: number,
  excessShare: number,
  c: Record<string, Code>
): Amounts {
  const u = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const a: Amounts = new Map();
  const set = (k: string, v: number) => a.set(c[k], Math.round(v));
  const S = cents(scale);
  set("cash", S * u(0.45, 0.9));
  set("sec", S * u(0.05, 0.35));
  set("unreal", S * u(-0.08, 0.1));
  set("optLong", rnd() < 0.7 ? S * u(0, 0.06) : 0);
  set("optShort", a.get(c.optLong)! > 0 ? S * u(0, 0.05) : 0);
  set("gross", rnd() < 0.8 ? S * u(0, 0.002) : 0);
  set("offset", a.get(c.gross)! * u(0, 1));
  const get = (k: string) => a.get(c[k])!;
  set("equity", get("cash") + get("sec") + get("unreal") + get("optLong") - get("optShort"));
  set("netDeficit", get("gross") - get("offset"));
  set("required", get("equity") + get("netDeficit"));
  const excess = get("required") * excessShare;
  set("excess", excess);
  set("target", excess * u(0.2, 0.8));
  set("overTarget", get("excess") - get("target"));
  set("total", get("required") + get("excess"));
  // Customers' securities held in lieu of cash: at banks, DCOs and other FCMs, some on hand;
  // now and then a part is held elsewhere (an ordinary presentation difference).
  const held = get("sec") * (rnd() < 0.3 ? u(0.9, 1) : 1);
  const onHand = held * u(0, 0.1);
  const shares = [u(0, 1), u(0, 1), u(0, 0.3)];
  const sum = shares.reduce((x, y) => x + y, 0);
  set("lieuBank", ((held - onHand) * shares[0]) / sum);
  set("lieuDco", ((held - onHand) * shares[1]) / sum);
  set("lieuFcm", held - onHand - get("lieuBank") - get("lieuDco"));
  // Options held at DCOs: usually all of the customers', sometimes a part is at other FCMs.
  set("heldLong", get("optLong") * (rnd() < 0.3 ? u(0.85, 1) : 1));
  set("heldShort", get("optShort") * (rnd() < 0.3 ? u(0.85, 1) : 1));
  const cashOnHand = S * u(0, 0.02);
  set("onHand", onHand + cashOnHand);
  // The rest of the funds: cash and investments at banks, DCOs and other FCMs.
  const rest =
    get("total") -
    get("lieuBank") -
    get("lieuDco") -
    get("lieuFcm") -
    get("onHand") -
    get("heldLong") +
    get("heldShort");
  const parts = ["bankCash", "bankInv", "dcoCash", "dcoInv", "settle", "fcmNle", "fcmInv"];
  const weights = [
    u(0.2, 1),
    u(0, 0.6),
    u(0.3, 1),
    u(0, 0.6),
    u(-0.02, 0.02),
    u(0, 0.1),
    u(0, 0.05),
  ];
  const wsum = weights.reduce((x, y) => x + y, 0);
  let placed = 0;
  parts.forEach((k, i) => {
    if (i === parts.length - 1) set(k, rest - placed);
    else {
      set(k, (rest * weights[i]) / wsum);
      placed += get(k);
    }
  });
  return a;
}

const SEG = {
  cash: "7010",
  sec: "7020",
  unreal: "7030",
  optLong: "7032",
  optShort: "7033",
  equity: "7040",
  gross: "7045",
  offset: "7047",
  netDeficit: "7050",
  required: "7060",
  bankCash: "7070",
  bankInv: "7080",
  lieuBank: "7090",
  dcoCash: "7100",
  dcoInv: "7110",
  lieuDco: "7120",
  settle: "7130",
  heldLong: "7132",
  heldShort: "7133",
  fcmNle: "7140",
  fcmInv: "7160",
  lieuFcm: "7170",
  onHand: "7150",
  total: "7180",
  excess: "7190",
  target: "7194",
  overTarget: "7198",
};
const SWAPS = {
  cash: "8500",
  sec: "8510",
  unreal: "8520",
  optLong: "8530",
  optShort: "8540",
  equity: "8550",
  gross: "8560",
  offset: "8570",
  netDeficit: "8580",
  required: "8590",
  bankCash: "8600",
  bankInv: "8610",
  lieuBank: "8620",
  dcoCash: "8630",
  dcoInv: "8640",
  lieuDco: "8650",
  settle: "8660",
  heldLong: "8670",
  heldShort: "8680",
  fcmNle: "8690",
  fcmInv: "8700",
  lieuFcm: "8710",
  onHand: "8715",
  total: "8720",
  excess: "8730",
  target: "8760",
  overTarget: "8770",
};

/** The 30.7 statement: both pages, the funds placed with banks, FCMs, clearing organizations and members. */
function secured(rnd: () => number, scale: number, excessShare: number): Amounts {
  const u = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const a: Amounts = new Map();
  const set = (k: Code, v: number) => a.set(k, Math.round(v));
  const g = (k: Code) => a.get(k)!;
  const S = cents(scale);
  set("7315", S * u(0.5, 0.9));
  set("7317", S * u(0, 0.3));
  set("7325", S * u(-0.05, 0.15));
  set("7335", rnd() < 0.5 ? S * u(0, 0.03) : 0);
  set("7337", g("7335") > 0 ? S * u(0, 0.02) : 0);
  set("7345", g("7315") + g("7317") + g("7325") + g("7335") - g("7337"));
  set("7351", rnd() < 0.7 ? S * u(0, 0.002) : 0);
  set("7352", g("7351") * u(0, 1));
  set("7354", g("7351") - g("7352"));
  set("7355", g("7345") + g("7354"));
  set("7305", rnd() < 0.5 ? g("7355") * u(0, 0.9) : 0);
  set("7360", Math.max(g("7305"), g("7355")));
  set("7380", g("7360") * excessShare);
  set("7780", g("7380") * u(0.2, 0.8));
  set("7785", g("7380") - g("7780"));
  set("7770", g("7360") + g("7380"));
  // Securities: in safekeeping at banks, and with FCMs, clearing organizations and members.
  const sec = g("7317") * (rnd() < 0.3 ? u(0.9, 1) : 1);
  const sp = [u(0, 1), u(0, 0.4), u(0, 0.3), u(0, 0.2), u(0, 0.6)];
  const spSum = sp.reduce((x, y) => x + y, 0);
  set("7540", (sec * sp[0]) / spSum);
  set("7560", (sec * sp[1]) / spSum);
  set("7590", (sec * sp[2]) / spSum);
  set("7650", (sec * sp[3]) / spSum);
  set("7710", sec - g("7540") - g("7560") - g("7590") - g("7650"));
  // Unrealized gains with FCMs and members; the clearing organizations' line is daily variation.
  const unrealShare = u(0, 1);
  set("7600", g("7325") * unrealShare * u(0, 0.5));
  set("7720", g("7325") - g("7600"));
  set("7660", rnd() < 0.3 ? g("7325") * u(-0.3, 0.3) : 0);
  // Options: long and short held with FCMs, clearing organizations and members.
  for (const [from, to] of [
    ["7335", ["7610", "7670", "7730"]],
    ["7337", ["7615", "7675", "7735"]],
  ] as const) {
    const w = [u(0, 1), u(0, 1), u(0, 1)];
    const ws = w.reduce((x, y) => x + y, 0);
    set(to[0], (g(from) * w[0]) / ws);
    set(to[1], (g(from) * w[1]) / ws);
    set(to[2], g(from) - g(to[0]) - g(to[1]));
  }
  // Cash makes up the rest.
  const placed =
    g("7540") +
    g("7560") +
    g("7590") +
    g("7650") +
    g("7710") +
    g("7600") +
    g("7720") +
    g("7660") +
    g("7610") +
    g("7670") +
    g("7730") -
    g("7615") -
    g("7675") -
    g("7735");
  const rest = g("7770") - placed;
  const cw = [u(0.2, 1), u(0, 0.3), u(0, 0.4), u(0, 0.4), u(0.2, 1), u(0, 0.05)];
  const cs = cw.reduce((x, y) => x + y, 0);
  const cashCodes = ["7500", "7520", "7580", "7640", "7700", "7765"];
  let sofar = 0;
  cashCodes.forEach((k, i) => {
    if (i === cashCodes.length - 1) set(k, rest - sofar);
    else {
      set(k, (rest * cw[i]) / cs);
      sofar += g(k);
    }
  });
  set("7760", 0);
  set("7530", g("7500") + g("7520"));
  set("7570", g("7540") + g("7560"));
  set("7620", g("7580") + g("7590") + g("7600") + g("7610") - g("7615"));
  set("7680", g("7640") + g("7650") + g("7660") + g("7670") - g("7675"));
  set("7740", g("7700") + g("7710") + g("7720") + g("7730") - g("7735"));
  return a;
}

export type Printing = "dollars" | "thousands" | "millions" | "whole millions";

/** One statement date of one firm: every statement the wording has, amounts true to the cent. */
export interface CleanStatement {
  firm: string;
  asOf: string;
  wording: Wording;
  printing: Printing;
  amounts: Amounts;
}

/** A firm's statement on a date: scale and excess wander slowly from `prior` (residual interest as firms keep it). */
export function cleanStatement(
  rnd: () => number,
  firm: string,
  asOf: string,
  w: Wording,
  printing: Printing,
  scale: number,
  excessShare: number
): CleanStatement {
  const amounts: Amounts = new Map();
  const have = new Set(w.sections.map((s) => s.statement));
  if (have.has("seg4d2"))
    for (const [k, v] of segregation(rnd, scale, excessShare, SEG)) amounts.set(k, v);
  if (have.has("secured307"))
    for (const [k, v] of secured(rnd, scale * 0.15, excessShare * 1.5)) amounts.set(k, v);
  if (have.has("clearedSwaps4df"))
    for (const [k, v] of segregation(rnd, scale * 0.4, excessShare, SWAPS)) amounts.set(k, v);
  return { firm, asOf, wording: w, printing, amounts };
}

const DIVISOR: Record<Printing, number> = {
  dollars: 100,
  thousands: 100_000,
  millions: 100_000_000,
  "whole millions": 100_000_000,
};

/** A figure as printed: rounded on its own to the printed unit (half away from zero), in the keyed unit. */
export function printed(s: CleanStatement, code: Code): number | null {
  const v = s.amounts.get(code);
  if (v === undefined) return null;
  const d = DIVISOR[s.printing];
  const units = Math.sign(v) * Math.round(Math.abs(v) / d);
  const value = s.printing === "whole millions" ? units * 1_000_000 : units;
  // Deduct lines print in parentheses; most firms key them as positive magnitudes.
  return lineOf(code)?.kind === "deduct" ? Math.abs(value) : value + 0; // +0: no negative zero
}

const US = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });

/** One sheet laid out as the statement prints: heading (firm, schedule title, date, unit), then each section's rows. */
export function statementSheet(
  s: CleanStatement,
  sheet: string,
  opts: { heading: boolean }
): { sheet: SheetModel; names: NonNullable<WorkbookModel["names"]> } {
  const cells: CellModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  let row = 1;
  if (opts.heading) {
    cells.push({ ref: `A${row++}`, value: s.firm });
    cells.push({ ref: `A${row++}`, value: "Supplementary Schedules" });
  }
  cells.push({ ref: `A${row++}`, value: `As of ${US(s.asOf)}` });
  if (s.printing === "thousands" || s.printing === "millions")
    cells.push({ ref: `A${row++}`, value: `(in ${s.printing})` });
  row++;
  const bound = new Set<Code>();
  for (const section of s.wording.sections) {
    cells.push({ ref: `A${row++}`, value: section.title });
    let last = row;
    for (const r of section.rows) {
      const at = r.sameLineAsPrevious ? last : row++;
      last = at;
      if (!r.sameLineAsPrevious) cells.push({ ref: `A${at}`, value: r.reading ?? r.text });
      if (!r.hasAmount || !r.code || bound.has(r.code) || !lineOf(r.code)) continue;
      const v = printed(s, r.code);
      if (v === null) continue;
      const col = r.column === 1 ? "B" : "C";
      cells.push({ ref: `${col}${at}`, value: v });
      names.push({
        name: bindingName(r.code),
        refersTo: qualified(sheet, `$${col}$${at}`, { always: true }),
        localSheet: sheet,
      });
      bound.add(r.code);
    }
    row++;
  }
  if (s.printing === "thousands" || s.printing === "millions") {
    names.push({
      name: "FOCUS_UNIT",
      refersTo: s.printing === "thousands" ? "1000" : "1000000",
      localSheet: sheet,
    });
  }
  // Each printed figure is rounded on its own, so a total may miss its printed parts by up
  // to half a unit per part (13 parts in line 13). Some reviewers declare that tolerance for
  // identities (here, on the schedules in thousands); the soft checks allow for rounding either way.
  if (s.printing === "thousands")
    names.push({ name: "FOCUS_TOLERANCE", refersTo: "7", localSheet: sheet });
  return { sheet: { name: sheet, cells }, names };
}
