import * as React from "react";
import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  InfoFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import type { Severity, StatementStatus } from "../../engine";

// Every badge carries its meaning in words and an icon: colour is never the only signal.

const SEVERITY = {
  error: { text: "Error", color: "danger", icon: <ErrorCircleFilled /> },
  warning: { text: "Warning", color: "warning", icon: <WarningFilled /> },
  info: { text: "Note", color: "informative", icon: <InfoFilled /> },
} as const;

export function SeverityBadge({ severity }: { severity: Severity }): React.JSX.Element {
  const s = SEVERITY[severity];
  return (
    <Badge appearance="tint" color={s.color} icon={s.icon} shape="rounded">
      {s.text}
    </Badge>
  );
}

const STATUS = {
  ok: { text: "OK", color: "success", icon: <CheckmarkCircleFilled /> },
  "below-target": { text: "Below target", color: "warning", icon: <WarningFilled /> },
  deficient: { text: "Deficient", color: "danger", icon: <ErrorCircleFilled /> },
  "not-bound": { text: "Not bound", color: "subtle", icon: <InfoFilled /> },
} as const;

export function StatusBadge({ status }: { status: StatementStatus }): React.JSX.Element {
  const s = STATUS[status];
  return (
    <Badge appearance="filled" color={s.color} icon={s.icon} shape="rounded">
      {s.text}
    </Badge>
  );
}
