import { BUSY, type Scalar } from "../formula/values";
import type { SimBook } from "../model/book";
import { evaluatePreview } from "../model/calc";
import {
  errorValue,
  invocationFor,
  resultValue,
  type Caller,
  type SimCustomFunctions,
} from "./calls";

/**
 * Formula value preview (docs/excel/custom-functions-formula-value-preview.md): while the user edits
 * a formula and selects part of it, Excel computes that part to show its value, and custom functions
 * take part: they are called with `invocation.isInValuePreview` true, and may answer with a stand-in
 * rather than do costly or scarce work. Nothing is written to a cell, no call is kept, and Excel is
 * in cell-edit mode meanwhile (the session holds it on while the preview runs).
 *
 * Two passes: the first calls every function the formula names (the cell would show #BUSY!), the
 * second computes the formula with their answers. A streaming function answers with its first
 * setResult. `wait` gives up on answers that never come (calculation.ts: unlessStuck), in which
 * case the preview shows #BUSY!.
 */
export async function previewValue(
  functions: SimCustomFunctions,
  book: SimBook,
  formula: string,
  caller: Caller,
  wait: (work: Promise<unknown>) => Promise<boolean>
): Promise<Scalar> {
  const answers = new Map<string, { value?: Scalar; done: Promise<void> }>();
  const ask = (name: string, at: Caller) =>
    functions.worksheetFunction(name, at, (metadata, args) => {
      const key = `${metadata.id}|${JSON.stringify(args)}`;
      const known = answers.get(key);
      if (known) return known.value ?? BUSY;
      const answer: { value?: Scalar; done: Promise<void> } = { done: Promise.resolve() };
      answers.set(key, answer);
      let setResult!: (v: unknown) => void;
      const streamed = new Promise<void>((resolve) => {
        setResult = (v: unknown) => {
          answer.value ??= resultValue(v);
          resolve();
        };
      });
      const invocation = invocationFor(functions.namespace, metadata, at, {
        isInValuePreview: true,
        ...(metadata.options?.stream ? { setResult } : {}),
      });
      answer.done = Promise.resolve()
        .then(() => functions.call(metadata, args, invocation))
        .then(
          async (v) => {
            if (metadata.options?.stream) await streamed;
            else answer.value = resultValue(v);
          },
          (e: unknown) => void (answer.value = errorValue(e))
        );
      return BUSY;
    });
  evaluatePreview(book, formula, caller, ask);
  await wait(Promise.all([...answers.values()].map((a) => a.done)));
  return evaluatePreview(book, formula, caller, ask);
}
