/// <reference types="office-js" />
import type { Workbook } from "../port";
import { ExcelHost, type OfficeWorkbookOptions } from "./excel-host";
import { clearHighlights, setHighlights } from "./highlights";
import { onChange, select, selection } from "./host";
import { readRanges } from "./read-cells";
import { readStructure } from "./read";
import { readGrid, readGrids } from "./read-grid";
import { addSheet, checkWrites, updateNames, writeCells, writeRecordSheet } from "./write";
import { hasOlderAutoOpen, officeSettings, removeOlderAutoOpen } from "./settings";
import { officeAddin, opensWithDocument, setOpensWithDocument } from "./startup";
import { documentBytes, officeDocument } from "./document-file";

export type { OfficeWorkbookOptions } from "./excel-host";

/**
 * The workbook port over Office.js. One Validate reads in at most three syncs (structure,
 * sheet-level names, every bound cell), each request well under Excel on the web's 5 MB;
 * every write is checked first and then done in one batch.
 */
export function createOfficeWorkbook(opts: OfficeWorkbookOptions = {}): Workbook {
  const host = new ExcelHost(opts);
  const settings = opts.settings ?? officeSettings;
  const addin = opts.addin ?? officeAddin;
  return {
    structure: () => readStructure(host),
    readRanges: (refs) => readRanges(host, refs),
    readGrid: (sheet) => readGrid(host, sheet),
    readGrids: (sheets) => readGrids(host, sheets),
    checkWrites: (cells) => checkWrites(host, cells),
    writeCells: (writes) => writeCells(host, writes),
    updateNames: (add, remove) => updateNames(host, add, remove),
    setHighlights: (marks) => setHighlights(host, marks),
    clearHighlights: () => clearHighlights(host),
    addSheet: (spec) => addSheet(host, spec),
    writeRecordSheet: (name, writes, guard) => writeRecordSheet(host, name, writes, guard),
    selection: () => selection(host),
    select: (ref) => select(host, ref),
    onChange: (listener) => onChange(host, listener),
    autoOpen: async () => ({
      on: await opensWithDocument(addin()),
      olderSetting: hasOlderAutoOpen(settings()),
    }),
    setAutoOpen: async (on) => {
      await setOpensWithDocument(addin(), on);
      if (hasOlderAutoOpen(settings())) await removeOlderAutoOpen(settings());
    },
    documentBytes: () => documentBytes((opts.document ?? officeDocument)()),
  };
}
