import * as React from "react";
import { Button, Caption1, makeStyles, Switch, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, EraserRegular, HighlightRegular } from "@fluentui/react-icons";
import type { WorkbookReport } from "../../workbook/validate";
import { noticesDue } from "../../engine";
import { onRibbonResult, problemOf } from "../actions";
import { utcTime } from "../actions/format";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { DoneBar } from "../shared/DoneBar";
import { count } from "../shared/plural";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { whenIdle } from "../shared/idle";
import { useAction } from "../shared/useAction";
import { lazyModule, useLazyModule } from "../shared/useLazyModule";
import { chooseScope, reportSentence, unitCaption } from "./report-view";
import { useLiveValidation } from "./useLiveValidation";

/*
 * What shows a report (Fluent's Table, Badge and Select among it) stays out of the first load:
 * it is asked for once the pane has started and the page is idle, so the first Validate finds
 * it there, and Validate asks for it too (beside the validation) if it is not yet.
 */
const reportViews = lazyModule(() => import("./report-parts"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

/**
 * Done once the pane has started and the page is idle, so that the first Validate waits for
 * neither: the report's views, and the locale data its sentence and time are written with (a
 * page's first toLocaleString loads ICU's data: 40 to 120 ms in headless Chromium on this
 * machine, 2 to 7 ms for each kind of format after). A failure to load the views is not shown
 * here: Validate asks again and reports it then.
 */
function prepareFirstReport(): void {
  reportViews.load().catch(() => undefined);
  new Date().toLocaleTimeString();
  count(0, "error");
}

const loading = <Caption1>Loading…</Caption1>;

type Source = "button" | "live" | "ribbon";
const BY: Record<Source, string> = { button: "", live: " (live)", ribbon: " (from the ribbon)" };

/** Validate every scope, show summaries and findings, mark the failing cells. */
export function ValidatePanel(): React.JSX.Element {
  const styles = useStyles();
  const actions = useActions();
  const announce = useAnnounce();
  const caps = actions.capabilities();
  const { busy, problem, run, show, dismiss } = useAction();
  const [report, setReport] = React.useState<WorkbookReport | null>(null);
  const [status, setStatus] = React.useState<string | null>(null);
  const [scope, setScope] = React.useState<string | null>(null);
  const [live, setLive] = React.useState(false);
  const [done, setDone] = React.useState<string | null>(null);
  const lastSentence = React.useRef<string | null>(null);
  const [views, loadViews] = useLazyModule(reportViews);

  const accept = React.useCallback(
    (r: WorkbookReport, source: Source) => {
      loadViews().catch((e: unknown) => show(problemOf(e)));
      const sentence = reportSentence(r);
      setReport(r);
      setScope((previous) => chooseScope(r, previous));
      setStatus(`${sentence} ${new Date().toLocaleTimeString()}${BY[source]}`);
      // Live updates are announced only when the result changes, so typing is not talked over.
      if (source !== "live" || sentence !== lastSentence.current) announce(sentence);
      lastSentence.current = sentence;
    },
    [announce, loadViews, show]
  );

  React.useEffect(() => whenIdle(prepareFirstReport), []);
  useLiveValidation(live, (r) => accept(r, "live"), show);
  React.useEffect(() => onRibbonResult((result) => accept(result.report, "ribbon")), [accept]);

  const validate = async () => {
    setDone(null);
    loadViews().catch(() => undefined); // beside the validation; accept() reports a failure
    const r = await run(() => actions.validate());
    if (r.ok) accept(r.value, "button");
  };

  const toggleLive = (on: boolean) => {
    setLive(on);
    if (on) void validate(); // start from a fresh report; later edits re-validate by themselves
  };

  const highlight = async () => {
    if (!report) return;
    const r = await run(() => actions.highlight(report));
    if (!r.ok) return;
    const notes = r.value.notes ? " with notes" : "";
    const message = `Marked ${count(r.value.marks, "cell")}${notes}. Marks clear themselves once a problem is fixed.`;
    setDone(message);
    announce(message);
  };

  const clear = async () => {
    const r = await run(() => actions.clearHighlights());
    if (!r.ok) return;
    const message = `Removed ${count(r.value, "mark")}.`;
    setDone(message);
    announce(message);
  };

  const current = report?.scopes.find((s) => s.scope === scope) ?? null;
  // Over every scope, not just the one shown: one list per workbook, most urgent first.
  const notices = React.useMemo(() => (report ? noticesDue(report) : null), [report]);
  const unit = current ? unitCaption(current) : null;

  return (
    <div className={styles.root}>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<CheckmarkCircleFilled />}
          disabled={!caps.names || busy}
          onClick={() => void validate()}
        >
          Validate
        </Button>
        <Switch
          label="Live updates"
          checked={live}
          disabled={!caps.names || !caps.events}
          onChange={(_e, data) => toggleLive(data.checked)}
        />
      </div>
      <div className={styles.toolbar}>
        <Button
          icon={<HighlightRegular />}
          disabled={!caps.conditionalFormats || busy || !report}
          onClick={() => void highlight()}
        >
          Highlight
        </Button>
        <Button
          icon={<EraserRegular />}
          disabled={!caps.conditionalFormats || busy}
          onClick={() => void clear()}
        >
          Clear highlights
        </Button>
      </div>
      <DoneBar>{done}</DoneBar>
      {status && <Caption1>{status}</Caption1>}
      {report?.review.lastSignOff && <Caption1>{signOffStatus(report)}</Caption1>}
      {!report && <Text>Press Validate to check every bound statement in the workbook.</Text>}

      {notices && (
        <Section title={`Notices due (${notices.notices.length})`}>
          {views ? (
            <views.NoticesList
              due={notices}
              onGoTo={(cell) => actions.goTo(cell).catch((e: unknown) => show(problemOf(e)))}
            />
          ) : (
            loading
          )}
        </Section>
      )}

      {report &&
        report.scopes.length > 1 &&
        (views ? <views.ScopeChoice report={report} scope={scope} onChange={setScope} /> : loading)}

      {current && (
        <>
          <Section title={`Summary, ${current.scope}`}>
            {unit && <Caption1>{unit}</Caption1>}
            {views ? <views.SummaryTable summaries={current.summaries} /> : loading}
          </Section>
          <Section title={`Findings, ${current.scope}`}>
            {views ? (
              <views.FindingsList
                findings={current.findings}
                scope={current.scope}
                onProblem={show}
                onAcknowledged={() => void validate()}
              />
            ) : (
              loading
            )}
          </Section>
        </>
      )}
    </div>
  );
}

/** Whether anything changed since the last sign-off, in one line under the toolbar. */
function signOffStatus(report: WorkbookReport): string {
  const last = report.review.lastSignOff!;
  const since = `Signed off by ${last.reviewer} on ${utcTime(last.at)}`;
  const changes = report.review.changes;
  if (changes === null) return `${since}; the sign-off record has problems (see the findings).`;
  if (changes.length === 0) return `${since}; nothing has changed since.`;
  const names = [...new Set(changes.map((c) => c.name))].slice(0, 5).join(", ");
  return `${since}; ${changes.length} bound value${changes.length === 1 ? "" : "s"} changed since (${names}${changes.length > 5 ? ", …" : ""}).`;
}
