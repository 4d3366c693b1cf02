import * as React from "react";

interface Props {
  children: React.ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render failure in the pane and shows it in plain HTML. The custom functions and ribbon
 * commands are separate bundles on the same page, so a broken pane leaves them working; this keeps
 * the pane itself from going blank without a word.
 */
export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: React.ErrorInfo): void {
    // The browser console is the only log a pane has; nothing is sent anywhere.
    console.error("FOCUS pane failed", error, info.componentStack);
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 16, fontFamily: "Segoe UI, sans-serif" }}>
        <p>
          <strong>The FOCUS pane stopped.</strong> The FOCUS.* functions and the Validate button
          still work.
        </p>
        <pre style={{ whiteSpace: "pre-wrap" }}>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
