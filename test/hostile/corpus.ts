/**
 * Bad workbooks, made by script (no opaque binaries): each with what the
 * focus-check contract prescribes for it. Generated into a temporary folder
 * by the hostile test; `ts-node`-free: the test imports this module.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { type CellModel, type WorkbookModel, writeXlsx } from "../../sim";
import { bindingName } from "../../src/engine";
import { qualified } from "../../src/grid";

export interface Hostile {
  name: string;
  /** The file's bytes (a function: some are large and made only when the case runs). */
  make: () => Uint8Array;
  exit: 0 | 1 | 2;
  /** For exit 2: what the error line must say. */
  error?: RegExp;
  /** Finding kinds (with codes) the report must contain, e.g. "bad-input:7010". */
  findings?: string[];
  /** Extra CLI arguments. */
  args?: string[];
  /** --annotate is tried on it: values and formulas must survive untouched. */
  annotate?: boolean;
}

const seg = (
  sheet: string,
  extra: Record<string, Omit<CellModel, "ref">> = {},
  level: "sheet" | "workbook" = "sheet"
) => {
  const values: Record<string, Omit<CellModel, "ref">> = {
    "7010": { value: 100 },
    "7020": { value: 20 },
    "7033": { value: -5 },
    "7040": { value: 115 },
    "7060": { value: 115 },
    "7070": { value: 150 },
    "7180": { value: 150 },
    "7190": { value: 35 },
    ...extra,
  };
  const cells: CellModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  Object.entries(values).forEach(([code, v], i) => {
    cells.push({ ref: `C${i + 2}`, ...v }, { ref: `D${i + 2}`, value: Number(code) });
    names.push({
      name: bindingName(code),
      refersTo: qualified(sheet, `$C$${i + 2}`, { always: true }),
      ...(level === "sheet" ? { localSheet: sheet } : {}),
    });
  });
  return { cells, names };
};

/** Rewrite parts of a package the writer (rightly) refuses to produce. */
function patch(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipSync(parts as Zippable);
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function addRawNames(bytes: Uint8Array, xml: string): Uint8Array {
  return patch(bytes, (p) => {
    const wb = text(p["xl/workbook.xml"]);
    p["xl/workbook.xml"] = strToU8(
      wb.includes("</definedNames>")
        ? wb.replace("</definedNames>", `${xml}</definedNames>`)
        : wb.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`)
    );
  });
}

function cfb(withEncryption: boolean): Uint8Array {
  const b = new Uint8Array(8192);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (withEncryption)
    b.set(
      Array.from("EncryptionInfo").flatMap((c) => [c.charCodeAt(0), 0]),
      1024
    );
  return b;
}

export const CORPUS: Hostile[] = [
  {
    name: "not-a-zip.xlsx",
    make: () => strToU8("Date,Amount\n11/30/20,134116777\n"),
    exit: 2,
    error: /not a workbook/,
  },
  { name: "empty.xlsx", make: () => new Uint8Array(0), exit: 2, error: /not a workbook/ },
  {
    name: "truncated.xlsx",
    make: () => {
      const s = seg("Day");
      return writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names }).subarray(
        0,
        700
      );
    },
    exit: 2,
    error: /truncated or corrupt/,
  },
  {
    name: "zip-bomb.xlsx",
    make: () => {
      const s = seg("Day");
      const good = writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names });
      // The sheet part inflates from about 200 KB to 200 MB of spaces before its data.
      return patch(good, (p) => {
        const sheet = text(p["xl/worksheets/sheet1.xml"]);
        const padded = sheet.replace("<sheetData>", "<sheetData>" + " ".repeat(200 * 1024 * 1024));
        p["xl/worksheets/sheet1.xml"] = strToU8(padded);
      });
    },
    exit: 2,
    error: /zip bomb|inflates/,
  },
  { name: "encrypted.xlsx", make: () => cfb(true), exit: 2, error: /encrypted/ },
  { name: "legacy.xls", make: () => cfb(false), exit: 2, error: /legacy \.xls/ },
  {
    name: "binary.xlsb",
    make: () =>
      zipSync({
        "[Content_Types].xml": strToU8("<Types/>"),
        "_rels/.rels": strToU8(
          `<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`
        ),
        "xl/workbook.bin": new Uint8Array(64),
      }),
    exit: 2,
    error: /\.xlsb/,
  },
  {
    name: "malformed-xml.xlsx",
    make: () => {
      const s = seg("Day");
      return patch(
        writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names }),
        (p) => {
          p["xl/worksheets/sheet1.xml"] = strToU8(`<worksheet><sheetData><row r="1"><c r="A1"`);
        }
      );
    },
    exit: 2,
    error: /malformed XML/,
  },
  {
    name: "doctype-entities.xlsx",
    make: () => {
      const s = seg("Day");
      return patch(
        writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names }),
        (p) => {
          p["xl/workbook.xml"] = strToU8(
            `<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
              text(p["xl/workbook.xml"]).replace(/^<\?xml[^>]*\?>/, "")
          );
        }
      );
    },
    exit: 2,
    error: /DTD|malformed/,
  },
  {
    name: "ten-thousand-sheets.xlsx",
    make: () => {
      const s = seg("Day 1");
      const sheets = [
        { name: "Day 1", cells: s.cells },
        ...Array.from({ length: 9999 }, (_, i) => ({
          name: `S${i + 2}`,
          cells: [{ ref: "A1", value: i }],
        })),
      ];
      return writeXlsx({ sheets, names: s.names });
    },
    exit: 0,
    annotate: false,
  },
  {
    name: "million-rows.xlsx",
    make: () => {
      const s = seg("Day");
      const good = writeXlsx({
        sheets: [
          { name: "Day", cells: s.cells },
          { name: "Ledger", cells: [{ ref: "A1", value: 0 }] },
        ],
        names: s.names,
      });
      return patch(good, (p) => {
        const rows: string[] = [];
        for (let r = 1; r <= 1_000_000; r++)
          rows.push(
            `<row r="${r}"><c r="A${r}"><v>${r}.5</v></c><c r="B${r}"><v>${r * 3}.25</v></c></row>`
          );
        p["xl/worksheets/sheet2.xml"] = strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`
        );
      });
    },
    exit: 0,
    args: ["--detect"],
  },
  {
    name: "bad-names.xlsx",
    make: () => {
      const s = seg("Day", {}, "workbook");
      const bytes = writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names });
      return addRawNames(
        bytes,
        [
          `<definedName name="FOCUS_7100">#REF!</definedName>`,
          `<definedName name="FOCUS_7110">[1]Other!$A$1</definedName>`,
          `<definedName name="FOCUS_7120">OFFSET('Day'!$C$2,1,0)</definedName>`,
          `<definedName name="FOCUS_7130">INDIRECT("Day!C2")</definedName>`,
          `<definedName name="FOCUS_7132">'Day'!$C$2,'Day'!$C$3</definedName>`,
          `<definedName name="FOCUS_7133">'Deleted sheet'!$C$2</definedName>`,
          `<definedName name="FOCUS_7140">'Day'!$C$2:$C$90</definedName>`,
        ].join("")
      );
    },
    exit: 1,
    findings: [
      "bad-input:7100",
      "bad-input:7110",
      "bad-input:7120",
      "bad-input:7130",
      "bad-input:7132",
      "bad-input:7133",
      "bad-input:7140",
    ],
    annotate: true,
  },
  {
    name: "merged-cells.xlsx",
    make: () => {
      const s = seg("Day", { "7100": { value: 7 } });
      return writeXlsx({
        sheets: [{ name: "Day", cells: s.cells, merges: ["C10:D10", "B9:C9"] }],
        names: s.names.map((n) =>
          n.name === "FOCUS_7100" ? { ...n, refersTo: "'Day'!$D$10" } : n
        ),
      });
    },
    exit: 1,
    findings: ["bad-input:7100"],
    annotate: true,
  },
  {
    name: "shadowed-and-duplicate.xlsx",
    make: () => {
      const s = seg("Day");
      const bytes = writeXlsx({
        sheets: [{ name: "Day", cells: [...s.cells, { ref: "H1", value: 1 }] }],
        names: [...s.names, { name: "FOCUS_7070", refersTo: "'Day'!$C$7" }],
      });
      return addRawNames(
        bytes,
        `<definedName name="focus_7020" localSheetId="0">'Day'!$H$1</definedName>`
      );
    },
    exit: 1,
    findings: ["shadowed:7070", "duplicate:7020"],
  },
  {
    name: "hidden-sheets.xlsx",
    make: () => {
      const a = seg("Hidden day");
      const b = seg("Very hidden day", { "7180": { value: 151 } });
      return writeXlsx({
        sheets: [
          { name: "Cover", cells: [{ ref: "A1", value: "cover" }] },
          { name: "Hidden day", state: "hidden", cells: a.cells },
          { name: "Very hidden day", state: "veryHidden", cells: b.cells },
        ],
        names: [...a.names, ...b.names],
      });
    },
    exit: 1,
    findings: ["identity:7180"],
    annotate: true,
  },
  {
    name: "odd-sheet-names.xlsx",
    make: () => {
      const names = ["O'Brien's day", "Day 1 (rev 2)", "Ελληνικά 日本語 ✓", "a,b;c"];
      const parts = names.map((n, i) => seg(n, i === 2 ? { "7070": { value: 140 } } : {}));
      return writeXlsx({
        sheets: names.map((n, i) => ({ name: n, cells: parts[i].cells })),
        names: parts.flatMap((p) => p.names),
      });
    },
    exit: 1,
    findings: ["identity:7180"],
    annotate: true,
  },
  {
    name: "long-strings-and-injection.xlsx",
    make: () => {
      const s = seg("Day", {
        "7100": { value: "x".repeat(32767) },
        "7110": { value: '=HYPERLINK("http://evil.example","click")' },
        "7120": { value: "+cmd|' /C calc'!A0" },
        "7130": { value: "@SUM(1+1)*cmd|' /C calc'!A0" },
      });
      return writeXlsx({
        sheets: [
          {
            name: "Day",
            cells: [...s.cells, { ref: "B1", value: '=HYPERLINK("http://evil.example")' }],
          },
        ],
        names: s.names,
      });
    },
    exit: 1,
    findings: ["bad-input:7100", "bad-input:7110", "bad-input:7120", "bad-input:7130"],
    annotate: true,
  },
  {
    // Someone pasted a ledger into the add-in's record sheet: read, judged, never a crash.
    name: "review-sheet-of-junk.xlsx",
    make: () => {
      const s = seg("Day");
      const good = writeXlsx({
        sheets: [
          { name: "Day", cells: s.cells },
          { name: "FOCUS Review", state: "veryHidden", cells: [{ ref: "A1", value: 0 }] },
        ],
        names: s.names,
      });
      return patch(good, (p) => {
        const rows: string[] = [];
        for (let r = 3; r <= 200_000; r++)
          rows.push(
            `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${r}</t></is></c><c r="J${r}" t="inlineStr"><is><t>k${r}</t></is></c><c r="T${r}" t="inlineStr"><is><t>S${r}</t></is></c><c r="U${r}" t="inlineStr"><is><t>[[</t></is></c></row>`
          );
        p["xl/worksheets/sheet2.xml"] = strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`
        );
      });
    },
    exit: 1,
    findings: ["review-record:null"],
  },
  {
    name: "huge-and-fractional-amounts.xlsx",
    make: () => {
      const s = seg("Day", {
        "7010": { value: "1000000000000000001" },
        "7020": { value: 0.015 },
        "7033": { value: -0.005 },
        "7040": { value: "1000000000000000001.01" },
        "7060": { value: "1000000000000000001.01" },
        "7070": { value: 1e20 },
        "7180": { value: 1e20 },
        "7190": { value: 99e18 },
        "7194": { value: 1e300 },
      });
      return writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names });
    },
    // 7040 ties exactly (10^18+1 + 0.015 - 0.005); 7190 misses by 1.01 at 10^20; 7198 is far under a 10^300 target.
    exit: 1,
    findings: ["stored-as-text:7010", "identity:7190"],
    annotate: true,
  },
];
