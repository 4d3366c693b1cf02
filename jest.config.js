/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src", "<rootDir>/sim"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
    // @noble/hashes ships ES modules only; Jest's module registry needs them as CommonJS (Node itself loads them).
    "/node_modules/@noble/hashes/.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2020" }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!@noble/hashes/)"],
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only dependency through office-addin-manifest; a stub is all it needs.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    // numfmt 4.0.1's "require" export names dist/index.cjs, which its package lacks; dist/index.js is that CommonJS build.
    "^numfmt$": "<rootDir>/node_modules/numfmt/dist/index.js",
  },
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  testTimeout: 60000,
};
