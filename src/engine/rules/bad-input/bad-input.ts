import { finding, type Finding } from "../../findings";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import { describe } from "../describe";
import { placeOf } from "../../location";

/** A bound cell that holds no amount (readAmount's reason says why), naming the cell. */
export function badInput(line: RegisteredLine, b: BoundLine, reason: string): Finding {
  return finding("bad-input", {
    code: b.code,
    statement: line.statement,
    ...placeOf(b),
    message: `${describe(line)} at ${b.cell ?? "its name"}: ${reason}`,
  });
}
