/**
 * Text from a workbook (sheet names, names, cell text, zip part names) as "?"
 * where it holds control or bidi-override characters, so a hostile file cannot
 * drive the reviewer's terminal. Newlines stay: the report is multi-line.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
}
