import * as React from "react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine";
import type { ActionProblem } from "../actions";
import { FindingItem } from "./FindingItem";
import { countsText, groupFindings } from "./report-view";
import { useListStyles } from "../shared/list-styles";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A scope's findings by statement, errors first. */
export function FindingsList({
  findings,
  scope,
  onProblem,
  onAcknowledged,
}: {
  findings: Finding[];
  scope: string;
  onProblem: (p: ActionProblem) => void;
  /** After a reviewer acknowledged a finding: validate again to show it. */
  onAcknowledged?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const listStyles = useListStyles();
  if (findings.length === 0) return <Text>Everything ties: no findings.</Text>;
  return (
    <>
      {groupFindings(findings).map((g) => (
        <div key={g.key} className={styles.group}>
          <h3 className={styles.heading}>
            {g.title} <Text size={200}>({countsText(g.findings)})</Text>
          </h3>
          <ul className={listStyles.list} aria-label={`${g.title} findings`}>
            {g.findings.map((f, i) => (
              <FindingItem
                key={`${f.kind}|${f.code}|${f.cell}|${i}`}
                finding={f}
                scope={scope}
                onProblem={onProblem}
                onAcknowledged={onAcknowledged}
              />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
