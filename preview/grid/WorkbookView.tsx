import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SimSheet, SimState } from "../../sim";
import { parseArea, splitQualified } from "../../src/grid";
import { FormulaBar } from "./FormulaBar";
import { addressOf, cellContent, type CellPosition } from "./cell-content";
import { Grid } from "./Grid";
import { NamesPanel } from "./NamesPanel";
import { sheetView } from "./sheet-view";
import { SheetTabs, sheetTabId } from "./SheetTabs";
import { useCellEditing } from "./use-cell-editing";
import { useSimVersion } from "./use-sim-version";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1 },
  gridArea: {
    flexGrow: 1,
    minHeight: "12em",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

const A1: CellPosition = { row: 1, col: 1 };

/**
 * The simulator's workbook as a user sees it in Excel: formula bar, grid, sheet tabs and
 * the defined names. Selecting, typing and editing act on the simulator as the user
 * (state.select, setValue, setFormula), so the pane sees the same selection and edits.
 */
export function WorkbookView({
  state,
  onProblem,
}: {
  state: SimState;
  onProblem: (message: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const version = useSimVersion(state);
  const panelId = React.useId();
  const gridId = `${panelId}-grid`;
  const edits = useCellEditing(state, onProblem);
  const lastSelected = React.useRef(new Map<string, CellPosition>());

  const book = state.book;
  const visible = book.sheets.filter((s) => s.visibility === "Visible");
  const sheet = visible.find((s) => s.id === book.activeSheetId) ?? visible[0];
  const selected = book.selection?.sheetId === sheet.id ? book.selection.area : null;
  const active = selected
    ? { row: selected.r1, col: selected.c1 }
    : (lastSelected.current.get(sheet.id) ?? A1);
  lastSelected.current.set(sheet.id, active);

  const view = React.useMemo(
    () => sheetView(state, sheet, active),
    // `version` stands for everything the simulator holds.
    [state, version, sheet.id, active.row, active.col]
  );

  const select = (at: CellPosition, on: SimSheet = sheet) => {
    edits.end(true, "stay");
    state.select(on.name, addressOf(at));
  };

  const goTo = (typed: string): boolean => {
    const { sheet: named, address } = splitQualified(typed);
    const target =
      named === null ? sheet : visible.find((s) => s.name.toLowerCase() === named.toLowerCase());
    const area = parseArea(address);
    if (!target || !area) return false;
    select({ row: area.r1, col: area.c1 }, target);
    return true;
  };

  const index = visible.indexOf(sheet);
  return (
    <div className={styles.root}>
      <FormulaBar
        address={addressOf(active)}
        content={edits.editing?.text ?? cellContent(state, sheet.name, active)}
        onGoTo={goTo}
      />
      <div
        className={styles.gridArea}
        role="tabpanel"
        id={panelId}
        aria-labelledby={sheetTabId(panelId, index)}
      >
        <Grid
          id={gridId}
          view={view}
          active={active}
          editing={edits.editing?.sheet === sheet.name ? edits.editing.text : null}
          onSelect={(at) => select(at)}
          onEditStart={(text) => edits.start(sheet.name, active, text)}
          onEditText={edits.change}
          onEditEnd={edits.end}
          onClear={() => {
            if (cellContent(state, sheet.name, active) !== "") edits.write(sheet.name, active, "");
          }}
        />
      </div>
      <SheetTabs
        panelId={panelId}
        sheets={visible.map((s) => s.name)}
        active={sheet.name}
        onSelect={(name) => {
          const target = visible.find((s) => s.name === name);
          if (target) select(lastSelected.current.get(target.id) ?? A1, target);
        }}
      />
      <NamesPanel book={book} />
    </div>
  );
}
