import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { lineOf, type Finding } from "../../engine";
import type { ActionProblem } from "../actions";
import { problemOf } from "../actions";
import { expectedLabel, formatAmount, kindLabel } from "../actions/format";
import { useActions } from "../shared/ActionsContext";
import { SeverityBadge } from "../shared/badges";
import { lazyModule, useLazyModule } from "../shared/useLazyModule";

/* The dialog (Fluent's Dialog, Textarea and Input) loads the first time a finding is acknowledged. */
const acknowledgeDialog = lazyModule(() => import("../review/AcknowledgeDialog"));

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: {
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
    borderInlineStartWidth: tokens.strokeWidthThickest,
  },
  warning: {
    borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2,
    borderInlineStartWidth: tokens.strokeWidthThickest,
  },
  info: {
    borderInlineStartColor: tokens.colorNeutralStroke1,
    borderInlineStartWidth: tokens.strokeWidthThickest,
  },
  target: {
    // The whole heading selects the cell: a native button, so Enter and Space work everywhere.
    appearance: "none",
    backgroundColor: "transparent",
    border: "none",
    margin: 0,
    padding: 0,
    font: "inherit",
    color: "inherit",
    textAlign: "start",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  cell: { color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
  amounts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, textAlign: "end" },
  acknowledged: { color: tokens.colorPaletteGreenForeground1 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  explanation: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

/** One finding: what, where, the amounts, the rule; selecting it selects its cell. */
export function FindingItem({
  finding,
  scope,
  onProblem,
  onAcknowledged,
}: {
  finding: Finding;
  scope: string;
  onAcknowledged?: () => void;
  onProblem: (p: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const messageId = useId("finding-message");
  const [explanation, setExplanation] = React.useState<string | null>(null);
  const [acknowledging, setAcknowledging] = React.useState(false);
  const [dialog, loadDialog] = useLazyModule(acknowledgeDialog);
  const ack = finding.acknowledgement;
  // Acknowledging is for what a reviewer decides on: errors and warnings.
  const canAcknowledge = finding.severity !== "info" && !ack && !!onAcknowledged;
  const line = finding.code ? lineOf(finding.code) : undefined;
  const { cell } = finding;

  const heading = (
    <>
      {/* The visible pieces, spaced, are the button's accessible name: what is seen is what is spoken. */}
      <span className={styles.heading}>
        <SeverityBadge severity={finding.severity} />{" "}
        <Text weight="semibold">{kindLabel(finding.kind)}</Text>{" "}
        {line && (
          <Text>
            line {line.line} ({line.code})
          </Text>
        )}
      </span>{" "}
      {line && <Text size={200}>{line.label}</Text>}{" "}
      {cell && (
        <Text size={200} className={styles.cell}>
          {cell}
        </Text>
      )}
    </>
  );

  const explain = async () => {
    if (explanation !== null) return setExplanation(null);
    try {
      const e = await actions.explain(scope, finding.code!);
      setExplanation(e?.text ?? "No explanation: the line is not a total.");
    } catch (e) {
      onProblem(problemOf(e));
    }
  };

  const acknowledge = () => {
    setAcknowledging(true);
    loadDialog().catch((e: unknown) => {
      setAcknowledging(false);
      onProblem(problemOf(e));
    });
  };

  return (
    <li className={mergeClasses(styles.item, styles[finding.severity])}>
      {cell ? (
        <button
          type="button"
          className={styles.target}
          aria-describedby={messageId}
          onClick={() =>
            actions.goTo(finding.location ?? cell).catch((e: unknown) => onProblem(problemOf(e)))
          }
        >
          {heading}
        </button>
      ) : (
        heading
      )}
      <Amounts finding={finding} />
      <Text id={messageId} size={200}>
        {finding.message}
      </Text>
      {finding.rule && (
        <Text size={200} weight="semibold">
          Notice: {finding.rule}
        </Text>
      )}
      {ack && (
        <Text size={200} className={styles.acknowledged}>
          Acknowledged by {ack.by} on {ack.at.slice(0, 10)}
          {ack.asOf && ack.scope !== scope ? ` (for ${ack.scope})` : ""}: {ack.reason}
        </Text>
      )}
      {(line?.kind === "derived" || canAcknowledge) && (
        <div className={styles.buttons}>
          {line?.kind === "derived" && (
            <Button
              size="small"
              aria-expanded={explanation !== null}
              onClick={() => void explain()}
            >
              {explanation === null ? "Explain" : "Hide explanation"}
            </Button>
          )}
          {canAcknowledge && (
            <Button size="small" onClick={acknowledge}>
              Acknowledge…
            </Button>
          )}
        </div>
      )}
      {canAcknowledge &&
        acknowledging &&
        (dialog ? (
          <dialog.AcknowledgeDialog
            open
            scope={scope}
            finding={finding}
            onCancel={() => setAcknowledging(false)}
            onDone={() => {
              setAcknowledging(false);
              onAcknowledged?.();
            }}
          />
        ) : (
          <Caption1>Loading…</Caption1>
        ))}
      {explanation !== null && <Text className={styles.explanation}>{explanation}</Text>}
    </li>
  );
}

function Amounts({ finding }: { finding: Finding }): React.JSX.Element | null {
  const styles = useStyles();
  const rows: [string, string][] = [];
  if (finding.reported) rows.push(["Reported", formatAmount(finding.reported)]);
  if (finding.expected) rows.push([expectedLabel(finding.kind), formatAmount(finding.expected)]);
  if (finding.difference) rows.push(["Difference", formatAmount(finding.difference)]);
  if (rows.length === 0) return null;
  return (
    <dl className={styles.amounts}>
      {rows.map(([term, value]) => (
        <React.Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
