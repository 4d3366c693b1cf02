/**
 * The boundaries between the project's parts, checked in `npm test` (scripts/test.sh):
 *
 *   npx depcruise src sim preview bench examples test scripts
 *
 * Type-only imports count (tsPreCompilationDeps): a cycle through types is still a cycle in the design.
 */
const ENGINE_ENTRIES = "^src/engine/(index|labels/index)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles: each part can be read, tested and moved on its own.",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-through-its-entries",
      severity: "error",
      comment:
        "Outside src/engine, code reaches the engine only through src/engine/index.ts (or, for the label " +
        "matcher, which must stay out of the pane's first load, src/engine/labels/index.ts).",
      from: { pathNot: "^src/engine/" },
      to: { path: "^src/engine/", pathNot: ENGINE_ENTRIES },
    },
    {
      name: "src-ships-alone",
      severity: "error",
      comment:
        "What ships (src/) never imports the simulator, the tests, the bench, the preview or the examples.",
      // Tests kept beside the code they test do not ship.
      from: { path: "^src/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(sim|test|bench|preview|examples)/" },
    },
    {
      name: "engine-is-pure",
      severity: "error",
      comment:
        "The engine is pure TypeScript: no Office, no I/O. It imports none of the shells and adapters " +
        "around it (tests kept beside its code excepted).",
      from: { path: "^src/engine/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^src/(workbook|taskpane|functions|commands|cli|report)/" },
    },
    {
      name: "engine-no-io",
      severity: "error",
      comment:
        "No Node built-ins in the engine (fs, crypto, ...): it runs in the pane as it runs in the CLI.",
      from: { path: "^src/engine/", pathNot: "\\.test\\.tsx?$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "xlsx-format-knows-no-domain",
      severity: "error",
      comment: "The .xlsx file-format layer (src/workbook/xlsx) imports no engine (domain) code.",
      from: { path: "^src/workbook/xlsx/" },
      to: { path: "^src/engine/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib|dist|dist-preview|coverage|test-results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // .js files in test/ and scripts/ are CommonJS; .ts use ES imports.
    moduleSystems: ["es6", "cjs"],
  },
};
