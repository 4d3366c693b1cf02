import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../engine";
import { recordSheetUndoNote } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { ProblemBar } from "../shared/ProblemBar";
import { useAction } from "../shared/useAction";
import { useReviewerName } from "./reviewer-name";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/**
 * Acknowledge a finding: who and why, written to the workbook's review record.
 * It carries to later periods while the finding persists; it never hides it.
 */
export function AcknowledgeDialog({
  open,
  scope,
  finding,
  recordHasEntries = false,
  onDone,
  onCancel,
}: {
  open: boolean;
  scope: string;
  finding: Finding;
  /** The review record already holds entries (so the hidden sheet exists). */
  recordHasEntries?: boolean;
  onDone: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const { busy, problem, run, dismiss } = useAction();
  const [name, setName] = useReviewerName();
  const [reason, setReason] = React.useState("");
  // Said before the user confirms; FindingItem does not know whether the record has entries: the note says "if".
  const undoNote = recordSheetUndoNote(actions.capabilities(), recordHasEntries);

  const submit = async () => {
    const r = await run(() => actions.acknowledge(scope, finding, reason, name));
    if (r.ok) {
      setReason("");
      onDone();
    }
  };

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Acknowledge finding</DialogTitle>
            <DialogContent className={styles.content}>
              <Text size={200}>{finding.message}</Text>
              <Field
                label="Reason"
                required
                hint="Goes into the workbook's review record and the review package."
              >
                <Textarea
                  value={reason}
                  onChange={(_e, d) => setReason(d.value)}
                  resize="vertical"
                />
              </Field>
              <Field label="Your name" required>
                <Input value={name} onChange={(_e, d) => setName(d.value)} autoComplete="name" />
              </Field>
              <Text size={200}>
                The acknowledgement carries to later periods while the finding persists. It does not
                clear a deficiency or a notice requirement.
              </Text>
              {undoNote && <Text size={200}>{undoNote}</Text>}
              {problem && <ProblemBar problem={problem} onDismiss={dismiss} />}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy}>
                Acknowledge
              </Button>
              <Button appearance="secondary" onClick={onCancel}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
