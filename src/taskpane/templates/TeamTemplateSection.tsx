import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import type { TeamTemplateStatus } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { ConfirmDialog } from "../shared/ConfirmDialog";
import { DoneBar } from "../shared/DoneBar";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";

/** Why a template prepared while sideloaded cannot work for a team, and what to do instead. */
function DevelopmentManifestWarning({ origin }: { origin: string }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Development manifest</MessageBarTitle>
        The add-in is running from {origin}, a development manifest. A template prepared under a
        development manifest will not auto-open for users: the workbook records the add-in it was
        prepared with, and your users have the one your organisation deployed. Deploy the production
        manifest through the Microsoft 365 admin center (Settings › Integrated apps), open this
        workbook with that add-in, then prepare the template.
      </MessageBarBody>
    </MessageBar>
  );
}

/** This Excel cannot load the add-in with a workbook: say so, and what to do instead. */
function UnavailableNotice({ reason }: { reason: string }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not available in this Excel</MessageBarTitle>
        {reason}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Prepare as team template: the workbook opens the FOCUS pane by itself for everyone who
 * has the add-in (the startup behaviour Load, stored in the document through
 * Office.addin.setStartupBehavior; src/workbook/office/startup.ts), and can stop.
 */
export function TeamTemplateSection(): React.JSX.Element {
  const actions = useActions();
  const announce = useAnnounce();
  const { busy, problem, run, dismiss } = useAction();
  const load = useAction();
  const [status, setStatus] = React.useState<TeamTemplateStatus | null>(null);
  const [asking, setAsking] = React.useState(false);
  const [done, setDone] = React.useState<string | null>(null);

  const { run: read } = load;
  React.useEffect(() => {
    void read(() => actions.teamTemplate()).then((r) => r.ok && setStatus(r.value));
  }, [actions, read]);

  const turnOn = !status?.autoOpen;
  const change = async () => {
    setAsking(false);
    setDone(null);
    const r = await run(() => actions.setTeamTemplate(turnOn));
    if (!r.ok) return;
    setStatus(r.value);
    const message = r.value.autoOpen
      ? "Prepared: from the next time this workbook is opened, the FOCUS pane opens with it. Save the workbook now to keep the setting, then share it from SharePoint or OneDrive."
      : "The pane no longer opens with this workbook. Save the workbook to keep the change.";
    setDone(message);
    announce(message);
  };

  return (
    <Section title="Team template">
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <ProblemBar problem={load.problem} onDismiss={load.dismiss} />
      <DoneBar>{done}</DoneBar>
      {status?.unavailable && <UnavailableNotice reason={status.unavailable} />}
      {status?.developmentOrigin && (
        <DevelopmentManifestWarning origin={status.developmentOrigin} />
      )}
      <Text>
        A team template opens the FOCUS pane by itself when someone who has the add-in opens the
        workbook, for example from a SharePoint library.{" "}
        {status &&
          (status.autoOpen
            ? "This workbook is prepared: it opens the pane."
            : "This workbook does not open the pane by itself.")}
      </Text>
      <Caption1>
        The setting is stored in the document (the add-in&apos;s startup behaviour): save the
        workbook afterwards. It takes effect the next time the workbook is opened.
      </Caption1>
      <div>
        <Button
          icon={<PeopleTeamRegular />}
          disabled={status === null || status.unavailable !== null || busy}
          onClick={() => setAsking(true)}
        >
          {turnOn ? "Prepare as team template" : "Stop opening the pane with this workbook"}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={turnOn ? "Prepare as team template?" : "Stop opening the pane?"}
        confirmLabel={turnOn ? "Prepare" : "Stop opening the pane"}
        onConfirm={() => void change()}
        onCancel={() => setAsking(false)}
      >
        {turnOn
          ? "From the next time this workbook is opened, the FOCUS pane will open with it for everyone who has the add-in. "
          : "The pane will no longer open by itself with this workbook. "}
        Save the workbook afterwards to keep the change.
        {status?.olderSetting &&
          " This also removes the older setting Office.AutoShowTaskpaneWithDocument from the document: saving the document's settings clears Excel's undo history."}
      </ConfirmDialog>
    </Section>
  );
}
