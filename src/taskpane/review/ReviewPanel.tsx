import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { WorkbookReport } from "../../workbook/validate";
import { useActions } from "../shared/ActionsContext";
import { ProblemBar } from "../shared/ProblemBar";
import { useAction } from "../shared/useAction";
import { ComparisonSection } from "./ComparisonSection";
import { PackageSection } from "./PackageSection";
import { PeriodsSection } from "./PeriodsSection";
import { SignOffSection } from "./SignOffSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
});

/** The reviewer's tab: periods, the day before, sign-off and the review package. */
export function ReviewPanel(): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const { busy, problem, run, dismiss } = useAction();
  const [report, setReport] = React.useState<WorkbookReport | null>(null);

  const load = React.useCallback(async () => {
    const r = await run(() => actions.validate());
    if (r.ok) setReport(r.value);
  }, [actions, run]);

  return (
    <div className={styles.root}>
      <div>
        <Button
          appearance="primary"
          disabled={busy || !actions.capabilities().names}
          onClick={() => void load()}
        >
          {report ? "Refresh review" : "Load review"}
        </Button>
      </div>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      {report ? (
        <>
          <PeriodsSection report={report} onChanged={() => void load()} />
          <ComparisonSection report={report} />
          <SignOffSection report={report} onSigned={() => void load()} />
          <PackageSection report={report} />
        </>
      ) : (
        <Text>
          Load the review to see the periods, compare each day with the one before, and sign off.
        </Text>
      )}
    </div>
  );
}
