import type { WorkbookHost } from "../../workbook/port";
import { requireCapability, unavailableMessage } from "./capabilities";
import type { Capabilities, TeamTemplateStatus } from "./types";

/**
 * A team template opens the pane by itself for everyone who has the add-in: the document
 * stores the startup behaviour Load (Office.addin.setStartupBehavior), so Excel loads the
 * shared runtime with the workbook and its start-up code shows the pane
 * (src/workbook/office/startup.ts). The document records which add-in to load: prepared
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

/** Read the state; on a host without SharedRuntime 1.1, say so instead of calling Office.addin. */
export async function teamTemplateStatus(
  host: WorkbookHost,
  capabilities: Capabilities,
  origin: string | null
): Promise<TeamTemplateStatus> {
  const developmentOrigin = origin !== null && isDevelopmentOrigin(origin) ? origin : null;
  if (!capabilities.autoOpen)
    return {
      autoOpen: false,
      unavailable: unavailableMessage("autoOpen"),
      olderSetting: false,
      developmentOrigin,
    };
  const state = await host.autoOpen();
  return {
    autoOpen: state.on,
    unavailable: null,
    olderSetting: state.olderSetting,
    developmentOrigin,
  };
}

/** Set or clear the startup behaviour (stored in the document), then report the state as read back. */
export async function setTeamTemplate(
  host: WorkbookHost,
  capabilities: Capabilities,
  on: boolean,
  origin: string | null
): Promise<TeamTemplateStatus> {
  requireCapability(capabilities, "autoOpen");
  await host.setAutoOpen(on);
  return teamTemplateStatus(host, capabilities, origin);
}
