import * as React from "react";

/**
 * The reviewer's name, remembered on this machine only (localStorage, never sent
 * anywhere) so acknowledging and signing off do not ask twice.
 */
const KEY = "focus-check.reviewer";

function stored(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked (private mode, policies): ask every time
  }
}

export function useReviewerName(): [string, (name: string) => void] {
  const [name, setName] = React.useState(stored);
  const update = React.useCallback((next: string) => {
    setName(next);
    try {
      globalThis.localStorage?.setItem(KEY, next.trim());
    } catch {
      /* not remembered: fine */
    }
  }, []);
  return [name, update];
}
