import { colToIndex, indexToCol } from "../../grid";

/**
 * A shared formula's text for a cell other than its master: relative references
 * (no $) move by the cell's offset from the master. String literals are left alone.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^\w.$!'])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (
              m,
              pre: string,
              sheet: string | undefined,
              cAbs: string,
              col: string,
              rAbs: string,
              row: string
            ) => {
              const c = cAbs ? colToIndex(col) : colToIndex(col) + dCol;
              const r = rAbs ? Number(row) : Number(row) + dRow;
              if (c < 1 || r < 1) return m;
              return `${pre}${sheet ?? ""}${cAbs}${indexToCol(c)}${rAbs}${r}`;
            }
          )
    )
    .join("");
}
