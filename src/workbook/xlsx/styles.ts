import { scanXml } from "./xml";

/** Excel's built-in number formats that matter for reading amounts (dates above all). */
const BUILTIN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  // East Asian date ids
  27: "yyyy/m/d",
  28: "yyyy/m/d",
  29: "yyyy/m/d",
  30: "m/d/yy",
  31: "yyyy/m/d",
  32: "h:mm",
  33: "h:mm:ss",
  34: "h:mm",
  35: "h:mm:ss",
  36: "yyyy/m/d",
  50: "yyyy/m/d",
  51: "yyyy/m/d",
  52: "yyyy/m/d",
  53: "yyyy/m/d",
  54: "yyyy/m/d",
  55: "yyyy/m/d",
  56: "yyyy/m/d",
  57: "yyyy/m/d",
  58: "yyyy/m/d",
};

export interface Styles {
  /** Number format code of each cellXfs entry. */
  formats: string[];
}

export function parseStyles(xml: string | null): Styles {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  if (!xml) return { formats };
  let inCellXfs = false;
  let depth = 0;
  scanXml(xml, {
    open(name, a, self) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = !self;
      else if (inCellXfs && name === "xf") {
        if (depth === 0) {
          const id = Number(a.numFmtId ?? 0);
          formats.push(custom.get(id) ?? BUILTIN[id] ?? "General");
        }
        if (!self) depth++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
      else if (inCellXfs && name === "xf") depth = Math.max(0, depth - 1);
    },
  });
  return { formats };
}
