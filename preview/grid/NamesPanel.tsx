import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SimBook } from "../../sim";

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase300 },
  scroll: {
    maxHeight: "11em",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: "1px 6px", textAlign: "start", whiteSpace: "nowrap" },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3 },
});

interface NameRow {
  name: string;
  scope: string;
  refersTo: string;
}

/** Workbook-level names first, then each sheet's own, in sheet order. */
function nameRows(book: SimBook): NameRow[] {
  const byName = (a: NameRow, b: NameRow) => a.name.localeCompare(b.name);
  const workbook = [...book.names.values()].map((n) => ({
    name: n.name,
    scope: "Workbook",
    refersTo: n.formula,
  }));
  const sheets = book.sheets.flatMap((s) =>
    [...s.names.values()]
      .map((n) => ({ name: n.name, scope: s.name, refersTo: n.formula }))
      .sort(byName)
  );
  return [...workbook.sort(byName), ...sheets];
}

/** Every defined name, at both levels, with what it refers to. */
export function NamesPanel({ book }: { book: SimBook }): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  const rows = nameRows(book);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Defined names ({rows.length})
      </h2>
      {/* Focusable, so the list scrolls by keyboard too. */}
      <div className={styles.scroll} tabIndex={0} role="group" aria-labelledby={headingId}>
        <table className={styles.table}>
          <thead>
            <tr>
              {["Name", "Scope", "Refers to"].map((h) => (
                <th key={h} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.scope}|${r.name}`}>
                <td className={styles.cell}>{r.name}</td>
                <td className={styles.cell}>{r.scope}</td>
                <td className={styles.cell}>{r.refersTo}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
