/**
 * The browser preview (webpack.preview.js): the real task pane and FOCUS.* functions over the
 * in-browser Excel simulator, beside a grid of the workbook.
 *
 * Import order matters: the CustomFunctions global must exist before the functions module is
 * evaluated, since the associate() calls the build appends to it run at that moment.
 */
import "./host/custom-functions-runtime";
import "../src/functions/functions";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { useFollowedTheme } from "../src/taskpane/theme";
import { startFirstLoad } from "./host/files";
import { PreviewApp } from "./shell/PreviewApp";

function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <FluentProvider theme={useFollowedTheme()}>{children}</FluentProvider>;
}

const root = document.getElementById("root");
if (root) {
  const first = startFirstLoad();
  createRoot(root).render(
    <Themed>
      <PreviewApp first={first} />
    </Themed>
  );
}
