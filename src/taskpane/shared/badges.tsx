import * as React from "react";
import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  InfoFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import { SEVERITIES, type Severity, type StatementStatus } from "../../engine";

// Every badge carries its meaning in words and an icon: colour is never the only signal.

const SEVERITY_ICON: Record<Severity, React.JSX.Element> = {
  error: <ErrorCircleFilled />,
  warning: <WarningFilled />,
  info: <InfoFilled />,
};

export function SeverityBadge({ severity }: { severity: Severity }): React.JSX.Element {
  const s = SEVERITIES[severity];
  return (
    <Badge appearance="tint" color={s.badge} icon={SEVERITY_ICON[severity]} shape="rounded">
      {s.word}
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
