/**
 * ESLint 9 flat config for the whole tree (src, sim, preview, bench, scripts, test, examples and the
 * config files at the root), run by `npm test` through `npm run lint`. Formatting is prettier's
 * (`.prettierrc`, `npx prettier --check .`), not a lint rule: eslint-config-prettier switches off the
 * rules that would fight it.
 *
 *   every .ts/.tsx: @eslint/js recommended + typescript-eslint recommended (syntax only, not the
 *                   type-checked set: it would parse the whole program for each run on 2 cores)
 *   code that calls Office.js: eslint-plugin-office-addins (load before read, sync after load, ...)
 *   .tsx: eslint-plugin-react recommended with the automatic JSX runtime
 *   .js: CommonJS run by Node (scripts, jest and webpack configs, test helpers)
 *
 * Run eslint directly: the office-addin-lint wrapper only picks up a project config named
 * eslint.config.mjs and otherwise lints with its own built-in config.
 *
 * TypeScript parser: typescript-eslint's own (the same ~8.8 that eslint-plugin-office-addins' rules
 * were built against). The plugin's recommended config cannot be used as is: it reads the parser's
 * `default` export, which parser 8 does not have, so its TypeScript block arrives with
 * `parser: undefined`; only its office-addins rules are taken here.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");
const prettierOff = require("eslint-config-prettier");

const TS = ["**/*.{ts,tsx}"];
const JS = ["**/*.{js,cjs}"];

// Code that calls Office.js (the add-in and the simulator that stands in for Excel in tests and the preview).
const OFFICE_JS_CALLERS = [
  "src/taskpane/**/*.{ts,tsx}",
  "src/functions/**/*.ts",
  "src/commands/**/*.ts",
  "src/workbook/office/**/*.ts",
  "sim/**/*.ts",
  "preview/**/*.{ts,tsx}",
];
const officeRules = Object.fromEntries(
  Object.entries(
    officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]).rules
  ).filter(([rule]) => rule.startsWith("office-addins/"))
);

module.exports = tseslint.config(
  {
    ignores: [
      "lib/**",
      "dist/**",
      "dist-preview/**",
      "coverage/**",
      "test-results/**",
      "node_modules/**",
      "**/*.d.ts",
    ],
  },

  { files: [...TS, ...JS], ...js.configs.recommended },

  ...tseslint.configs.recommended.map((c) => ({ ...c, files: TS })),
  {
    files: TS,
    languageOptions: { ecmaVersion: "latest", sourceType: "module" },
    rules: {
      // TypeScript resolves names (Office, CustomFunctions, DOM and Node globals); no-undef cannot see typings.
      "no-undef": "off",
      // `_`-prefixed names are unused on purpose (a parameter an interface requires, a skipped tuple slot).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Options spelled out: typescript-eslint 8.8 reads the core rule's defaults, which ESLint 9.39
      // no longer provides, and crashes without them.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        {
          allowShortCircuit: false,
          allowTernary: false,
          allowTaggedTemplates: false,
          enforceForJSX: false,
        },
      ],
    },
  },

  {
    files: JS,
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
  {
    // Browser-side scripts the preview and the e2e tests inject into pages.
    files: ["test/**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
  },

  {
    files: OFFICE_JS_CALLERS,
    // The simulator's own tests read objects before load or sync on purpose, to test what it allows.
    ignores: ["sim/test/**"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },

  {
    ...react.configs.flat.recommended,
    files: ["**/*.tsx"],
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      // tsconfig uses "jsx": "react-jsx": React need not be in scope.
      ...react.configs.flat["jsx-runtime"].rules,
    },
  },

  prettierOff
);
