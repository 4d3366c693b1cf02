import * as React from "react";
import { Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { Notice, NoticesDue } from "../../engine";
import { useListStyles } from "../shared/list-styles";
import { statementTitle } from "./report-view";

const useStyles = makeStyles({
  /** The shared list item (list-styles.ts) with a thick start border in the notice's urgency colour. */
  urgency: { borderInlineStartWidth: tokens.strokeWidthThickest },
  now: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  later: { borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2 },
  cell: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
  },
  cellButton: {
    appearance: "none",
    backgroundColor: "transparent",
    border: "none",
    margin: 0,
    padding: 0,
    font: "inherit",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/**
 * The notices the statements show are due, over the whole workbook, most urgent
 * first: deadline and paragraph, the trigger with its statement and line, whom to
 * notify. It tells the reviewer; nothing is filed.
 */
export function NoticesList({
  due,
  onGoTo,
}: {
  due: NoticesDue;
  onGoTo: (cell: string) => void;
}): React.JSX.Element {
  const lists = useListStyles();
  return (
    <>
      {due.notices.length === 0 ? (
        <Text>
          None: no statement shows a trigger for a Reg 1.12 notice or a residual-interest
          withdrawal.
        </Text>
      ) : (
        <ul className={lists.list} aria-label="Notices due">
          {due.notices.map((n, i) => (
            <NoticeItem key={`${n.scope}|${n.rule}|${n.code}|${i}`} notice={n} onGoTo={onGoTo} />
          ))}
        </ul>
      )}
      {due.assumptions.map((a) => (
        <Caption1 key={a}>Assumed: {a}</Caption1>
      ))}
    </>
  );
}

function NoticeItem({
  notice: n,
  onGoTo,
}: {
  notice: Notice;
  onGoTo: (cell: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const lists = useListStyles();
  const urgent = n.deadline === "immediate" || n.deadline === "before-withdrawal";
  const line = n.code ? `line ${n.line} (${n.code})` : null;
  return (
    <li className={mergeClasses(lists.item, styles.urgency, urgent ? styles.now : styles.later)}>
      <Text weight="semibold">
        {n.paragraph}: {n.dueText}
      </Text>
      <Text>{n.trigger}</Text>
      <Text size={200}>
        {[statementTitle(n.statement), line, n.scope].filter(Boolean).join(" · ")}
        {n.cell && (
          <>
            {" · "}
            <button
              type="button"
              className={mergeClasses(styles.cellButton, styles.cell)}
              onClick={() => onGoTo(n.cell!)}
            >
              {n.cell}
            </button>
          </>
        )}
      </Text>
      <Text size={200}>
        Notify {n.recipients.join(", ")}: {n.notice}
        {n.acknowledged ? " (the finding is acknowledged; the notice is still due)" : ""}
      </Text>
    </li>
  );
}
