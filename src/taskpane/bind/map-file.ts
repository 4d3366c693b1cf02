import { MAX_MAP_BYTES } from "../../workbook/binding-map";
import { ActionError } from "../actions";
import { readAsText } from "../shared/files";

/** The text of a chosen map file; a file too large to be a map is refused before it is read. */
export async function readMapFile(file: File): Promise<string> {
  if (file.size > MAX_MAP_BYTES) {
    const mb = (file.size / 1048576).toFixed(1);
    throw new ActionError(
      `${file.name} is ${mb} MB; a binding map is at most ${MAX_MAP_BYTES / 1048576} MB, so this is not one.`
    );
  }
  try {
    return await readAsText(file);
  } catch {
    throw new ActionError(`${file.name} could not be read.`);
  }
}
