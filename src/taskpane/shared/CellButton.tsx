import * as React from "react";
import { Link } from "@fluentui/react-components";
import { problemOf, type ActionProblem } from "../actions";
import { useActions } from "./ActionsContext";

/** A cell address that selects the cell: 'Day 1'!E29. */
export function CellButton({
  cell,
  onProblem,
}: {
  cell: string;
  onProblem: (problem: ActionProblem) => void;
}): React.JSX.Element {
  const actions = useActions();
  const go = () => {
    actions.goTo(cell).catch((e: unknown) => onProblem(problemOf(e)));
  };
  return (
    <Link as="button" onClick={go} aria-label={`Go to ${cell}`}>
      {cell}
    </Link>
  );
}
