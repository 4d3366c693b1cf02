import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** What an action did, in one sentence. */
export function DoneBar({ children }: { children: React.ReactNode }): React.JSX.Element | null {
  if (!children) return null;
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
