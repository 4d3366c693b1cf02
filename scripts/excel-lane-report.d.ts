import type { ScenarioResult } from "../test/end-to-end/lane/types";

export function parseResults(posted: unknown): ScenarioResult[] | Error;
export function formatReport(
  results: ScenarioResult[],
  expectedIds?: string[]
): { lines: string[]; exitCode: number };
export const CANNOT_RUN_HERE: string;
