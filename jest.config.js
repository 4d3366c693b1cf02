/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src", "<rootDir>/sim"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only dependency through office-addin-manifest; a stub is all it needs.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  testTimeout: 60000,
};
