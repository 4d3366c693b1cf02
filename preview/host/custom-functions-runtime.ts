import { CustomFunctionsRuntime } from "../../sim";

/**
 * The page's CustomFunctions global, installed as this module is evaluated: main.tsx imports
 * it before src/functions/functions.ts, whose appended associate() calls (written in by
 * custom-functions-metadata-plugin, as for Excel) then register FOCUS.* here.
 */
export const customFunctionsRuntime = new CustomFunctionsRuntime();
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = customFunctionsRuntime;
