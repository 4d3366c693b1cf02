import type { UserStep } from "./types";

/** What the test pane asks the person at Excel to do, in plain words; they answer Done or Could not. */
export function describeStep(step: UserStep): string {
  switch (step.kind) {
    case "type":
      return `Click cell ${step.cell}, type ${step.value} and press Enter. Then click Done.`;
    case "undo":
      return "Click any cell, then press Ctrl+Z once (Cmd+Z on Mac). Click Done if Excel undid something, Could not if it had nothing to undo.";
    case "co-author-type":
      return `In a second session on this workbook (another account, Excel on the web, the file on OneDrive or SharePoint), type ${step.value} into ${step.cell}. Click Done once it shows here, or Could not if this workbook is not shared.`;
    case "save-and-reopen":
      return "Save this workbook (Ctrl+S), close it, and open it again from the same place. The lane goes on by itself when it reopens.";
    case "confirm-pane-opened":
      return "Did the FOCUS test pane open by itself when the workbook opened? Done = yes, Could not = no.";
  }
}
