import { plainText } from "./text";

export type UnitValue = "1" | "1000" | "1000000";

/**
 * The unit a statement prints its amounts in: "(in thousands)", "(Dollars in millions)",
 * "$000", "$000's omitted", "in 000s". Null when the text names none.
 */
export function unitInText(raw: string): UnitValue | null {
  const s = plainText(raw).toLowerCase();
  if (
    /\bin\s+millions?\b|\$\s*millions?\b|\bmillions\s+of\s+dollars\b|\$\s*(?:in\s+)?mm\b|\$\s*000\s*,?\s*000\b/.test(
      s
    )
  )
    return "1000000";
  if (
    /\bin\s+thousands?\b|\$\s*thousands?\b|\bthousands\s+of\s+dollars\b|\$\s*0{3}(?!\s*,?\s*0)|\(\s*0{3}'?s?\s*(?:omitted)?\s*\)|\bin\s+0{3}'?s\b|\b0{3}'?s\s+omitted\b/.test(
      s
    )
  )
    return "1000";
  if (/\bin\s+(?:whole\s+)?dollars\b|\(\s*dollars\s*\)/.test(s)) return "1";
  return null;
}
