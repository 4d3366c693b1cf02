import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { CustomFunctionsMetadata } from "../../sim";
import { App } from "../../src/taskpane/App";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { WorkbookView } from "../grid/WorkbookView";
import { download, EXAMPLE, type FirstLoad, readFile } from "../host/files";
import { openWorkbook, type PreviewSession } from "../host/session";
import { OpenButton } from "./OpenButton";
import { DismissAction } from "../../src/taskpane/shared/DismissAction";

const PANE_WIDTH = "380px";

const useStyles = makeStyles({
  shell: { display: "flex", height: "100vh", overflow: "hidden" },
  workbook: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    boxSizing: "border-box",
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  title: { display: "flex", flexDirection: "column", marginInlineEnd: "auto" },
  pane: {
    width: PANE_WIDTH,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  drop: {
    position: "absolute",
    top: 0,
    right: 0,
    bottom: 0,
    left: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackgroundAlpha2,
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase500,
    pointerEvents: "none",
  },
});

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const carriesFiles = (e: React.DragEvent) => e.dataTransfer.types.includes("Files");

/**
 * The preview page: the workbook (grid, formula bar, sheets, names) and, beside it, the real
 * FOCUS pane. Opening or dropping a workbook starts a new simulator and a fresh pane. `first`:
 * functions.json and the example, asked for as the page started.
 */
export function PreviewApp({ first }: { first: FirstLoad }): React.JSX.Element {
  const styles = useStyles();
  const [functions, setFunctions] = React.useState<CustomFunctionsMetadata | null>(null);
  const [session, setSession] = React.useState<PreviewSession | null>(null);
  const [opening, setOpening] = React.useState<string | null>(EXAMPLE.name);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);

  const open = React.useCallback(
    async (name: string, bytes: () => Promise<Uint8Array>, metadata: CustomFunctionsMetadata) => {
      setOpening(name);
      try {
        setSession(await openWorkbook(await bytes(), name, metadata));
        setProblem(null);
      } catch (e) {
        setProblem(`${name} could not be opened: ${message(e)}`);
      } finally {
        setOpening(null);
      }
    },
    []
  );

  React.useEffect(() => {
    first.functions.then(
      (metadata) => {
        setFunctions(metadata);
        return open(EXAMPLE.name, () => first.example, metadata);
      },
      (e: unknown) => {
        setOpening(null);
        setProblem(`The preview could not start: ${message(e)}`);
      }
    );
  }, [first, open]);

  const openFile = (file: File) => {
    if (functions) void open(file.name, () => readFile(file), functions);
  };

  return (
    <div className={styles.shell}>
      <section
        aria-label="Workbook"
        className={styles.workbook}
        onDragOver={(e) => {
          if (!carriesFiles(e)) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) openFile(file);
        }}
      >
        <div className={styles.toolbar}>
          <div className={styles.title}>
            <Text weight="semibold">FOCUS check, without Excel</Text>
            <Caption1>
              The FOCUS pane on an in-browser Excel: nothing leaves this page.{" "}
              {opening ? `Opening ${opening}…` : session && `Workbook: ${session.fileName}`}
            </Caption1>
          </div>
          <OpenButton disabled={!functions || opening !== null} onFile={openFile} />
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={!session}
            onClick={() => session && download(session.sim.state.toXlsx(), session.fileName)}
          >
            Download .xlsx
          </Button>
        </div>
        {problem && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
            <DismissAction onDismiss={() => setProblem(null)} />
          </MessageBar>
        )}
        {session && (
          <WorkbookView key={session.id} state={session.sim.state} onProblem={setProblem} />
        )}
        {dragging && <div className={styles.drop}>Drop an .xlsx file to open it</div>}
      </section>
      <div className={styles.pane}>
        {session && (
          <ErrorBoundary key={session.id} area="The FOCUS pane">
            <App actions={session.actions} />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
