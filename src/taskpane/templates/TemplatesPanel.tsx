import * as React from "react";
import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons";
import { STATEMENTS, type StatementId } from "../../engine";
import { qualified } from "../../grid";
import { templateUndoNote } from "../actions";
import { useActions } from "../shared/ActionsContext";
import { useAnnounce } from "../shared/Announcer";
import { CellButton } from "../shared/CellButton";
import { DoneBar } from "../shared/DoneBar";
import { ProblemBar } from "../shared/ProblemBar";
import { useAction } from "../shared/useAction";
import { useListStyles } from "../shared/list-styles";
import { TeamTemplateSection } from "./TeamTemplateSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/**
 * Insert a sheet laid out like the form, its totals as native formulas and its lines bound;
 * prepare the workbook as a team template that opens the pane by itself.
 */
export function TemplatesPanel(): React.JSX.Element {
  const styles = useStyles();
  const listStyles = useListStyles();
  const actions = useActions();
  const announce = useAnnounce();
  const caps = actions.capabilities();
  const { busy, problem, run, show, dismiss } = useAction();
  const [inserted, setInserted] = React.useState<string | null>(null);

  const insert = async (id: StatementId) => {
    setInserted(null);
    const r = await run(() => actions.insertTemplate(id));
    if (!r.ok) return;
    setInserted(r.value);
    announce(`Inserted sheet ${r.value}.`);
  };

  return (
    <div className={styles.root}>
      <ProblemBar problem={problem} onDismiss={dismiss} />
      <DoneBar>
        {inserted && (
          <>
            Inserted sheet {inserted}: every line is bound at sheet level and totals are Excel
            formulas, so the sheet computes without the add-in. Copy it for each period.{" "}
            <CellButton cell={qualified(inserted, "A1", { always: true })} onProblem={show} />
          </>
        )}
      </DoneBar>
      <Text>
        Each template is a new sheet, laid out like the printed form. Existing sheets are not
        changed.
      </Text>
      {templateUndoNote(caps) && <Caption1>{templateUndoNote(caps)}</Caption1>}
      <ul className={listStyles.list}>
        {STATEMENTS.map((st) => (
          <li key={st.id} className={listStyles.item}>
            <Text weight="semibold">{st.short}</Text>
            <Caption1>{st.regulation}</Caption1>
            <Text size={200}>{st.title}</Text>
            <div>
              <Button
                size="small"
                icon={<DocumentAddRegular />}
                disabled={!caps.names || busy}
                onClick={() => void insert(st.id)}
                aria-label={`Insert sheet: ${st.short} template`}
              >
                Insert sheet
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <TeamTemplateSection />
    </div>
  );
}
