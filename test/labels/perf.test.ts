import { scanLabels } from "../../src/engine/labels/scan";
import { layOut, loadReference } from "./reference";
test("p", () => {
  const { cells } = layOut(loadReference("goldman-sachs-2017-12-31").sections);
  for (let i = 0; i < 12; i++) { const t = performance.now(); scanLabels("S", cells); console.log(performance.now() - t); }
});
