import type { WorkbookHost } from "../../workbook/port";
import type { TeamTemplateStatus } from "./types";

/**
 * A team template opens the pane by itself (Office.AutoShowTaskpaneWithDocument) for
 * everyone who has the add-in. The document records which add-in to open: prepared
 * under a sideloaded development manifest, it names that one, which nobody else has.
 */

/** Hosts a development manifest points at: the dev server, the browser preview. */
export function isDevelopmentOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** The origin the pane was loaded from: the manifest's SourceLocation. Null outside a page (tests under node). */
export function pageOrigin(): string | null {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return typeof location?.origin === "string" ? location.origin : null;
}

export async function teamTemplateStatus(
  host: WorkbookHost,
  origin: string | null
): Promise<TeamTemplateStatus> {
  return {
    autoOpen: await host.autoOpen(),
    developmentOrigin: origin !== null && isDevelopmentOrigin(origin) ? origin : null,
  };
}

/** Set or clear the setting (saved into the document's settings), then report the state as read back. */
export async function setTeamTemplate(
  host: WorkbookHost,
  on: boolean,
  origin: string | null
): Promise<TeamTemplateStatus> {
  await host.setAutoOpen(on);
  return teamTemplateStatus(host, origin);
}
