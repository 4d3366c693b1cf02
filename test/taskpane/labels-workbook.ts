import { toA1 } from "../../src/grid";
import { lineOf } from "../../src/engine";
import type { CellModel, WorkbookModel } from "../../sim";
import { oracleValues } from "../engine/oracle";
import { layOut, loadReference } from "../labels/reference";

/** Each statement's excess line and a funds input to raise when the made-up figures leave it short. */
const EXCESS_AND_FUNDS: [string, string][] = [
  ["7190", "7070"],
  ["7380", "7500"],
  ["8730", "8600"],
];

/**
 * A firm's published schedules (../shared/reference/statement-wording/) typed with words only: no
 * code cells, no names, every statement stacked on one sheet as published (label, inner and main
 * amount columns, headings on rows of their own), its printed unit on top. The figures are made up
 * and consistent: inputs from the row's position (some equal a line code, as 7,240 in millions can:
 * 2018's line 3D is 7240, an amount, not a printed code), every total from its parts (the independent
 * oracle, test/engine/oracle.ts), funds raised where a statement would show a deficiency.
 * `truth` maps each amount cell (A1) to the code it is.
 */
export function labelsOnlyWorkbook(
  slug = "goldman-sachs-2018-12-31",
  sheet = "Schedules"
): { model: WorkbookModel; truth: Map<string, string>; unit: string | null } {
  const ref = loadReference(slug);
  const codes = [...layOut(ref.sections).truth.values()];
  const inputs: Record<string, bigint> = {};
  codes.forEach((code, i) => {
    const line = lineOf(code);
    if (line && !line.formula && line.kind !== "text")
      inputs[code] = BigInt(100 + ((i * 7919) % 9000));
  });
  for (const target of ["7194", "7780", "8760"]) if (target in inputs) inputs[target] = 10n;
  let values = oracleValues(inputs);
  for (const [excess, funds] of EXCESS_AND_FUNDS) {
    if (values[excess] < 0n && funds in inputs) {
      inputs[funds] += -values[excess] + 50n;
      values = oracleValues(inputs);
    }
  }
  const { cells, truth } = layOut(ref.sections, {
    amount: (code) => Number(values[code]),
    unitText: ref.printedUnit,
  });
  const model: WorkbookModel = {
    sheets: [
      {
        name: sheet,
        cells: cells.map((c): CellModel => {
          const v = c.content.value;
          return {
            ref: toA1(c),
            value: v?.type === "text" ? v.text : v?.type === "number" ? v.value : null,
          };
        }),
        columnWidths: { A: 70, C: 14, D: 14 },
      },
    ],
  };
  const byCell = new Map(
    [...truth].map(([key, code]) => {
      const [row, col] = key.split(":").map(Number);
      return [toA1({ row, col }), code];
    })
  );
  return { model, truth: byCell, unit: ref.printedUnit };
}
