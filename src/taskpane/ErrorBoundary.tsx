import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

interface Props {
  /** What stopped, for the message: "The Bind panel". */
  area: string;
  children: React.ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a failing view from blanking the pane. The FOCUS functions and the
 * ribbon's Validate run in the same shared runtime but outside React, so they
 * keep working; this says so and offers to try the view again.
 */
export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: React.ErrorInfo): void {
    // The browser console is the only log a pane has; nothing is sent anywhere.
    console.error(`FOCUS: ${this.props.area} failed`, error, info.componentStack);
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.props.area} stopped.</MessageBarTitle>
          The FOCUS functions and the ribbon&apos;s Validate button still work. ({
            error.message
          }){" "}
          <Button size="small" onClick={() => this.setState({ error: null })}>
            Try again
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
