import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's lists (bindings, findings, templates): no bullets or indent, items spaced evenly. */
export const useListStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});
