import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { onNotice } from "../actions";
import { DismissAction } from "./DismissAction";

/** The adapter's latest notice about a write (e.g. not one undo step), until dismissed. */
export function NoticeBar(): React.JSX.Element | null {
  const [notice, setNotice] = React.useState<string | null>(null);
  React.useEffect(() => onNotice(setNotice), []);
  if (!notice) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{notice}</MessageBarBody>
      <DismissAction onDismiss={() => setNotice(null)} />
    </MessageBar>
  );
}
