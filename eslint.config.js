/**
 * ESLint 9 flat config for the Excel add-in sources (src/taskpane, src/functions, src/commands).
 *
 *   npx eslint src/taskpane src/functions src/commands
 *
 * Rules: eslint-plugin-office-addins' `recommended` set (call-sync-after-load, load-object-before-read,
 * no-context-sync-in-loop, ... plus @eslint/js recommended and prettier), and eslint-plugin-react's
 * recommended set for the pane. Run eslint directly: the office-addin-lint wrapper only picks up a
 * project config named eslint.config.mjs and otherwise lints with its own built-in config.
 *
 * TypeScript parser: eslint-plugin-office-addins 4.0.10 means to set @typescript-eslint/parser in its
 * recommended config, but reads the parser's `default` export, which parser 8 does not have: the config
 * arrives with `parser: undefined` and every .ts file fails with "Parsing error". So the parser is set
 * here, resolved through the plugin (its own dependency, ~8.8) so that it is the version the plugin's
 * rules were built against, hoisted or not.
 */
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");
const tsParser = require(
  require.resolve("@typescript-eslint/parser", { paths: [require.resolve("eslint-plugin-office-addins")] })
);

const ADDIN_FILES = [
  "src/taskpane/**/*.{ts,tsx}",
  "src/functions/**/*.ts",
  "src/commands/**/*.ts",
  "src/workbook/office/**/*.ts",
  "sim/**/*.ts",
  "preview/**/*.{ts,tsx}",
];
// The simulator's own tests and its .xlsx fixture writer were outside the linted tree before the move.
const NOT_YET_LINTED = ["sim/test/**", "sim/xlsx-writer.ts"];

// The plugin's recommended config is [js recommended, prettier's rule switch-offs, the TypeScript block].
// Its TypeScript block only matches *.ts and friends, not *.tsx, so each piece is re-scoped here.
const recommended = officeAddins.configs.recommended;
const tsBlock = recommended.find((c) => c.plugins && c.plugins["office-addins"]);
const others = recommended.filter((c) => c !== tsBlock);

module.exports = [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },

  ...others.map((c) => ({ ...c, files: ADDIN_FILES, ignores: NOT_YET_LINTED })),

  {
    ...tsBlock,
    files: ADDIN_FILES,
    ignores: NOT_YET_LINTED,
    languageOptions: {
      ...tsBlock.languageOptions,
      parser: tsParser,
      // The plugin says ecmaVersion 6; the sources are ES2022 with JSX.
      ecmaVersion: "latest",
    },
    rules: {
      ...tsBlock.rules,
      // TypeScript resolves names (Office, CustomFunctions, DOM globals); no-undef cannot see typings.
      "no-undef": "off",
      // office-addin-prettier-config's settings, inline because package.json carries no "prettier" key.
      "prettier/prettier": ["error", { endOfLine: "auto", printWidth: 100, trailingComma: "es5" }],
    },
  },

  {
    ...react.configs.flat.recommended,
    files: ["src/taskpane/**/*.tsx", "preview/**/*.tsx"],
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      // tsconfig uses "jsx": "react-jsx": React need not be in scope.
      ...react.configs.flat["jsx-runtime"].rules,
    },
  },
];
