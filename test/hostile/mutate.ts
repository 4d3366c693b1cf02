/**
 * Mutation fuzzing for workbooks: a valid package with a few of its XML parts damaged the way
 * broken files are (a span cut or repeated, a stray piece of markup, a number changed to one
 * out of range, a part cut short), then zipped again so every part still inflates. Seeded, so
 * a failure names the case that reproduces it.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** A small deterministic generator (a linear congruential one): the same seed, the same cases. */
export function seeded(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

/** Markup a damaged file may carry where it should not. */
const PIECES = [
  "<",
  ">",
  '"',
  "/",
  "&",
  "&amp;",
  "\uD800",
  'r="A0"',
  'r="XFE1"',
  'r="A1048577"',
  's="99999"',
  't="s"',
  't="e"',
  't="str"',
  't="inlineStr"',
  "<v>1e400</v>",
  "<v>NaN</v>",
  "<f>SUM(</f>",
  'si="7"',
  't="shared"',
  "</row>",
  '<row r="0">',
  "<sheetData>",
  "</sheetData>",
  '<definedName name="FOCUS_7010">',
  "#REF!",
  'localSheetId="99"',
  'state="veryHidden"',
  'r:id="rId99"',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<dimension ref="A1:XFD1048576"/>',
  '<cellXfs count="0"/>',
  "</fills>",
  "<comments/>",
  '<legacyDrawing r:id="rId9"/>',
];
const NUMBERS = ["0", "-1", "1048577", "16385", "4294967296", "99999999999999999999", "1.5", ""];

function damage(text: string, pick: (n: number) => number): string {
  const i = pick(text.length + 1);
  const j = Math.min(text.length, i + pick(200));
  switch (pick(6)) {
    case 0:
      return text.slice(0, i) + text.slice(j);
    case 1:
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    case 2:
      return text.slice(0, i) + PIECES[pick(PIECES.length)] + text.slice(i);
    case 3:
      return text.slice(0, i) + PIECES[pick(PIECES.length)] + text.slice(j);
    case 4:
      return text.slice(0, i);
    default: {
      const numbers = [...text.matchAll(/\d+/g)];
      if (!numbers.length) return text;
      const m = numbers[pick(numbers.length)];
      return (
        text.slice(0, m.index) + NUMBERS[pick(NUMBERS.length)] + text.slice(m.index + m[0].length)
      );
    }
  }
}

export interface Mutant {
  bytes: Uint8Array;
  /** The parts damaged, in order. */
  parts: string[];
}

/** `count` damaged copies of `bytes`, one to three XML parts each. */
export function mutants(bytes: Uint8Array, count: number, seed: number): Mutant[] {
  const pick = seeded(seed);
  const original = unzipSync(bytes);
  const xmlParts = Object.keys(original).filter((p) => /\.(xml|rels)$/.test(p));
  const out: Mutant[] = [];
  for (let n = 0; n < count; n++) {
    const parts: Zippable = { ...original };
    const damaged: string[] = [];
    for (let k = 1 + pick(3); k > 0; k--) {
      const part = xmlParts[pick(xmlParts.length)];
      parts[part] = strToU8(damage(strFromU8(parts[part] as Uint8Array), pick));
      damaged.push(part);
    }
    out.push({ bytes: zipSync(parts), parts: damaged });
  }
  return out;
}
