import * as React from "react";
import { problemOf, type ActionProblem } from "../actions";

export type Outcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs one action at a time for a view: tracks `busy`, turns any failure into
 * a problem to show, and never lets a rejection escape into React.
 */
export function useAction(): {
  busy: boolean;
  problem: ActionProblem | null;
  run: <T>(action: () => Promise<T>) => Promise<Outcome<T>>;
  /** Show a problem that arose outside run() (a link's goTo, a live update). */
  show: (problem: ActionProblem) => void;
  dismiss: () => void;
} {
  const [busy, setBusy] = React.useState(false);
  const [problem, setProblem] = React.useState<ActionProblem | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = React.useCallback(async <T>(action: () => Promise<T>): Promise<Outcome<T>> => {
    setBusy(true);
    setProblem(null);
    try {
      return { ok: true, value: await action() };
    } catch (e) {
      if (mounted.current) setProblem(problemOf(e));
      return { ok: false };
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);

  const dismiss = React.useCallback(() => setProblem(null), []);
  return { busy, problem, run, show: setProblem, dismiss };
}
