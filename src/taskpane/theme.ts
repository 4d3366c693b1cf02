/// <reference types="office-js" />
import * as React from "react";
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

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

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined; // some hosts throw rather than return nothing
  }
}

/**
 * Office's theme where the host reports one; Windows high contrast (forced
 * colours) wins, since Office's own colours are then overridden anyway.
 */
function pickTheme(): Theme {
  if (typeof window !== "undefined" && window.matchMedia?.("(forced-colors: active)").matches) {
    return teamsHighContrastTheme;
  }
  const theme = officeTheme();
  if (!theme) return webLightTheme;
  if (typeof theme.isDarkTheme === "boolean")
    return theme.isDarkTheme ? webDarkTheme : webLightTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? webDarkTheme : webLightTheme;
}

/** The theme to use now, following a switch into or out of high contrast while the pane is open. */
export function useFollowedTheme(): Theme {
  const [theme, setTheme] = React.useState(pickTheme);
  React.useEffect(() => {
    const query = window.matchMedia?.("(forced-colors: active)");
    if (!query) return undefined;
    const update = () => setTheme(pickTheme());
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return theme;
}
