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
import { ErrorBoundary } from "./ErrorBoundary";
import { ActionsProvider } from "./shared/ActionsContext";
import { AnnouncerProvider } from "./shared/Announcer";
import { CapabilityNotices } from "./shared/CapabilityNotices";
import { NoticeBar } from "./shared/NoticeBar";
import { ValidatePanel } from "./validate/ValidatePanel";

/*
 * Validate is in the first load (the ribbon's result lands there); the other panels
 * load the first time their tab is opened, so the pane is interactive sooner and
 * their Fluent components (dialogs, comboboxes, tables) stay out of the first load.
 */
const BindPanel = React.lazy(() =>
  import("./bind/BindPanel").then((m) => ({ default: m.BindPanel }))
);
const RecomputePanel = React.lazy(() =>
  import("./recompute/RecomputePanel").then((m) => ({ default: m.RecomputePanel }))
);
const TemplatesPanel = React.lazy(() =>
  import("./templates/TemplatesPanel").then((m) => ({ default: m.TemplatesPanel }))
);
const ReviewPanel = React.lazy(() =>
  import("./review/ReviewPanel").then((m) => ({ default: m.ReviewPanel }))
);

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
  // A panel mounts when first opened and then stays mounted, keeping its state.
  const [opened, setOpened] = React.useState<ReadonlySet<PanelId>>(() => new Set(["validate"]));
  const open = React.useCallback((panel: PanelId) => {
    setSelected(panel);
    setOpened((o) => (o.has(panel) ? o : new Set([...o, panel])));
  }, []);
  // The ribbon's Validate shows its result here: bring that panel forward.
  React.useEffect(() => onRibbonResult(() => open("validate")), [open]);

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
            <NoticeBar />
          </header>
          <TabList
            size="small"
            className={styles.tabs}
            selectedValue={selected}
            onTabSelect={(_e: unknown, data: SelectTabData) => open(data.value as PanelId)}
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
                {opened.has(value) && (
                  <ErrorBoundary area={`The ${label} panel`}>
                    <React.Suspense fallback={<Caption1>Loading…</Caption1>}>
                      <Panel />
                    </React.Suspense>
                  </ErrorBoundary>
                )}
              </div>
            ))}
          </main>
        </div>
      </AnnouncerProvider>
    </ActionsProvider>
  );
}
