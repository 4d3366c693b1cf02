/**
 * The central directory of a zip package (APPNOTE.TXT 6.3, sections 4.3.7 to 4.3.16,
 * with the ZIP64 records of 4.3.14, 4.3.15 and 4.5.3): each part's name, method, sizes
 * and where its data starts. fflate's unzipSync reads the same records but keeps the
 * offsets to itself, so a part could only be inflated by fflate's own JavaScript inflater;
 * with the offsets, the CLI hands each part to Node's native zlib (several times faster
 * on a year of daily sheets) and the pane keeps fflate's.
 */
import { strFromU8 } from "fflate";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  /** General-purpose flags; bit 0 is encryption. */
  flags: number;
  compressedSize: number;
  originalSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Thrown on any record that is missing, truncated or points outside the file. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

export function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === U32_MAX) {
    const z = zip64End(view, eocd);
    count = z.count;
    offset = z.offset;
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    need(view, offset, 46);
    if (view.getUint32(offset, true) !== CENTRAL) throw new ZipFormatError("bad central record");
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    need(view, offset + 46, nameLength + extraLength);
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength), flags),
      method: view.getUint16(offset + 10, true),
      flags,
      compressedSize: view.getUint32(offset + 20, true),
      originalSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    if (
      entry.compressedSize === U32_MAX ||
      entry.originalSize === U32_MAX ||
      entry.localOffset === U32_MAX
    )
      zip64Sizes(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ from the directory's. */
export function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  need(view, entry.localOffset, 30);
  if (view.getUint32(entry.localOffset, true) !== LOCAL)
    throw new ZipFormatError("bad local header");
  const start =
    entry.localOffset +
    30 +
    view.getUint16(entry.localOffset + 26, true) +
    view.getUint16(entry.localOffset + 28, true);
  need(view, start, entry.compressedSize);
  return start;
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when the archive has a comment (up to 65,535 bytes). */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--)
    if (view.getUint32(at, true) === EOCD) return at;
  throw new ZipFormatError("no end of central directory");
}

function zip64End(view: DataView, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
    throw new ZipFormatError("no ZIP64 locator");
  const at = safeNumber(view.getBigUint64(locator + 8, true));
  need(view, at, 56);
  if (view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError("bad ZIP64 end record");
  return {
    count: safeNumber(view.getBigUint64(at + 32, true)),
    offset: safeNumber(view.getBigUint64(at + 48, true)),
  };
}

/** The ZIP64 extra field (id 1) holds, in this order, only the values whose 32-bit fields are all ones. */
function zip64Sizes(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + size) throw new ZipFormatError("short ZIP64 field");
        const v = safeNumber(view.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (entry.originalSize === U32_MAX) entry.originalSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localOffset === U32_MAX) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
  throw new ZipFormatError("no ZIP64 field");
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("offset out of range");
  return Number(v);
}

function need(view: DataView, at: number, length: number): void {
  if (at < 0 || at + length > view.byteLength) throw new ZipFormatError("record past the end");
}

/** Bit 11 says the name is UTF-8; otherwise each byte is one character (as fflate reads it). */
function decodeName(raw: Uint8Array, flags: number): string {
  return strFromU8(raw, !(flags & 0x800));
}
