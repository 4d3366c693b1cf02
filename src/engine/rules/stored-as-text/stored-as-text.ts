import { truncate } from "../../amount";
import { grouped, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import { describe } from "../describe";
import { placeOf } from "../../location";

/** An amount read from numeric text: the number it was read as, and the text it came from. */
export function storedAsText(
  line: RegisteredLine,
  b: BoundLine,
  value: Dec,
  text: string | undefined
): Finding {
  return finding("stored-as-text", {
    code: b.code,
    statement: line.statement,
    ...placeOf(b),
    reported: value,
    message: `${describe(line)}: "${truncate(text ?? "")}" is stored as text; read as ${grouped(value)}`,
  });
}
