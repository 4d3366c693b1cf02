import type { CellContent } from "../cell";
import { dateInText } from "./dates";

/**
 * The firm a sheet prints at its top. A statement, as filed and as kept in workbooks,
 * heads its page with the firm's name above the statement's title (the seed: "BROKER
 * OR DEALER / HSBC SECURITIES (USA) INC. / as of 11/30/20 / STATEMENT OF SEGREGATION
 * REQUIREMENTS …"; annual reports: "Goldman Sachs & Co. LLC / Statement of …"). What is
 * read here is shown as read from the sheet, for the user to confirm or bind as
 * FOCUS_ENTITY; it is never guessed from anything else.
 */

/** The rows and columns read for a heading: small, so every sheet's costs a few hundred bytes. */
export const HEADING_AREA = "A1:F10";

export interface HeadingCell {
  row: number;
  col: number;
  content: CellContent;
}

export interface HeadingFirm {
  name: string;
  row: number;
  col: number;
}

/** A statement's (or schedule's) title: the line the firm's name is printed above. */
const TITLE =
  /\bstatement of\b|segregation requirements|funds in segregation|secured amounts?\b|cleared swaps customer|funds (?:held )?in separate|minimum (?:net )?capital|net capital requirement|\bcomputation (?:of|for)\b|\bschedule of\b|customers? trading on/i;

/** Heading lines that are not a name: form and report titles, labels, units, notes. */
const BOILERPLATE = [
  /^(?:supplement(?:ary|al)\s+)?schedules?\b/i,
  /^supplement(?:ary|al)\b/i,
  /\b(?:un)?audited\b/i,
  /\bfocus\b|\bform\s+(?:x-?17a-?5|1-?fr)/i,
  /^part\s+(?:i{1,3}|[123])a?\b/i,
  /^page\b/i,
  /^\(?\s*(?:amounts?\s+)?(?:in|dollars in|\$ in)\s+(?:whole\s+)?(?:dollars|thousands|millions|billions)\b/i,
  /^\(?\s*(?:dollars|thousands|millions)\s*\)?$/i,
  /^as of\b/i,
  /^(?:name of\s+)?(?:broker[\s-]*(?:or|-)?\s*dealer|futures commission merchant|fcm|firm|registrant|respondent)\s*:?\s*$/i,
  /^(?:sec|cftc|nfa)\b.*\bno\.?\b/i,
  /^\(.*\)$/, // "(A wholly owned subsidiary of …)", "(in millions)"
  /^#/, // an error value
];

/** Labels a preparer writes before the name in the same cell. */
const LABEL =
  /^(?:name of\s+)?(?:broker[\s-]*(?:or|-)?\s*dealer|futures commission merchant|fcm|firm|entity|registrant)\s*:\s*/i;

/** Words of a legal name: a line carrying one is a firm's name, not a heading. */
const LEGAL_FORM =
  /\b(?:inc|incorporated|llc|l\.l\.c|l\.?p|ltd|limited|corp|corporation|co|company|n\.a|plc|ag|s\.a|gmbh|bank|securities|futures|markets|trading|clearing|capital|brokerage)\b\.?|&/i;

const textOf = (c: CellContent): string | null =>
  c.value?.type === "text" ? c.value.text.replace(/\s+/g, " ").trim() : null;

/**
 * What each heading line is, remembered by its text: a year of daily sheets repeats the
 * same heading lines on every sheet, and the patterns below are the cost of reading them.
 * Bounded, so a workbook of a million distinct headings cannot grow it without end.
 */
const judged = new Map<string, { title: boolean; name: boolean; legal: boolean }>();
const JUDGED_MAX = 5000;

function judge(text: string): { title: boolean; name: boolean; legal: boolean } {
  let j = judged.get(text);
  if (!j) {
    if (judged.size >= JUDGED_MAX) judged.clear();
    j = { title: TITLE.test(text), name: nameLike(text), legal: LEGAL_FORM.test(text) };
    judged.set(text, j);
  }
  return j;
}

/** A line of a heading that could name a firm: words, not a date, an amount, a code or boilerplate. */
function nameLike(text: string): boolean {
  if (text.length < 2 || text.length > 120 || !/\p{L}{2}/u.test(text)) return false;
  if (BOILERPLATE.some((re) => re.test(text))) return false;
  // A date ("December 31, 2017", "as of 11/30/20") is the heading's as-of line.
  const date = dateInText(text);
  if (date && text.replace(/[\d\s,./-]+/g, "").length < 16) return false;
  return true;
}

/**
 * The firm's name among a sheet's top cells: the first name-like line above the first
 * statement title (a line carrying a legal form preferred, since a department or a
 * caption may precede it). Without a title in the rows read, only a line that carries
 * a legal form ("Inc.", "LLC", "& Co.", "Securities") is taken as a firm's name.
 */
export function firmInHeading(cells: HeadingCell[]): HeadingFirm | null {
  const lines = cells
    .map((c) => ({ row: c.row, col: c.col, text: textOf(c.content) }))
    .filter((c): c is { row: number; col: number; text: string } => !!c.text)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const title = lines.find((l) => judge(l.text).title);
  const above = lines
    .filter((l) => (title ? l.row < title.row : true))
    .map((l) => ({ ...l, text: l.text.replace(LABEL, "").trim() }))
    .filter((l) => judge(l.text).name && !judge(l.text).title);
  const legal = above.find((l) => judge(l.text).legal);
  const chosen = legal ?? (title ? above[0] : undefined);
  return chosen ? { name: chosen.text, row: chosen.row, col: chosen.col } : null;
}
