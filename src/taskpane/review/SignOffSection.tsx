import * as React from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import type { WorkbookReport } from "../../workbook/validate";
import { recordSheetUndoNote } from "../actions";
import { utcTime } from "../actions/format";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { DoneBar } from "../shared/DoneBar";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";
import { useReviewerName } from "./reviewer-name";

/**
 * Mark reviewed: a typed name, the time, the result and a hash over every bound
 * value, chained to the previous sign-off, in the workbook's hidden review record.
 * Then every Validate says what changed since.
 */
export function SignOffSection({
  report,
  onSigned,
}: {
  report: WorkbookReport;
  onSigned: () => void;
}): React.JSX.Element {
  const actions = useActions();
  const announce = useAnnounce();
  const { busy, problem, run, dismiss } = useAction();
  const [name, setName] = useReviewerName();
  const [done, setDone] = React.useState<string | null>(null);
  const last = report.review.lastSignOff;
  const changes = report.review.changes;
  const record = report.record;
  // Said before the user signs: what the first entry costs their undo history here.
  const undoNote = recordSheetUndoNote(
    actions.capabilities(),
    record.signOffs.length + record.acknowledgements.length > 0
  );

  const sign = async () => {
    setDone(null);
    const r = await run(() => actions.markReviewed(name));
    if (!r.ok) return;
    const message = `Signed off as ${r.value.reviewer} (entry ${r.value.seq}). Save the workbook to keep the record.`;
    setDone(message);
    announce(message);
    onSigned();
  };

  return (
    <Section title="Sign-off">
      {last ? (
        <Text>
          Last signed off by {last.reviewer} on {utcTime(last.at)}. Result then: {last.summary}.{" "}
          {changes === null
            ? ""
            : changes.length === 0
              ? "Nothing has changed since."
              : `${changes.length} bound value${changes.length === 1 ? " has" : "s have"} changed since: ${changes
                  .slice(0, 6)
                  .map((c) => `${c.name} on ${c.scope}`)
                  .join(", ")}${changes.length > 6 ? ", …" : ""}.`}
        </Text>
      ) : (
        <Text>This workbook has not been signed off.</Text>
      )}
      {report.review.recordProblems.map((p, i) => (
        <Text key={i} weight="semibold">
          The sign-off record: {p}
        </Text>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void sign();
        }}
      >
        <Field
          label="Reviewer"
          required
          hint="Recorded with the time and a hash of every bound value."
        >
          <Input value={name} onChange={(_e, d) => setName(d.value)} autoComplete="name" />
        </Field>
        {undoNote && <Text size={200}>{undoNote}</Text>}
        <Button type="submit" appearance="primary" disabled={busy} style={{ marginTop: 8 }}>
          Mark reviewed
        </Button>
      </form>
      <Text size={200}>
        A sign-off is tamper-evident, not a signature: an edited or deleted entry is detected, but
        anyone with the workbook could write a new one.
      </Text>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <DoneBar>{done}</DoneBar>
    </Section>
  );
}
