import { deflateSync, strToU8, unzipSync, zipSync } from "fflate";
import { nativeInflate as native } from "../../cli/native-inflate";
import { fflateInflate, WorkbookFileError, ZipPackage, type RawInflate } from "./zip";
import { readDirectory } from "./zip-directory";

/** The CLI's inflater (Node's zlib) beside the pane's (fflate): both must keep every guard. */
const INFLATERS: [string, RawInflate][] = [
  ["fflate", fflateInflate],
  ["node:zlib", native],
];

interface RawPart {
  name: string;
  data: Uint8Array;
  /** Force the ZIP64 form: all-ones sizes and offset, the real ones in the extra field. */
  zip64?: boolean;
  flags?: number;
  /** What the directory claims the part inflates to (a liar's size). */
  claimedSize?: number;
}

/** A zip written by hand, record by record (APPNOTE 4.3), for the forms fflate's writer never makes. */
function handZip(parts: RawPart[], opts: { zip64End?: boolean; comment?: string } = {}) {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const packed = deflateSync(p.data);
    const size = p.claimedSize ?? p.data.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(6, p.flags ?? 0x800, true);
    local.setUint16(8, 8, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, packed);
    const extra = new DataView(new ArrayBuffer(p.zip64 ? 28 : 0));
    if (p.zip64) {
      extra.setUint16(0, 1, true);
      extra.setUint16(2, 24, true);
      extra.setBigUint64(4, BigInt(size), true);
      extra.setBigUint64(12, BigInt(packed.length), true);
      extra.setBigUint64(20, BigInt(offset), true);
    }
    const c = new DataView(new ArrayBuffer(46));
    const ones = 0xffffffff;
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(8, p.flags ?? 0x800, true);
    c.setUint16(10, 8, true);
    c.setUint32(20, p.zip64 ? ones : packed.length, true);
    c.setUint32(24, p.zip64 ? ones : size, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra.byteLength, true);
    c.setUint32(42, p.zip64 ? ones : offset, true);
    central.push(new Uint8Array(c.buffer), name, new Uint8Array(extra.buffer));
    offset += 30 + name.length + packed.length;
  }
  const centralStart = offset;
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  chunks.push(...central);
  if (opts.zip64End) {
    const z = new DataView(new ArrayBuffer(56 + 20));
    z.setUint32(0, 0x06064b50, true);
    z.setBigUint64(4, 44n, true);
    z.setBigUint64(24, BigInt(parts.length), true);
    z.setBigUint64(32, BigInt(parts.length), true);
    z.setBigUint64(40, BigInt(centralSize), true);
    z.setBigUint64(48, BigInt(centralStart), true);
    z.setUint32(56, 0x07064b50, true);
    z.setBigUint64(56 + 8, BigInt(centralStart + centralSize), true);
    z.setUint32(56 + 16, 1, true);
    chunks.push(new Uint8Array(z.buffer));
  }
  const comment = strToU8(opts.comment ?? "");
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, opts.zip64End ? 0xffff : parts.length, true);
  end.setUint16(10, opts.zip64End ? 0xffff : parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, opts.zip64End ? 0xffffffff : centralStart, true);
  end.setUint16(20, comment.length, true);
  chunks.push(new Uint8Array(end.buffer), comment);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString("utf8") : null);

describe("the zip package", () => {
  const files = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8("<workbook>" + "<sheet/>".repeat(2000) + "</workbook>"),
    "xl/worksheets/feuille été.xml": strToU8("<worksheet>é 北京</worksheet>"),
    "xl/empty.xml": new Uint8Array(0),
  };

  test.each(INFLATERS)("reads every part fflate's writer made, with %s", (_, inflateRaw) => {
    for (const level of [0, 6] as const) {
      const zip = new ZipPackage(zipSync(files, { level }), { inflateRaw });
      const expected = unzipSync(zipSync(files));
      expect(zip.names().sort()).toEqual(Object.keys(expected).sort());
      for (const [name, bytes] of Object.entries(expected))
        expect(Buffer.from(zip.read(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test("finds the directory behind an archive comment", () => {
    const zip = new ZipPackage(
      handZip([{ name: "a.xml", data: strToU8("<a/>") }], { comment: "x".repeat(3000) })
    );
    expect(text(zip.read("a.xml"))).toBe("<a/>");
  });

  test.each(INFLATERS)("reads ZIP64 sizes, offsets and end records, with %s", (_, inflateRaw) => {
    const bytes = handZip(
      [
        { name: "a.xml", data: strToU8("<a>" + "1".repeat(5000) + "</a>"), zip64: true },
        { name: "b.xml", data: strToU8("<b/>"), zip64: true },
      ],
      { zip64End: true }
    );
    const zip = new ZipPackage(bytes, { inflateRaw });
    expect(zip.names()).toEqual(["a.xml", "b.xml"]);
    expect(text(zip.read("b.xml"))).toBe("<b/>");
    expect(text(zip.read("a.xml"))!.length).toBe(5007);
  });

  test("a name without the UTF-8 flag is read byte for byte", () => {
    const bytes = handZip([{ name: "caf\u00e9.xml", data: strToU8("x"), flags: 0 }]);
    // "é" written as UTF-8 (C3 A9) but not flagged: two characters, as fflate read it.
    expect(readDirectory(bytes)[0].name).toBe("caf\u00c3\u00a9.xml");
  });

  test("a truncated or unreadable directory is a clear refusal", () => {
    const good = zipSync(files);
    for (const bytes of [good.subarray(0, good.length - 30), good.subarray(0, good.length >> 1)]) {
      expect(() => new ZipPackage(bytes)).toThrow(WorkbookFileError);
      expect(() => new ZipPackage(bytes)).toThrow(/truncated or corrupt/);
    }
  });

  test("a directory pointing past the end fails on reading that part, naming it", () => {
    const bytes = handZip([{ name: "a.xml", data: strToU8("<a/>") }]);
    // Move the local header's offset past the end of the file.
    const view = new DataView(bytes.buffer);
    const central = bytes.length - 22 - (46 + 5);
    view.setUint32(central + 42, bytes.length + 10, true);
    const zip = new ZipPackage(bytes);
    expect(() => zip.read("a.xml")).toThrow(/cannot be inflated \(a\.xml/);
  });

  test("an encrypted part is refused", () => {
    const zip = new ZipPackage(handZip([{ name: "a.xml", data: strToU8("<a/>"), flags: 0x801 }]));
    expect(() => zip.read("a.xml")).toThrow(/a\.xml: encrypted/);
  });

  test.each(INFLATERS)(
    "a part never inflates past its declared size, with %s",
    (name, inflateRaw) => {
      const data = strToU8("A".repeat(100_000));
      const zip = new ZipPackage(handZip([{ name: "a.xml", data, claimedSize: 100 }]), {
        inflateRaw,
      });
      if (name === "node:zlib") expect(() => zip.read("a.xml")).toThrow(/cannot be inflated/);
      else expect(zip.read("a.xml")!.length).toBe(100);
    }
  );
});
