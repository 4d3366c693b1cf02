// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { createOfficeWorkbook } from "../workbook/office";
import { createFocusActions, detectCapabilities, publishNotice } from "./actions";
import { officeAddin, showPaneIfTemplate } from "../workbook/office/startup";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { useFollowedTheme } from "./theme";

function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <FluentProvider theme={useFollowedTheme()}>{children}</FluentProvider>;
}

function mount(content: React.ReactNode): void {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<Themed>{content}</Themed>);
}

const OUTSIDE_EXCEL = (
  <MessageBar intent="info" layout="multiline">
    <MessageBarBody>
      The FOCUS pane works inside Excel: open it from the Home tab of a workbook.
    </MessageBarBody>
  </MessageBar>
);

function start(): void {
  const capabilities = detectCapabilities(
    (name, version) => Office.context.requirements.isSetSupported(name, version),
    String(Office.context.diagnostics?.platform)
  );
  const actions = createFocusActions(
    createOfficeWorkbook({ onNotice: publishNotice }),
    capabilities
  );
  mount(
    <ErrorBoundary area="The FOCUS pane">
      <App actions={actions} />
    </ErrorBoundary>
  );
  // A team template: the runtime was loaded with the workbook (startup behaviour Load), so
  // show the pane. Where the document does not carry Load, nothing happens.
  void showPaneIfTemplate(officeAddin(), capabilities.autoOpen);
}

// In a plain browser tab office.js may be missing: say where the pane works instead of failing blank.
if (typeof Office === "undefined") {
  mount(OUTSIDE_EXCEL);
} else {
  Office.onReady((info) =>
    info.host === Office.HostType.Excel ? start() : mount(OUTSIDE_EXCEL)
  ).catch((e: unknown) => {
    console.error("FOCUS: Office.onReady failed", e);
    mount(OUTSIDE_EXCEL);
  });
}
