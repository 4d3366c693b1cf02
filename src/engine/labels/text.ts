/**
 * Words as statements print them, reduced to tokens that compare: case, glyphs
 * (OCR's Cyrillic and Greek look-alikes, curly quotes, dashes), line numbers and
 * the form's instructions ("(add lines 1, 2 and 3)") do not matter.
 */

/** Look-alike capitals from OCR (Cyrillic and Greek) read as the Latin letter they show. */
const LOOKALIKE: Record<string, string> = {
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Т: "T",
  Х: "X",
  а: "a",
  с: "c",
  е: "e",
  о: "o",
  р: "p",
  х: "x",
  Α: "A",
  Β: "B",
  Ε: "E",
  Η: "H",
  Κ: "K",
  Μ: "M",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
};

/** Printed glyphs folded to plain ASCII, whitespace collapsed. */
export function plainText(raw: string): string {
  return raw
    .replace(/[АВСЕНКМОРТХасеорхΑΒΕΗΚΜΟΡΤΧ]/g, (c) => LOOKALIKE[c] ?? c)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u2007\u2009\u202f\s]+/g, " ")
    .trim();
}

export interface LabelParts {
  /** The printed line number or letter, normalised ("1", "a", "3b", "ii"), or null. */
  marker: string | null;
  /** 0 a number ("1.", "12"), 1 a letter ("A.", "(b)"), 2 a roman numeral ("ii."); null without a marker. */
  markerRank: 0 | 1 | 2 | null;
  /** The words after the marker. */
  words: string;
}

const NUMBER_MARKER = /^(?:line\s+)?\(?(\d{1,2}[A-Za-z]?)(?:[.):]|\s)\s*/i;
const ROMAN_MARKER = /^\(?((?:i{1,3}|iv|v|vi{0,3}))[.)]\s*/i;
const LETTER_MARKER = /^\(?([A-Ha-h])[.):]\s*/;
/** "A Cash", "A . Cash" (OCR): a capital, spaces, then a capitalised word. */
const BARE_LETTER = /^([A-H])\s+(?:\.\s*)?(?=[A-Z])/;

/** Split a printed label into its line marker and its words ("7. Deposited in ..." → "7", "Deposited in ..."). */
export function splitMarker(label: string): LabelParts {
  let s = plainText(label);
  let marker: string | null = null;
  let markerRank: 0 | 1 | 2 | null = null;
  // A label may carry two markers ("1. A. Cash"); the last, innermost, one counts.
  for (let i = 0; i < 2; i++) {
    let m = NUMBER_MARKER.exec(s);
    if (m && !/^\d{3,}/.test(s)) {
      marker = m[1].toLowerCase();
      markerRank = 0;
      s = s.slice(m[0].length);
      continue;
    }
    m = ROMAN_MARKER.exec(s);
    if (m) {
      marker = m[1].toLowerCase();
      markerRank = 2;
      s = s.slice(m[0].length);
      continue;
    }
    m = LETTER_MARKER.exec(s) ?? BARE_LETTER.exec(s);
    if (m) {
      marker = m[1].toLowerCase();
      markerRank = 1;
      s = s.slice(m[0].length);
      continue;
    }
    break;
  }
  return { marker, markerRank, words: s.trim() };
}

/** The form's instructions and fill-in prompts, which say nothing about which line it is. */
const INSTRUCTIONS = [
  /\((?:[^()]*\b(?:add|subtract|lines?|describe|see|note)\b[^()]*)\)/gi,
  /\bname\(s\)\s*:?/gi,
  /\(continued\)|\bcontinued\b/gi,
  /\(describe:?\)/gi,
];

/** Words that carry no meaning for telling lines apart. */
const STOPWORDS = new Set([
  "the",
  "of",
  "a",
  "an",
  "and",
  "or",
  "in",
  "on",
  "to",
  "for",
  "with",
  "by",
  "at",
  "as",
  "be",
  "is",
  "are",
  "its",
  "s",
  "per",
  "which",
  "that",
  "this",
  "than",
  "all",
  "any",
  "into",
  "pursuant",
  "thereunder",
  "against",
]);

/** Abbreviations and spellings firms use, to the words the wording data uses. */
const EXPANSIONS: Record<string, string[]> = {
  dco: ["derivatives", "clearing", "organizations"],
  dcos: ["derivatives", "clearing", "organizations"],
  fcm: ["futures", "commission", "merchants"],
  fcms: ["futures", "commission", "merchants"],
  fbot: ["foreign", "board", "trade"],
  fbots: ["foreign", "board", "trade"],
  nle: ["net", "liquidating", "equity"],
  mkt: ["market"],
  mgmt: ["management"],
  mgt: ["management"],
  seg: ["segregated"],
  segd: ["segregated"],
  acct: ["accounts"],
  accts: ["accounts"],
  sec: ["securities"],
  secs: ["securities"],
  invest: ["investments"],
  invts: ["investments"],
  amt: ["amount"],
  amts: ["amounts"],
  req: ["required"],
  reqd: ["required"],
  unrealised: ["unrealized"],
  organisations: ["organizations"],
  organisation: ["organizations"],
  cftc: ["commission"],
  reg: ["regulation"],
  regs: ["regulation"],
  govt: ["government"],
  "p&l": ["profit", "loss"],
  excl: ["excluding"],
  cust: ["customers"],
  custs: ["customers"],
  opts: ["options"],
  fut: ["futures"],
  usa: ["us"],
  deduct: ["less"],
};

/** Endings folded so that "options" meets "option" and "segregated" meets "segregation". */
function stem(word: string): string {
  if (word.length <= 4 || /^\d/.test(word)) return word;
  return word.replace(/(?:ations|ation|ated|ates|ate|ing|ed|es|s)$/, "").replace(/(.)\1$/, "$1");
}

/** A label's comparable tokens, stemmed, without stopwords, instructions or line markers. */
export function tokens(text: string): string[] {
  let s = plainText(text).toLowerCase();
  for (const re of INSTRUCTIONS) s = s.replace(re, " ");
  s = s
    .replace(/\bu\.\s?s\.?(?=\s|$|[^a-z])/g, " us ")
    .replace(/\bunited\s+states\b/g, " us ")
    .replace(/\b4\s*d\s*\(\s*a\s*\)\s*\(\s*2\s*\)/g, " 4d2 ")
    .replace(/\b4\s*d\s*\(\s*([0-9a-z])\s*\)/g, " 4d$1 ")
    .replace(/\b(\d+)\.(\d+)\b/g, " $1_$2 ")
    .replace(/p\s*&\s*l/g, " p&l ");
  const out: string[] = [];
  for (const raw of s.split(/[^a-z0-9&_]+/)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    const expanded = EXPANSIONS[raw] ?? [raw];
    for (const w of expanded) if (!STOPWORDS.has(w)) out.push(stem(w));
  }
  return out;
}

/** Edit distance counting a swap of neighbours as one edit (typing errors), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    d.push([i]);
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i].push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return d[a.length][b.length];
}

/**
 * Two tokens are the same word: equal, one the other's stem with a typo in its ending
 * ("liquidatng", "segregaton": six letters or more in common at the start), or one edit
 * apart from five letters ("customr"), two from eight ("manaegment"). A four-letter word
 * allows only two letters swapped ("hnad") or one left out ("totl"): "loss" is not "less".
 */
export function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4 || /\d/.test(a) || /\d/.test(b)) return false;
  if (n === 4) return swapOrDrop(a, b);
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let same = seen.get(key);
  if (same === undefined) {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const max = n >= 8 ? 2 : 1;
    same = (n >= 6 && long.startsWith(short)) || distance(a, b, max) <= max;
    if (seen.size > 50_000) seen.clear(); // a bound, whatever a sheet holds
    seen.set(key, same);
  }
  return same;
}

function swapOrDrop(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    return (
      diff.length === 2 &&
      diff[1] === diff[0] + 1 &&
      a[diff[0]] === b[diff[1]] &&
      a[diff[1]] === b[diff[0]]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++)
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Pairs of words already compared: a sheet repeats its words, the wording repeats its own. */
const seen = new Map<string, boolean>();
