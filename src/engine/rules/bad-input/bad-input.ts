import { finding, type Finding } from "../../findings";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import { describe } from "../describe";

/** A bound cell that holds no amount (readAmount's reason says why), naming the cell. */
export function badInput(line: RegisteredLine, b: BoundLine, reason: string): Finding {
  return finding("bad-input", { code: b.code, statement: line.statement, cell: b.cell, message: `${describe(line)} at ${b.cell ?? "its name"}: ${reason}` });
}
