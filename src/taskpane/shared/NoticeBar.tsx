import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { onNotice } from "../actions";

/** The adapter's latest notice about a write (e.g. not one undo step), until dismissed. */
export function NoticeBar(): React.JSX.Element | null {
  const [notice, setNotice] = React.useState<string | null>(null);
  React.useEffect(() => onNotice(setNotice), []);
  if (!notice) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{notice}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={() => setNotice(null)}
          />
        }
      />
    </MessageBar>
  );
}
