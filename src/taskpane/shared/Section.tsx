import * as React from "react";
import { makeStyles, Subtitle2, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
});

/** A titled part of a panel: a region landmark named by its heading. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const id = useId("section");
  return (
    <section className={styles.root} aria-labelledby={id}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={id} className={styles.title}>
          {title}
        </Subtitle2>
        {actions}
      </div>
      {children}
    </section>
  );
}
