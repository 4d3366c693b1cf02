import * as React from "react";
import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { BindingMapChoice, BindingMapPlan } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { DoneBar } from "../shared/DoneBar";
import { count } from "../shared/plural";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";
import { copyText, downloadText } from "../shared/files";
import { readMapFile } from "./map-file";
import { MapPlanReview } from "./MapPlanReview";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
  // A native textarea: Fluent's Textarea would add kilobytes for a fallback few people see.
  text: {
    minHeight: "120px",
    resize: "vertical",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
});

/**
 * Binding maps: save this workbook's bindings as a file (or copy them), and apply a
 * file to a workbook of the same layout. A map is shown as a plan, conflicts first;
 * names change only on Apply, in one batch.
 */
export function BindingMapSection({
  enabled,
  onApplied,
}: {
  enabled: boolean;
  /** After names were created: the panel refreshes its list. */
  onApplied: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const announce = useAnnounce();
  const { busy, problem, run, dismiss } = useAction();
  const [done, setDone] = React.useState<string | null>(null);
  const [copyable, setCopyable] = React.useState<string | null>(null);
  const [review, setReview] = React.useState<{ fileName: string; plan: BindingMapPlan } | null>(
    null
  );
  const fileInput = React.useRef<HTMLInputElement>(null);
  const applyButton = React.useRef<HTMLButtonElement>(null);

  const say = (message: string) => {
    setDone(message);
    announce(message);
  };
  const start = () => {
    setDone(null);
    setCopyable(null);
  };

  const saveFile = async () => {
    start();
    const r = await run(() => actions.exportBindingMap());
    if (!r.ok) return;
    downloadText(r.value.fileName, r.value.text);
    say(`Saved ${count(r.value.bindings, "binding")} as ${r.value.fileName}.`);
  };

  const copy = async () => {
    start();
    const r = await run(() => actions.exportBindingMap());
    if (!r.ok) return;
    if (await copyText(r.value.text)) {
      say(`Copied ${count(r.value.bindings, "binding")} to the clipboard.`);
    } else {
      // Some hosts block the clipboard API: the text itself, selected, is the way out.
      setCopyable(r.value.text);
      announce("The clipboard is not available here: the map is shown below to copy by hand.");
    }
  };

  const planFrom = async (file: File) => {
    start();
    const r = await run(async () => actions.planBindingMap(await readMapFile(file)));
    if (r.ok) setReview({ fileName: file.name, plan: r.value });
    if (r.ok) announce(`${file.name}: ${count(r.value.conflicts.length, "conflict")} to review.`);
  };

  const apply = async (choice: BindingMapChoice) => {
    if (!review) return;
    const r = await run(() => actions.applyBindingMap(review.plan, choice));
    if (!r.ok) return;
    setReview(null);
    say(`Applied ${review.fileName}: ${count(r.value, "name")} created or replaced.`);
    onApplied();
  };

  const cancel = () => {
    setReview(null);
    announce("Nothing was changed.");
  };

  // When a review closes, focus goes back to the button that opened it.
  const reviewing = review !== null;
  const wasReviewing = React.useRef(false);
  React.useEffect(() => {
    if (wasReviewing.current && !reviewing) applyButton.current?.focus();
    wasReviewing.current = reviewing;
  }, [reviewing]);

  return (
    <Section title="Binding maps">
      <Caption1>
        Save this workbook&apos;s bindings as a file, or apply a file saved from a workbook of the
        same layout (next month&apos;s file, a colleague&apos;s template). A map&apos;s plan and its
        conflicts are shown before any name changes.
      </Caption1>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <DoneBar>{done}</DoneBar>
      {review === null ? (
        <div className={styles.buttons}>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={!enabled || busy}
            onClick={() => void saveFile()}
          >
            Export bindings
          </Button>
          <Button icon={<CopyRegular />} disabled={!enabled || busy} onClick={() => void copy()}>
            Copy to clipboard
          </Button>
          <Button
            ref={applyButton}
            icon={<DocumentArrowUpRegular />}
            disabled={!enabled || busy}
            onClick={() => fileInput.current?.click()}
          >
            Apply bindings from a map…
          </Button>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".json,application/json"
            aria-label="Binding map file"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that choosing the same file again is a change too.
              e.currentTarget.value = "";
              if (file) void planFrom(file);
            }}
          />
        </div>
      ) : (
        <MapPlanReview
          fileName={review.fileName}
          plan={review.plan}
          busy={busy}
          onApply={(choice) => void apply(choice)}
          onCancel={cancel}
        />
      )}
      {copyable !== null && (
        <Field
          label="Binding map (the clipboard is not available here: select it all and copy)"
          hint="Save it as a .focus-map.json file to apply it elsewhere."
        >
          {(field) => (
            <textarea
              {...field}
              className={styles.text}
              readOnly
              value={copyable}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </Field>
      )}
    </Section>
  );
}
