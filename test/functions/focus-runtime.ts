import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { connectToExcel } from "../../src/functions/excel-source";
import {
  createExcelSim,
  type CustomFunctionsMetadata,
  CustomFunctionsRuntime,
  type ExcelSim,
  type ExcelSimInit,
} from "../../sim";

/**
 * The add-in's FOCUS functions in the simulator, wired as the shared runtime wires them in Excel:
 * functions.json generated from the JSDoc, the implementations associated with a CustomFunctions
 * runtime, connectToExcel() for the runtime's read. Call `load()` in beforeAll, `open()` per test.
 */
export function focusRuntime() {
  const runtime = new CustomFunctionsRuntime();
  let metadata: CustomFunctionsMetadata | null = null;
  return {
    async load(): Promise<void> {
      const generated = await generateCustomFunctionsMetadata([
        join(__dirname, "../../src/functions/functions.ts"),
      ]);
      metadata = JSON.parse(generated.metadataJson);
      (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
      const focus = await import("../../src/functions/functions");
      runtime.associate({
        EXCESS: focus.excess,
        LABEL: focus.label,
        EARLYWARNING: focus.earlyWarning,
        LINE: focus.line,
        CHECK: focus.check,
        STATUS: focus.status,
      });
    },
    /** A workbook opened with the add-in's runtime started (its pane closed). */
    open(init: Omit<ExcelSimInit, "customFunctions"> = {}): ExcelSim {
      if (!metadata) throw new Error("focusRuntime: call load() first (beforeAll)");
      const sim = createExcelSim({
        ...init,
        customFunctions: { namespace: "FOCUS", metadata, runtime },
      });
      Object.assign(globalThis, { Excel: sim.Excel, Office: sim.Office });
      connectToExcel();
      return sim;
    },
    unload(): void {
      for (const global of ["CustomFunctions", "Excel", "Office"])
        delete (globalThis as Record<string, unknown>)[global];
    },
  };
}
