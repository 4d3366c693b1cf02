import * as React from "react";
import { Button, MessageBarActions } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

/** The close button of a dismissable MessageBar (Fluent's containerAction slot). */
export function DismissAction({ onDismiss }: { onDismiss: () => void }): React.JSX.Element {
  return (
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
  );
}
