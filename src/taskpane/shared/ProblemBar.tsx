import * as React from "react";
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ActionProblem } from "../actions";
import { useActions } from "./ActionsContext";
import { DismissAction } from "./DismissAction";

/** A failed action, in words, with a way to the cell it names. */
export function ProblemBar({
  problem,
  onDismiss,
}: {
  problem: ActionProblem | null;
  onDismiss: () => void;
}): React.JSX.Element | null {
  const actions = useActions();
  if (!problem) return null;
  const { cell } = problem;
  return (
    // role="alert": screen readers read a failure out as soon as it appears.
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Could not finish</MessageBarTitle>
        {problem.message}{" "}
        {cell && (
          // A failed goTo has nothing better to report than the bar already shows.
          <Link as="button" onClick={() => void actions.goTo(cell).catch(() => undefined)}>
            Go to {cell}
          </Link>
        )}
      </MessageBarBody>
      <DismissAction onDismiss={onDismiss} />
    </MessageBar>
  );
}
