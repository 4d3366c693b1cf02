import type { CustomFunctionMetadata } from "..";

/** One custom function's metadata entry as a manifest's functions.json lists it (id = name). */
export const fn = (
  name: string,
  parameters: CustomFunctionMetadata["parameters"],
  options?: CustomFunctionMetadata["options"]
): CustomFunctionMetadata => ({ id: name, name, parameters, options });
