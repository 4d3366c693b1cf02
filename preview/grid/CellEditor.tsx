import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import type { Move } from "./use-cell-editing";

const useStyles = makeStyles({
  editor: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "12em",
    height: "20px",
    border: "none",
    outline: "2px solid #107c41",
    font: "inherit",
    padding: "0 2px",
  },
});

/**
 * The in-cell editor: Enter commits and moves down, Tab right (Shift: up, left), Esc cancels,
 * and leaving it (a click elsewhere) commits in place, as in Excel.
 */
export function CellEditor({
  address,
  text,
  onText,
  onEnd,
}: {
  address: string;
  text: string;
  onText: (text: string) => void;
  /** `byKeyboard`: Enter, Tab or Esc rather than a blur. */
  onEnd: (commit: boolean, move: Move, byKeyboard: boolean) => void;
}): React.JSX.Element {
  const styles = useStyles();
  // Enter, Tab or Esc ends the edit; the blur that follows (the editor goes away) must not end it twice.
  const ended = React.useRef(false);
  const end = (commit: boolean, move: Move, byKeyboard: boolean) => {
    if (ended.current) return;
    ended.current = true;
    onEnd(commit, move, byKeyboard);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") end(true, e.shiftKey ? "up" : "down", true);
    else if (e.key === "Tab") end(true, e.shiftKey ? "left" : "right", true);
    else if (e.key === "Escape") end(false, "stay", true);
    else return;
    e.preventDefault();
  };
  return (
    <input
      ref={(el) => {
        if (el && document.activeElement !== el) {
          el.focus();
          el.setSelectionRange(el.value.length, el.value.length);
        }
      }}
      className={styles.editor}
      aria-label={`Edit cell ${address}`}
      value={text}
      onChange={(e) => onText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => end(true, "stay", false)}
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
