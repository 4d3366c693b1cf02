import { grouped, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import { describe } from "../describe";
import { placeOf } from "../../location";

/** A blank input in a statement where something was keyed. */
export function blankInput(line: RegisteredLine, b: BoundLine): Finding {
  return finding("missing", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    message: `${describe(line)} is blank (counted as zero)`,
  });
}

/** A blank total whose parts give something other than zero. */
export function blankTotal(line: RegisteredLine, b: BoundLine, computed: Dec): Finding {
  return finding("missing", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    expected: computed,
    message: `${describe(line)} is blank; its parts give ${grouped(computed)}`,
  });
}
