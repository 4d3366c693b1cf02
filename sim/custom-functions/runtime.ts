/**
 * The `CustomFunctions` global of Excel's JavaScript runtime, as far as a functions bundle
 * uses it: associate() registers the implementations, Error and ErrorCode are what they throw.
 * Install it as globalThis.CustomFunctions before the bundle loads; give it to createExcelSim
 * together with the add-in's functions.json so formulas can call what was associated.
 */

/** CustomFunctions.ErrorCode: the errors a custom function may give (only #VALUE! and #N/A carry a message). */
export const CUSTOM_FUNCTION_ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type CustomFunctionErrorCode =
  (typeof CUSTOM_FUNCTION_ERROR_CODE)[keyof typeof CUSTOM_FUNCTION_ERROR_CODE];

/** CustomFunctions.Error: thrown by a function, the cell shows `code`. */
export class CustomFunctionError extends Error {
  constructor(
    readonly code: CustomFunctionErrorCode,
    message?: string
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
  }
}

export type CustomFunctionImplementation = (...args: never[]) => unknown;

/** One entry of functions.json, the parts the simulator uses. */
export interface CustomFunctionMetadata {
  id: string;
  /** The name a formula calls, after the namespace: FOCUS.<name>. */
  name: string;
  parameters?: { name: string; type?: string; optional?: boolean }[];
  /** requiresStreamAddress is requiresAddress for a streaming function (custom-functions-metadata writes it). */
  options?: {
    volatile?: boolean;
    requiresAddress?: boolean;
    stream?: boolean;
    requiresStreamAddress?: boolean;
  };
}

/** functions.json, as custom-functions-metadata-plugin writes it. */
export interface CustomFunctionsMetadata {
  functions: CustomFunctionMetadata[];
}

export class CustomFunctionsRuntime {
  readonly Error = CustomFunctionError;
  readonly ErrorCode = CUSTOM_FUNCTION_ERROR_CODE;
  private readonly implementations = new Map<string, CustomFunctionImplementation>();

  /** associate("ID", fn) or associate({ ID: fn, … }); ids are case-insensitive, as in Excel. */
  associate(
    idOrMappings: string | Record<string, CustomFunctionImplementation>,
    implementation?: CustomFunctionImplementation
  ): void {
    const mappings =
      typeof idOrMappings === "string" ? { [idOrMappings]: implementation } : idOrMappings;
    for (const [id, fn] of Object.entries(mappings)) {
      if (typeof fn !== "function") throw new TypeError(`associate("${id}") needs a function`);
      this.implementations.set(id.toUpperCase(), fn);
    }
  }

  /** The function associated with a functions.json id, if any. */
  implementation(id: string): CustomFunctionImplementation | undefined {
    return this.implementations.get(id.toUpperCase());
  }
}
