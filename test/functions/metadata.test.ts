/**
 * functions.json as the build writes it: custom-functions-metadata-plugin runs this same generator
 * over the JSDoc of src/functions/functions.ts.
 */
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface FunctionMetadata {
  id: string;
  options?: {
    volatile?: boolean;
    requiresAddress?: boolean;
    stream?: boolean;
    requiresStreamAddress?: boolean;
  };
  parameters: { name: string; optional?: boolean }[];
}

let functions: FunctionMetadata[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([
    join(__dirname, "../../src/functions/functions.ts"),
  ]);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
});

const byId = (id: string) => functions.find((f) => f.id === id);

it.each(["LINE", "CHECK", "STATUS"])(
  "%s follows names Excel does not track: streaming (results pushed after each read), not volatile, given the calling cell, with an optional scope",
  (id) => {
    const f = byId(id)!;
    // A volatile function would be called in every calculation; a streaming one is called once per
    // formula and given new results outside calculations (src/functions/snapshot.ts).
    expect(f.options).toEqual({ stream: true, requiresStreamAddress: true });
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      [id === "STATUS" ? "statement" : "code", false],
      ["scope", true],
    ]);
  }
);

it("leaves the pure functions non-volatile, so a workbook does not recalculate them on every edit", () => {
  expect(functions.map((f) => f.id)).toEqual([
    "EXCESS",
    "LABEL",
    "EARLYWARNING",
    "LINE",
    "CHECK",
    "STATUS",
  ]);
  for (const id of ["EXCESS", "LABEL", "EARLYWARNING"]) expect(byId(id)!.options).toBeUndefined();
});
