import * as React from "react";
import {
  makeStyles,
  SelectTabData,
  Tab,
  TabList,
  TabValue,
  Text,
  tokens,
} from "@fluentui/react-components";

const TABS = [
  { value: "bind", label: "Bind", text: "Bind FOCUS line codes to cells: coming soon." },
  { value: "validate", label: "Validate", text: "Check the bound statements: coming soon." },
  { value: "recompute", label: "Recompute", text: "Recompute derived lines: coming soon." },
  { value: "templates", label: "Templates", text: "Insert statement templates: coming soon." },
] as const;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** The pane's shell: one tab per job. */
export function App(): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<TabValue>("bind");
  const current = TABS.find((t) => t.value === selected) ?? TABS[0];
  return (
    <main className={styles.root}>
      <TabList
        selectedValue={selected}
        onTabSelect={(_e: unknown, data: SelectTabData) => setSelected(data.value)}
        size="small"
      >
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <section role="tabpanel" aria-label={current.label}>
        <Text>{current.text}</Text>
      </section>
    </main>
  );
}
