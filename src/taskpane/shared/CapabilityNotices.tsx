import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: "1.25em" },
});

/** What this Excel cannot do, said once at the top, never silently dropped. */
export function CapabilityNotices({
  unavailable,
}: {
  unavailable: string[];
}): React.JSX.Element | null {
  const styles = useStyles();
  if (unavailable.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Features unavailable in this Excel">
      <MessageBarBody>
        <MessageBarTitle>Some features are unavailable in this Excel</MessageBarTitle>
        <ul className={styles.list}>
          {unavailable.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
