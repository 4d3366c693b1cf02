import * as React from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ActionProblem } from "../actions";
import { useActions } from "./ActionsContext";

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
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
