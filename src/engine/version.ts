/**
 * What a review package states it was checked with. The engine version follows
 * package.json; the reference is the rule book the statements were written from
 * (../shared/reference/focus-lines.md), named by its SHA-256 so a changed rule book
 * shows. Tests hold both to their sources.
 */
export const ENGINE_VERSION = "0.1.0";
export const REFERENCE_VERSION = {
  document: "focus-lines.md",
  sha256: "601a5f0d9717eda9ff70a6fe839c3d17c65b04722d9f83d129215fdd83aa270f",
} as const;
