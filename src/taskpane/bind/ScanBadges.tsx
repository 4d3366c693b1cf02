import * as React from "react";
import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  NumberSymbolRegular,
  TextQuoteRegular,
  WarningFilled,
} from "@fluentui/react-icons";
import { CONFIDENT } from "../../engine/labels";
import type { Proposal } from "../actions";

// As in shared/badges.tsx: every badge says its meaning in words, never by colour alone.

/** What found a proposal: a printed code cell, or the row's words. */
export function SourceBadge({ source }: { source: Proposal["source"] }): React.JSX.Element {
  return source === "code" ? (
    <Badge appearance="outline" color="informative" shape="rounded" icon={<NumberSymbolRegular />}>
      Code cell
    </Badge>
  ) : (
    <Badge appearance="outline" color="brand" shape="rounded" icon={<TextQuoteRegular />}>
      Label
    </Badge>
  );
}

/** Whether a label proposal's words matched well enough to be ticked by default. */
export function isLowConfidence(p: Pick<Proposal, "confidence">): boolean {
  return p.confidence !== null && p.confidence < CONFIDENT;
}

/** A label's confidence as a percentage; low ones say so. A code cell is certain and shows none. */
export function ConfidenceBadge({ proposal }: { proposal: Proposal }): React.JSX.Element | null {
  if (proposal.confidence === null) return null;
  const percent = `${Math.round(proposal.confidence * 100)}%`;
  return isLowConfidence(proposal) ? (
    <Badge appearance="tint" color="warning" shape="rounded" icon={<WarningFilled />}>
      Low confidence {percent}
    </Badge>
  ) : (
    <Badge appearance="tint" color="success" shape="rounded" icon={<CheckmarkCircleFilled />}>
      Confidence {percent}
    </Badge>
  );
}
