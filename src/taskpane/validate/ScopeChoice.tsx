import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { WorkbookReport } from "../../workbook/validate";
import { countsText } from "./report-view";

/** Which checked sheet the summary and findings show, each named with its counts. */
export function ScopeChoice({
  report,
  scope,
  onChange,
}: {
  report: WorkbookReport;
  scope: string | null;
  onChange: (scope: string) => void;
}): React.JSX.Element {
  return (
    <Field label="Sheet">
      <Select value={scope ?? ""} onChange={(_e, data) => onChange(data.value)}>
        {report.scopes.map((s) => (
          <option key={s.scope} value={s.scope}>
            {s.scope}: {countsText(s.findings)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
