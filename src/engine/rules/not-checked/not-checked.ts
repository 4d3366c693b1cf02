import type { Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import { describe } from "../describe";
import { placeOf } from "../../location";

/** A keyed total none of whose parts is bound: a condensed presentation, which says nothing to check. */
export function notChecked(line: RegisteredLine, b: BoundLine, reported: Dec): Finding {
  return finding("not-checked", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    reported,
    message: `${describe(line)} is bound but none of its parts is: a condensed presentation, not checked`,
  });
}
