import * as React from "react";
import { problemOf, type ActionProblem } from "../actions";
import type { WorkbookReport } from "../../workbook/validate";
import { useActions } from "../shared/ActionsContext";

/**
 * While `enabled`, re-validate after edits (actions.watch debounces). Stops
 * when disabled or unmounted; every failure goes to onError.
 */
export function useLiveValidation(
  enabled: boolean,
  onReport: (r: WorkbookReport) => void,
  onError: (p: ActionProblem) => void
): void {
  const actions = useActions();
  const latest = React.useRef({ onReport, onError });
  latest.current = { onReport, onError };

  React.useEffect(() => {
    if (!enabled) return undefined;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    const fail = (e: unknown) => latest.current.onError(problemOf(e));
    const release = (s: () => Promise<void>) => void s().catch(fail);
    actions
      .watch(
        (r) => latest.current.onReport(r),
        (p) => latest.current.onError(p)
      )
      .then((s) => (cancelled ? release(s) : (stop = s)))
      .catch(fail);
    return () => {
      cancelled = true;
      if (stop) release(stop);
    };
  }, [enabled, actions]);
}
