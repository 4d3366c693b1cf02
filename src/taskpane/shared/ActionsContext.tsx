import * as React from "react";
import type { FocusActions } from "../actions";

const ActionsContext = React.createContext<FocusActions | null>(null);

export const ActionsProvider = ActionsContext.Provider;

/** The add-in's actions, for any view inside <App>. */
export function useActions(): FocusActions {
  const actions = React.useContext(ActionsContext);
  if (!actions) throw new Error("useActions must be used inside <ActionsProvider>");
  return actions;
}
