import * as React from "react";
import type { SimState } from "../../sim";

/**
 * A number that changes whenever the simulator's workbook, selection or formula results
 * change, whoever changed them (the pane, the user, a custom function's answer): draw from it.
 */
export function useSimVersion(state: SimState): number {
  const version = React.useRef(0);
  const subscribe = React.useCallback(
    (redraw: () => void) =>
      state.subscribe(() => {
        version.current++;
        redraw();
      }),
    [state]
  );
  return React.useSyncExternalStore(subscribe, () => version.current);
}
