import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";

export const sheetTabId = (panelId: string, index: number) => `${panelId}-tab-${index}`;

/** The workbook's visible sheets, as Excel lists them under the grid. */
export function SheetTabs({
  panelId,
  sheets,
  active,
  onSelect,
}: {
  /** The tab panel showing the selected sheet. */
  panelId: string;
  sheets: string[];
  active: string;
  onSelect: (sheet: string) => void;
}): React.JSX.Element {
  return (
    <TabList
      size="small"
      aria-label="Sheets"
      selectedValue={active}
      onTabSelect={(_e, data) => onSelect(String(data.value))}
    >
      {sheets.map((name, i) => (
        <Tab key={name} value={name} id={sheetTabId(panelId, i)} aria-controls={panelId}>
          {name}
        </Tab>
      ))}
    </TabList>
  );
}
