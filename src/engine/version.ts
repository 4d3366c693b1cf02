/**
 * What a review package states it was checked with. The engine version follows
 * package.json; the reference is the rule book the statements were written from
 * (../shared/reference/focus-lines.md), named by its SHA-256 so a changed rule book
 * shows. Tests hold both to their sources.
 */
export const ENGINE_VERSION = "0.1.0";
export const REFERENCE_VERSION = {
  document: "focus-lines.md",
  sha256: "88ff0723f3b57802e99f01a34f947a4d738a5190e38b847d5b0f7db0100ade4a",
} as const;
