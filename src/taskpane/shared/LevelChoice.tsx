import * as React from "react";
import { Field, Radio, RadioGroup } from "@fluentui/react-components";

export type Level = "sheet" | "workbook";

/** Sheet level (the norm: one sheet per period, travels with a copied sheet) or workbook level. */
export function LevelChoice({
  value,
  onChange,
  label = "Name level",
}: {
  value: Level;
  onChange: (level: Level) => void;
  label?: string;
}): React.JSX.Element {
  return (
    <Field label={label}>
      <RadioGroup value={value} onChange={(_e, data) => onChange(data.value as Level)}>
        <Radio value="sheet" label="This sheet (one sheet per period; copies with the sheet)" />
        <Radio value="workbook" label="Whole workbook (one cell serves every sheet)" />
      </RadioGroup>
    </Field>
  );
}
