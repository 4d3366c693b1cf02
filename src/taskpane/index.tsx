// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";

/** Relative luminance of a "#rrggbb" colour, or null when it cannot be read. */
function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Follow Office's theme where the host reports one (not every host or version does). */
function pickTheme(): Theme {
  let officeTheme: Office.OfficeTheme | undefined;
  try {
    officeTheme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  } catch {
    officeTheme = undefined; // some hosts throw rather than return nothing
  }
  if (!officeTheme) return webLightTheme;
  if (typeof officeTheme.isDarkTheme === "boolean")
    return officeTheme.isDarkTheme ? webDarkTheme : webLightTheme;
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? webDarkTheme : webLightTheme;
}

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <ErrorBoundary>
      <FluentProvider theme={pickTheme()}>
        <App />
      </FluentProvider>
    </ErrorBoundary>
  );
}

// Outside Office (a plain browser tab) office.js may be missing; render anyway so the pane can be looked at.
if (typeof Office !== "undefined") {
  Office.onReady(() => render()).catch((e: unknown) => {
    console.error("Office.onReady failed", e);
    render();
  });
} else {
  render();
}
