import * as React from "react";
import type { SimState } from "../../sim";
import { addressOf, cellContent, type CellPosition } from "./cell-content";
import { typedEntry } from "./typed-input";

/** Where the selection goes when an edit ends: Enter moves down, Tab right, Esc stays. */
export type Move = "down" | "up" | "right" | "left" | "stay";

const STEP: Record<Move, [number, number]> = {
  down: [1, 0],
  up: [-1, 0],
  right: [0, 1],
  left: [0, -1],
  stay: [0, 0],
};

interface Editing {
  sheet: string;
  at: CellPosition;
  original: string;
  text: string;
}

export interface CellEditing {
  editing: Editing | null;
  /** Edit the selected cell, starting from `text` (a typed character), or from its content when null. */
  start(sheet: string, at: CellPosition, text: string | null): void;
  change(text: string): void;
  /** Commit (as the user, when the text changed) or cancel, then move the selection. Ending twice is harmless. */
  end(commit: boolean, move: Move): void;
  /** Type `text` into a cell at once (Delete clears with ""). */
  write(sheet: string, at: CellPosition, text: string): void;
}

/**
 * Editing a cell as Excel does: cell-edit mode while the editor is open (the pane's batches
 * wait for it), then the entry typed as the user, so onChanged fires and live validation follows.
 */
export function useCellEditing(state: SimState, onProblem: (message: string) => void): CellEditing {
  const [editing, setEditingState] = React.useState<Editing | null>(null);
  // Read by the handlers: a click elsewhere and the editor's blur may both end one edit.
  const current = React.useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    current.current = e;
    setEditingState(e);
  };

  const write = (sheet: string, at: CellPosition, text: string) => {
    const address = addressOf(at);
    const entry = typedEntry(text);
    const done =
      "formula" in entry
        ? state.setFormula(sheet, address, entry.formula)
        : state.setValue(sheet, address, entry.value);
    // Not awaited: an edit settles only once the add-in's handlers and functions have run.
    done.catch((e: unknown) =>
      onProblem(`${address} was not changed: ${e instanceof Error ? e.message : String(e)}`)
    );
  };

  return {
    editing,
    start(sheet, at, text) {
      const original = cellContent(state, sheet, at);
      state.enterCellEdit();
      setEditing({ sheet, at, original, text: text ?? original });
    },
    change(text) {
      if (current.current) setEditing({ ...current.current, text });
    },
    end(commit, move) {
      const e = current.current;
      if (!e) return;
      state.exitCellEdit();
      setEditing(null);
      if (commit && e.text !== e.original) write(e.sheet, e.at, e.text);
      if (move === "stay") return;
      const [dr, dc] = STEP[move];
      state.select(
        e.sheet,
        addressOf({ row: Math.max(1, e.at.row + dr), col: Math.max(1, e.at.col + dc) })
      );
    },
    write,
  };
}
