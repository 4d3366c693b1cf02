import * as React from "react";
import { Input, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  nameBox: { width: "8em", flexShrink: 0 },
  content: { flexGrow: 1, minWidth: 0 },
});

/**
 * The name box (the selected cell's address; type one and press Enter to go there) and the
 * selected cell's formula, or its value as typed.
 */
export function FormulaBar({
  address,
  content,
  onGoTo,
}: {
  address: string;
  content: string;
  /** Go to a typed address; false when it is not one. */
  onGoTo: (address: string) => boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const [typed, setTyped] = React.useState<string | null>(null);
  return (
    <div className={styles.bar} role="group" aria-label="Formula bar">
      <Input
        className={styles.nameBox}
        aria-label="Name box"
        value={typed ?? address}
        onChange={(_e, data) => setTyped(data.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && typed !== null && onGoTo(typed)) setTyped(null);
          if (e.key === "Escape") setTyped(null);
        }}
        onBlur={() => setTyped(null)}
      />
      <Input className={styles.content} aria-label="Formula" value={content} readOnly />
    </div>
  );
}
