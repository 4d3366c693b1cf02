import * as React from "react";
import {
  Caption1,
  makeStyles,
  type SelectTabData,
  Tab,
  TabList,
  Title3,
  tokens,
  useId,
} from "@fluentui/react-components";
import { onRibbonResult, type FocusActions } from "./actions";
import { BindPanel } from "./bind/BindPanel";
import { ErrorBoundary } from "./ErrorBoundary";
import { RecomputePanel } from "./recompute/RecomputePanel";
import { ReviewPanel } from "./review/ReviewPanel";
import { ActionsProvider } from "./shared/ActionsContext";
import { AnnouncerProvider } from "./shared/Announcer";
import { CapabilityNotices } from "./shared/CapabilityNotices";
import { TemplatesPanel } from "./templates/TemplatesPanel";
import { ValidatePanel } from "./validate/ValidatePanel";

const PANELS = [
  { value: "validate", label: "Validate", Panel: ValidatePanel },
  { value: "bind", label: "Bind", Panel: BindPanel },
  { value: "recompute", label: "Recompute", Panel: RecomputePanel },
  { value: "templates", label: "Templates", Panel: TemplatesPanel },
  { value: "review", label: "Review", Panel: ReviewPanel },
] as const;

type PanelId = (typeof PANELS)[number]["value"];

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
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  // Five tabs in a narrow pane: they wrap rather than hide the last one.
  tabs: { flexWrap: "wrap" },
});

/**
 * The pane: a header with what this Excel cannot do, then one tab per job.
 * Panels stay mounted while hidden, so switching tabs keeps a report, a scan or
 * a preview; each has its own error boundary, so one failing view leaves the
 * others (and the FOCUS functions) working.
 */
export function App({ actions }: { actions: FocusActions }): React.JSX.Element {
  const styles = useStyles();
  const id = useId("focus");
  const [selected, setSelected] = React.useState<PanelId>("validate");
  // The ribbon's Validate shows its result here: bring that panel forward.
  React.useEffect(() => onRibbonResult(() => setSelected("validate")), []);

  return (
    <ActionsProvider value={actions}>
      <AnnouncerProvider>
        <div className={styles.root}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.title}>
              FOCUS check
            </Title3>
            <Caption1>
              Customer-funds statements of the FOCUS Report, checked to the dollar.
            </Caption1>
            <CapabilityNotices unavailable={actions.capabilities().unavailable} />
          </header>
          <TabList
            size="small"
            className={styles.tabs}
            selectedValue={selected}
            onTabSelect={(_e: unknown, data: SelectTabData) => setSelected(data.value as PanelId)}
            aria-label="FOCUS tasks"
          >
            {PANELS.map((p) => (
              <Tab
                key={p.value}
                value={p.value}
                id={`${id}-${p.value}-tab`}
                aria-controls={`${id}-${p.value}-panel`}
              >
                {p.label}
              </Tab>
            ))}
          </TabList>
          <main>
            {PANELS.map(({ value, label, Panel }) => (
              <div
                key={value}
                role="tabpanel"
                id={`${id}-${value}-panel`}
                aria-labelledby={`${id}-${value}-tab`}
                hidden={selected !== value}
              >
                <ErrorBoundary area={`The ${label} panel`}>
                  <Panel />
                </ErrorBoundary>
              </div>
            ))}
          </main>
        </div>
      </AnnouncerProvider>
    </ActionsProvider>
  );
}
