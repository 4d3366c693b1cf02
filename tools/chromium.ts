import { existsSync } from "fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium: playwright-core drives it (npx playwright install cannot download browsers here). */
export const CHROMIUM = "/usr/bin/chromium";

/** Quiet and offline: no first-run, sync, component updates, background or QUIC traffic. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Every request that is not for this machine sent to a proxy that is not there (the discard port,
 * on which nothing listens): refused by the browser itself, with no request interception. Chromium
 * never sends localhost, loopback or link-local addresses through a proxy (its "implicit bypass
 * rules", since M72: chromium/src net/docs/proxy.md), so 127.0.0.1 and localhost are reached
 * directly; a link-local address would be too, which isLocal below does not accept.
 */
export const OFFLINE_ARGS = ["--proxy-server=http://127.0.0.1:9"];

/** One browser for the suite. Playwright gives every launch a fresh temporary user-data-dir. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/** On this machine and nowhere else: loopback http(s), or data and blob URLs of a local page. */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === "data:") return true;
  if (u.protocol === "blob:") return isLocal(url.slice("blob:".length));
  return (
    (u.protocol === "http:" || u.protocol === "https:") &&
    ["127.0.0.1", "localhost"].includes(u.hostname)
  );
}
