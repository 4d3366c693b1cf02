import type { CustomFunctionsMetadata } from "../../sim";

/** The bundled example (copied into the build by webpack.preview.js). */
export const EXAMPLE = { url: "examples/hsbc-2020-11-30.xlsx", name: "hsbc-2020-11-30.xlsx" };

/** Opened by the preview, as Excel opens files: .xlsx and macro-enabled .xlsm. */
export const WORKBOOK_TYPES = ".xlsx,.xlsm";

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response;
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetched(url)).arrayBuffer());
}

/** functions.json, written by the build from the JSDoc of src/functions/functions.ts. */
export async function fetchFunctionsMetadata(): Promise<CustomFunctionsMetadata> {
  return (await (await fetched("functions.json")).json()) as CustomFunctionsMetadata;
}

/** What the page opens first: functions.json and the example, each a request already under way. */
export interface FirstLoad {
  functions: Promise<CustomFunctionsMetadata>;
  example: Promise<Uint8Array>;
}

/**
 * Ask for functions.json and the example together as the page starts, not one after the other
 * once the shell has rendered: both requests then run while React renders the shell.
 */
export function startFirstLoad(): FirstLoad {
  const first = { functions: fetchFunctionsMetadata(), example: fetchBytes(EXAMPLE.url) };
  // The shell awaits both and reports a failure; until then a failure is not an unhandled one.
  first.functions.catch(() => undefined);
  first.example.catch(() => undefined);
  return first;
}

export async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Save bytes as a download, with no round trip to a server. */
export function download(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
