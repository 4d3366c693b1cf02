import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowSyncRegular,
  DocumentSearchRegular,
  LinkRegular,
  ScanTextRegular,
} from "@fluentui/react-icons";
import type { Code } from "../../engine";
import type { BindingView, BindResult, ScanChoice, ScanResult } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { DoneBar } from "../shared/DoneBar";
import { LevelChoice, type Level } from "../shared/LevelChoice";
import { count } from "../shared/plural";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";
import { BindingMapSection } from "./BindingMapSection";
import { BindingsList, levelText } from "./BindingsList";
import { LinePicker } from "./LinePicker";
import { ScanReview } from "./ScanReview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXL },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function boundText(r: BindResult): string {
  if (r.replaced) return `${r.name} now refers to ${r.cell} (it referred to ${r.replaced}).`;
  return `${r.name} refers to ${r.cell}.`;
}

/** Bind cells to lines: one at a time from the selection, by scanning a printed layout, or from a binding map. */
export function BindPanel(): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const announce = useAnnounce();
  const { busy, problem, run, show, dismiss } = useAction();
  // Reading the list has its own state, so a refresh never disables (or steals focus from) the buttons.
  const list = useAction();
  const [code, setCode] = React.useState<Code | null>(null);
  const [level, setLevel] = React.useState<Level>("sheet");
  const [done, setDone] = React.useState<string | null>(null);
  const [bindings, setBindings] = React.useState<BindingView[] | null>(null);
  const [scanned, setScanned] = React.useState<ScanResult | null>(null);
  const [scanRound, setScanRound] = React.useState(0);
  const [unbinding, setUnbinding] = React.useState<BindingView | null>(null);
  const enabled = actions.capabilities().names;
  const scanButton = React.useRef<HTMLButtonElement>(null);

  // When a review closes (applied or discarded), give focus back to the Scan button it replaced.
  React.useEffect(() => {
    if (scanned === null && scanRound > 0) scanButton.current?.focus();
  }, [scanned, scanRound]);

  const { run: load } = list;
  const refresh = React.useCallback(async () => {
    const r = await load(() => actions.bindings());
    if (r.ok) setBindings(r.value);
  }, [actions, load]);

  React.useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, refresh]);

  const finish = (message: string) => {
    setDone(message);
    announce(message);
    void refresh();
  };

  const bind = async (lineCode: Code, at: Level, onSheet?: string) => {
    setDone(null);
    const r = await run(() => actions.bindSelection(lineCode, at, onSheet));
    if (r.ok) finish(boundText(r.value));
  };

  const scan = async (what: "sheet" | "workbook") => {
    setDone(null);
    const r = await run(() => (what === "sheet" ? actions.scanSheet() : actions.scanWorkbook()));
    if (!r.ok) return;
    setScanned(r.value);
    setScanRound((n) => n + 1);
    const lines = r.value.sheets.reduce((n, s) => n + s.proposals.length, 0);
    const rows = r.value.sheets.reduce((n, s) => n + s.unmatched.length, 0);
    announce(
      `Scan found ${count(lines, "line")} to review${rows ? ` and ${count(rows, "row")} not matched` : ""}.`
    );
  };

  const apply = async (choice: ScanChoice) => {
    const r = await run(() => actions.applyScan(choice, level));
    if (!r.ok) return;
    setScanned(null);
    finish(
      `Created ${count(r.value, "name")} at ${level === "sheet" ? "sheet" : "workbook"} level.`
    );
  };

  const unbind = async (b: BindingView) => {
    setUnbinding(null);
    setDone(null);
    const r = await run(() => actions.unbind({ name: b.name, sheet: b.sheet }));
    if (r.ok) finish(`${b.name} (${levelText(b)}) was removed; the cell keeps its value.`);
  };

  return (
    <div className={styles.root}>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <ProblemBar problem={list.problem} onDismiss={list.dismiss} />
      <DoneBar>{done}</DoneBar>

      <Section title="Bind the selected cell">
        <LinePicker code={code} onChange={setCode} disabled={!enabled} />
        <LevelChoice value={level} onChange={setLevel} />
        <div>
          <Button
            appearance="primary"
            icon={<LinkRegular />}
            disabled={!enabled || busy || code === null}
            onClick={() => code && void bind(code, level)}
          >
            Bind selected cell
          </Button>
        </div>
      </Section>

      <Section title="Find lines by scanning">
        <Caption1>
          Looks for printed line codes with the amount to their left, and for the statement&apos;s
          words (&ldquo;A. Cash&rdquo; under &ldquo;Net ledger balance&rdquo;) on the row of an
          amount. Nothing is created until you confirm.
        </Caption1>
        {scanned === null ? (
          <div className={styles.buttons}>
            <Button
              ref={scanButton}
              icon={<ScanTextRegular />}
              disabled={!enabled || busy}
              onClick={() => void scan("sheet")}
            >
              Scan sheet
            </Button>
            <Button
              icon={<DocumentSearchRegular />}
              disabled={!enabled || busy}
              onClick={() => void scan("workbook")}
            >
              Scan workbook
            </Button>
          </div>
        ) : (
          <ScanReview
            key={scanRound}
            scan={scanned}
            level={level}
            onLevelChange={setLevel}
            busy={busy}
            onApply={(choice) => void apply(choice)}
            onDiscard={() => setScanned(null)}
            onProblem={show}
          />
        )}
      </Section>

      <BindingMapSection enabled={enabled} onApplied={() => void refresh()} />

      <Section
        title="Bindings"
        actions={
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowSyncRegular />}
            disabled={!enabled || list.busy}
            onClick={() => void refresh()}
          >
            Refresh
          </Button>
        }
      >
        {bindings === null ? (
          enabled && <Caption1 aria-busy="true">Reading the workbook&apos;s names…</Caption1>
        ) : (
          <BindingsList
            bindings={bindings}
            busy={busy}
            onRebind={(b) => void bind(b.code, b.level, b.sheet ?? undefined)}
            onUnbind={setUnbinding}
            onProblem={show}
          />
        )}
      </Section>

      <ConfirmDialog
        open={unbinding !== null}
        title={unbinding ? `Unbind ${unbinding.name}?` : ""}
        confirmLabel="Unbind"
        onConfirm={() => unbinding && void unbind(unbinding)}
        onCancel={() => setUnbinding(null)}
      >
        {unbinding && (
          <>
            The name {unbinding.name} ({levelText(unbinding)}) is deleted. The cell and its value
            stay as they are; line {unbinding.line} ({unbinding.code}) is no longer checked there.
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
