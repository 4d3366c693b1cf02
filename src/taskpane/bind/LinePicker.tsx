import * as React from "react";
import {
  Combobox,
  Field,
  makeStyles,
  Option,
  OptionGroup,
  tokens,
} from "@fluentui/react-components";
import { STATEMENTS, type Code } from "../../engine";
import { optionOf, searchLines } from "./line-search";

const useStyles = makeStyles({
  combobox: { width: "100%", minWidth: 0 },
  code: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  line: { color: tokens.colorNeutralForeground3, marginInlineEnd: tokens.spacingHorizontalXS },
});

/** A searchable list of every line, grouped by statement; choosing one reports its code. */
export function LinePicker({
  code,
  onChange,
  disabled,
  label = "Line",
  hint = "Search by code, line number, label or statement, e.g. 7180, line 13 or swaps",
}: {
  code: Code | null;
  onChange: (code: Code | null) => void;
  disabled?: boolean;
  /** A distinct name where several pickers share a panel (one per unmatched row). */
  label?: string;
  hint?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const [query, setQuery] = React.useState(() => (code ? (optionOf(code)?.text ?? "") : ""));
  const matches = React.useMemo(() => searchLines(query), [query]);
  // While the box shows the chosen line's own text, list everything: the user is browsing, not searching.
  const showing = code !== null && query === optionOf(code)?.text ? searchLines("") : matches;

  return (
    <Field label={label} hint={hint}>
      <Combobox
        className={styles.combobox}
        value={query}
        selectedOptions={code ? [code] : []}
        placeholder="Find a line"
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          if (code !== null) onChange(null);
        }}
        onOptionSelect={(_e, data) => {
          // Typing past the chosen line clears Fluent's selection too (no optionValue): keep the typed text.
          if (!data.optionValue) return onChange(null);
          onChange(data.optionValue);
          setQuery(data.optionText ?? "");
        }}
      >
        {showing.length === 0 ? (
          <Option value="" text="" disabled>
            No line matches “{query}”
          </Option>
        ) : (
          STATEMENTS.map((st) => {
            const lines = showing.filter((o) => o.statement === st.id);
            if (lines.length === 0) return null;
            return (
              <OptionGroup key={st.id} label={st.short}>
                {lines.map((o) => (
                  <Option key={o.code} value={o.code} text={o.text}>
                    <span>
                      <span className={styles.code}>{o.code}</span>{" "}
                      <span className={styles.line}>line {o.line}</span> {o.label}
                    </span>
                  </Option>
                ))}
              </OptionGroup>
            );
          })
        )}
      </Combobox>
    </Field>
  );
}
