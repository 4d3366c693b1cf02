import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { codeValueCsv, findingsCsv, scopeFileName } from "../../report/csv";
import { renderHtml } from "../../report/html";
import { reviewPackage } from "../../report/package";
import type { WorkbookReport } from "../../workbook/validate";
import { downloadText } from "../shared/files";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { DoneBar } from "../shared/DoneBar";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";
import { useReviewerName } from "./reviewer-name";

/**
 * The review package: a report sheet in the workbook, the same report as a
 * print-ready HTML file, findings as CSV, and a code,value CSV per scope for
 * tying out to the filing system. Files are made here, in the pane; nothing is sent.
 */
export function PackageSection({ report }: { report: WorkbookReport }): React.JSX.Element {
  const actions = useActions();
  const announce = useAnnounce();
  const { busy, problem, run, dismiss } = useAction();
  const [name] = useReviewerName();
  const [done, setDone] = React.useState<string | null>(null);
  const pkg = () =>
    reviewPackage(report, {
      file: "this workbook",
      fileSha256: null,
      generatedAt: new Date().toISOString(),
      by: name.trim() || null,
    });

  const writeSheet = async () => {
    setDone(null);
    const r = await run(() => actions.writeReportSheet(name.trim() || null));
    if (!r.ok) return;
    const message = `Inserted the review package as sheet “${r.value}”.`;
    setDone(message);
    announce(message);
  };

  return (
    <Section title="Review package">
      <Text size={200}>
        Findings, acknowledgements, summaries, sign-offs, the engine and reference versions and the
        inferred codes. The report sheet carries the SHA-256 of the workbook as Excel hands it over;
        for the saved file’s own hash, run focus-check --report html on it.
      </Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button appearance="primary" disabled={busy} onClick={() => void writeSheet()}>
          Write report sheet
        </Button>
        <Button onClick={() => downloadText("focus-review.html", renderHtml(pkg()), "text/html")}>
          Save report (HTML)
        </Button>
        <Button onClick={() => downloadText("focus-findings.csv", findingsCsv(pkg()), "text/csv")}>
          Save findings (CSV)
        </Button>
      </div>
      <Text weight="semibold">Code,value files for tying out</Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        {report.scopes.map((s) => {
          const file = scopeFileName(
            s.scope,
            report.periods.find((p) => p.scope === s.scope)?.asOf
          );
          return (
            <Button
              key={s.scope}
              size="small"
              onClick={() => downloadText(file, codeValueCsv(s), "text/csv")}
            >
              {`Save ${s.scope} (CSV)`}
            </Button>
          );
        })}
      </div>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <DoneBar>{done}</DoneBar>
    </Section>
  );
}
