import { makeStyles } from "@fluentui/react-components";

/** The pane's tables: amounts right-aligned in figures of one width, never wrapped. */
export const useTableStyles = makeStyles({
  amount: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});
