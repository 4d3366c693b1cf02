import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CalculatorRegular, TableSimpleRegular } from "@fluentui/react-icons";
import { recomputeUndoNote, type RecomputeRow } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { DoneBar } from "../shared/DoneBar";
import { count } from "../shared/plural";
import { ProblemBar } from "../shared/ProblemBar";
import { useAction } from "../shared/useAction";
import { overwriteText, type Mode } from "./confirm-text";
import { PreviewTable, rowKey } from "./PreviewTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  dialogText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Fill bound totals from their parts, after a preview and an explicit confirmation. */
export function RecomputePanel(): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const announce = useAnnounce();
  const caps = actions.capabilities();
  const { busy, problem, run, show, dismiss } = useAction();
  const [rows, setRows] = React.useState<RecomputeRow[] | null>(null);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [mode, setMode] = React.useState<Mode>("values");
  const [confirming, setConfirming] = React.useState(false);
  const [done, setDone] = React.useState<string | null>(null);

  const selected = (rows ?? []).filter((r) => chosen.has(rowKey(r)));

  const preview = async () => {
    const r = await run(() => actions.recomputePreview());
    if (!r.ok) return;
    setRows(r.value);
    // Only totals that would change start ticked: rewriting a total that ties gains nothing.
    setChosen(new Set(r.value.filter((row) => row.changes).map(rowKey)));
    announce(
      `${count(r.value.length, "total")} found, ${count(r.value.filter((row) => row.changes).length, "change")}.`
    );
  };

  const write = async () => {
    setConfirming(false);
    setDone(null);
    const r = await run(() => actions.recomputeApply(selected, mode));
    if (!r.ok) return;
    const message = `Wrote ${count(r.value, "cell")}.`;
    setDone(message);
    announce(message);
    await preview();
  };

  const cancel = () => {
    setConfirming(false);
    announce("Cancelled: nothing was written.");
  };

  const text = overwriteText(selected, mode);
  // Said before the user confirms: what this write costs their undo history here.
  const undoNote = recomputeUndoNote(caps);
  return (
    <div className={styles.root}>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <DoneBar>{done}</DoneBar>
      <Text>
        Recompute fills the bound totals (derived lines) from their parts. Inputs are never changed,
        and nothing is written before you confirm.
      </Text>
      <div>
        <Button
          icon={<TableSimpleRegular />}
          disabled={!caps.names || busy}
          onClick={() => void preview()}
        >
          Preview
        </Button>
      </div>
      {rows !== null && rows.length === 0 && (
        <Text>No bound total can be computed: bind a total and its parts first.</Text>
      )}
      {rows !== null && rows.length > 0 && (
        <>
          <PreviewTable rows={rows} chosen={chosen} onChosenChange={setChosen} onProblem={show} />
          <Field label="Write">
            <RadioGroup value={mode} onChange={(_e, data) => setMode(data.value as Mode)}>
              <Radio value="values" label="Values (the numbers shown above)" />
              <Radio value="formulas" label="Native formulas (keep computing without the add-in)" />
            </RadioGroup>
          </Field>
          {!caps.undoGroups && (
            <Caption1>
              This Excel cannot undo the write in one step: save the workbook first.
            </Caption1>
          )}
          <div>
            <Button
              appearance="primary"
              icon={<CalculatorRegular />}
              disabled={busy || selected.length === 0}
              onClick={() => setConfirming(true)}
            >
              Write {count(selected.length, "cell")}…
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={text.title}
        confirmLabel={`Overwrite ${count(selected.length, "cell")}`}
        onConfirm={() => void write()}
        onCancel={cancel}
      >
        <div className={styles.dialogText}>
          <Text>{text.body}</Text>
          {text.typed && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{text.typed}</MessageBarBody>
            </MessageBar>
          )}
          {undoNote && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{undoNote}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </ConfirmDialog>
    </div>
  );
}
