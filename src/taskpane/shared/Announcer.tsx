import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const AnnounceContext = React.createContext<(message: string) => void>(() => undefined);

const useVisuallyHidden = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});

/**
 * One polite live region for the whole pane: results of actions (validation,
 * binding, writes) are read out by screen readers without moving focus.
 */
export function AnnouncerProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const hidden = useVisuallyHidden();
  const [message, setMessage] = React.useState("");
  const announce = React.useCallback((text: string) => {
    // Clearing first makes a repeated message ("0 errors") be read again.
    setMessage("");
    window.setTimeout(() => setMessage(text), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={hidden.root}
        data-testid="announcer"
      >
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return React.useContext(AnnounceContext);
}
