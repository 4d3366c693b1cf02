import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellKey, indexToCol } from "../../src/grid";
import type { CellPosition } from "./cell-content";
import type { CellView, SheetView } from "./sheet-view";
import { CellEditor } from "./CellEditor";
import type { Move } from "./use-cell-editing";

export interface GridProps {
  id: string;
  view: SheetView;
  active: CellPosition;
  /** The text in the cell editor, while the user edits the active cell. */
  editing: string | null;
  onSelect(position: CellPosition): void;
  /** Start editing: with `text` (a typed character), or null for the cell's own content (F2, double-click). */
  onEditStart(text: string | null): void;
  onEditText(text: string): void;
  /** `byKeyboard`: Enter, Tab or Esc, so the grid takes focus back; a blur leaves it where it went. */
  onEditEnd(commit: boolean, move: Move, byKeyboard: boolean): void;
  onClear(): void;
}

const PAGE_ROWS = 20;
/** Rows and columns each navigation key moves the selection by. */
const STEPS: Partial<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  PageUp: [-PAGE_ROWS, 0],
  PageDown: [PAGE_ROWS, 0],
};
const ROW_HEADER_WIDTH = 40;
/** A cell's horizontal padding, both sides (see `cell`). */
const CELL_PADDING = 8;

const useStyles = makeStyles({
  table: {
    tableLayout: "fixed",
    borderCollapse: "separate",
    borderSpacing: 0,
    fontFamily: "Calibri, Carlito, 'Segoe UI', sans-serif",
    fontSize: "13px",
    color: "#201f1e",
    backgroundColor: "#ffffff",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  header: {
    position: "sticky",
    backgroundColor: "#f3f2f1",
    color: "#323130",
    fontWeight: "normal",
    textAlign: "center",
    border: "1px solid #d2d0ce",
    borderTopWidth: 0,
    borderLeftWidth: 0,
    padding: "0 4px",
    zIndex: 1,
  },
  columnHeader: { top: 0 },
  rowHeader: { left: 0 },
  corner: { top: 0, left: 0, zIndex: 2 },
  current: { backgroundColor: "#d2e8d9", color: "#0b3d1f", fontWeight: "bold" },
  cell: {
    height: "20px",
    padding: "0 4px",
    borderRight: "1px solid #e1dfdd",
    borderBottom: "1px solid #e1dfdd",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    position: "relative",
    cursor: "cell",
  },
  active: { outline: "2px solid #107c41", outlineOffset: "-2px", zIndex: 1 },
  // Over the empty cells to the right, as Excel draws long text, up to the next filled one.
  spilling: { overflow: "visible" },
  spill: { overflow: "hidden", whiteSpace: "nowrap" },
  // Excel's red triangle in the top-right corner of a cell with a note.
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #c50f1f",
      borderLeft: "6px solid transparent",
    },
  },
});

const cellId = (gridId: string, { row, col }: CellPosition) => `${gridId}-r${row}c${col}`;

/**
 * The sheet as an ARIA grid: one tab stop, arrow keys move the selection, typing or F2 edits
 * and Enter commits, Esc cancels; Tab leaves the grid (for the pane) except while editing.
 */
export function Grid(props: GridProps): React.JSX.Element {
  const { id, view, active, editing, onSelect, onEditStart, onClear } = props;
  const styles = useStyles();
  const table = React.useRef<HTMLTableElement>(null);
  const activeId = cellId(id, active);

  React.useEffect(() => {
    document.getElementById(activeId)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [activeId]);

  // Rows are memoised: hand them callbacks that never change and call the latest props.
  const latest = React.useRef(props);
  latest.current = props;
  const callbacks = React.useMemo(
    () => ({
      select: (p: CellPosition) => latest.current.onSelect(p),
      editStart: (text: string | null) => latest.current.onEditStart(text),
      editText: (text: string) => latest.current.onEditText(text),
      editEnd: (commit: boolean, move: Move, byKeyboard: boolean) => {
        // Back from the editor by keyboard, the grid has focus again (the editor's blur is then ignored).
        if (byKeyboard) table.current?.focus();
        latest.current.onEditEnd(commit, move, byKeyboard);
      },
    }),
    []
  );

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    if (e.target !== table.current) return; // the editor handles its own keys
    const go = (row: number, col: number) =>
      onSelect({ row: Math.max(1, row), col: Math.max(1, col) });
    const step = STEPS[e.key] ?? (e.key === "Enter" ? [e.shiftKey ? -1 : 1, 0] : null);
    if (step) go(active.row + step[0], active.col + step[1]);
    else if (e.key === "Home") go(e.ctrlKey ? 1 : active.row, 1);
    else if (e.key === "F2") onEditStart(null);
    else if (e.key === "Delete") onClear();
    else if (e.key === "Backspace") onEditStart("");
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) onEditStart(e.key);
    else return;
    e.preventDefault();
  };

  const rows: React.JSX.Element[] = [];
  for (let row = 1; row <= view.rowCount; row++) {
    const cells: (CellView | undefined)[] = [];
    for (let col = 1; col <= view.colCount; col++) cells.push(view.cells.get(cellKey(row, col)));
    const activeCol = row === active.row ? active.col : null;
    rows.push(
      <Row
        key={row}
        gridId={id}
        row={row}
        cells={cells}
        signature={JSON.stringify(cells)}
        activeCol={activeCol}
        editing={activeCol === null ? null : editing}
        onSelect={callbacks.select}
        onEditStart={callbacks.editStart}
        onEditText={callbacks.editText}
        onEditEnd={callbacks.editEnd}
      />
    );
  }

  const columns = Array.from({ length: view.colCount }, (_, i) => i + 1);
  return (
    <table
      ref={table}
      id={id}
      role="grid"
      aria-label={`Sheet ${view.name}`}
      aria-rowcount={view.rowCount + 1}
      aria-colcount={view.colCount + 1}
      aria-activedescendant={editing === null ? activeId : undefined}
      tabIndex={0}
      className={styles.table}
      // A fixed layout needs the table's width: the columns' sum.
      style={{ width: view.widths.reduce((sum, w) => sum + w, ROW_HEADER_WIDTH) }}
      onKeyDown={onKeyDown}
    >
      <colgroup>
        <col style={{ width: ROW_HEADER_WIDTH }} />
        {columns.map((c) => (
          <col key={c} style={{ width: view.widths[c - 1] }} />
        ))}
      </colgroup>
      <thead>
        <tr role="row">
          <td className={mergeClasses(styles.header, styles.corner)} aria-hidden="true" />
          {columns.map((c) => (
            <th
              key={c}
              role="columnheader"
              scope="col"
              className={mergeClasses(
                styles.header,
                styles.columnHeader,
                c === active.col && styles.current
              )}
            >
              {indexToCol(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

interface RowProps {
  gridId: string;
  row: number;
  cells: (CellView | undefined)[];
  /** What the row shows, as one string: rows whose signature is unchanged are not drawn again. */
  signature: string;
  activeCol: number | null;
  editing: string | null;
  onSelect: GridProps["onSelect"];
  onEditStart: GridProps["onEditStart"];
  onEditText: GridProps["onEditText"];
  onEditEnd: GridProps["onEditEnd"];
}

const Row = React.memo(
  function Row(props: RowProps): React.JSX.Element {
    const styles = useStyles();
    const { gridId, row, cells, activeCol, editing } = props;
    return (
      <tr role="row">
        <th
          role="rowheader"
          scope="row"
          className={mergeClasses(
            styles.header,
            styles.rowHeader,
            activeCol !== null && styles.current
          )}
        >
          {row}
        </th>
        {cells.map((cell, i) => {
          const col = i + 1;
          const isActive = col === activeCol;
          const address = `${indexToCol(col)}${row}`;
          return (
            <td
              key={col}
              id={cellId(gridId, { row, col })}
              role="gridcell"
              aria-selected={isActive}
              data-testid={`cell-${address}`}
              title={cell?.note ?? undefined}
              className={mergeClasses(
                styles.cell,
                isActive && styles.active,
                cell?.spill ? styles.spilling : undefined,
                cell?.note ? styles.noted : undefined
              )}
              style={
                cell && {
                  textAlign: cell.align,
                  fontWeight: cell.bold ? "bold" : undefined,
                  backgroundColor: cell.fill ?? undefined,
                  color: cell.color ?? undefined,
                }
              }
              onMouseDown={() => props.onSelect({ row, col })}
              onDoubleClick={() => props.onEditStart(null)}
            >
              {isActive && editing !== null ? (
                <CellEditor
                  address={address}
                  text={editing}
                  onText={props.onEditText}
                  onEnd={props.onEditEnd}
                />
              ) : cell?.spill ? (
                <div className={styles.spill} style={{ width: cell.spill - CELL_PADDING }}>
                  {cell.text}
                </div>
              ) : (
                cell?.text
              )}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.signature === b.signature &&
    a.activeCol === b.activeCol &&
    a.editing === b.editing &&
    a.gridId === b.gridId &&
    a.onSelect === b.onSelect &&
    a.onEditStart === b.onEditStart &&
    a.onEditText === b.onEditText &&
    a.onEditEnd === b.onEditEnd
);
