import { inflateSync, strFromU8 } from "fflate";
import { dataStart, readDirectory, ZipFormatError, type ZipEntry } from "./zip-directory";

/** Why a file cannot be used as a workbook. The CLI turns it into exit code 2. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export interface ZipLimits {
  /** Largest total of the entries we inflate. */
  maxTotalBytes: number;
  /** Largest ratio of inflated to compressed size for one entry (zip bombs run to thousands). */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 1000 };

/**
 * Inflates one part's raw DEFLATE data, which the directory says is `size` bytes; never
 * returns more. fflate's by default (it runs in the pane); the CLI passes Node's zlib.
 */
export type RawInflate = (data: Uint8Array, size: number) => Uint8Array;

export const fflateInflate: RawInflate = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size) });

export interface ZipOptions {
  limits?: ZipLimits;
  inflateRaw?: RawInflate;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An .xlsx package: the list of its parts, inflated on demand with bomb guards. */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly limits: ZipLimits;
  private readonly inflateRaw: RawInflate;

  constructor(
    private readonly bytes: Uint8Array,
    options: ZipOptions = {}
  ) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.inflateRaw = options.inflateRaw ?? fflateInflate;
    sniff(bytes);
    try {
      for (const e of readDirectory(bytes)) this.entries.set(e.name.replace(/^\//, ""), e);
    } catch (e) {
      if (!(e instanceof ZipFormatError)) throw e;
      throw new WorkbookFileError("not a workbook: the zip container is truncated or corrupt");
    }
    if (this.entries.size === 0)
      throw new WorkbookFileError("not a workbook: the zip container is empty");
  }

  has(path: string): boolean {
    return this.entries.has(path) || this.findCaseInsensitive(path) !== undefined;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  private findCaseInsensitive(path: string): string | undefined {
    const lower = path.toLowerCase();
    for (const k of this.entries.keys()) if (k.toLowerCase() === lower) return k;
    return undefined;
  }

  /** The bytes of one part, or null when the package has no such part. */
  read(path: string): Uint8Array | null {
    const key = this.entries.has(path) ? path : this.findCaseInsensitive(path);
    if (key === undefined) return null;
    return this.readMany([key]).get(key) ?? null;
  }

  text(path: string): string | null {
    const b = this.read(path);
    return b ? strFromU8(b) : null;
  }

  /** Inflate several parts, after checking their declared sizes against the limits. */
  readMany(paths: string[]): Map<string, Uint8Array> {
    const want = new Set(paths);
    let total = 0;
    for (const p of want) {
      const e = this.entries.get(p);
      if (!e) continue;
      if (
        e.compressedSize > 0 &&
        e.originalSize / e.compressedSize > this.limits.maxRatio &&
        e.originalSize > 1024 * 1024
      ) {
        throw new WorkbookFileError(
          `refused: part ${p} inflates ${Math.round(e.originalSize / e.compressedSize)}:1 (a zip bomb?)`
        );
      }
      total += e.originalSize;
    }
    if (this.inflated + total > this.limits.maxTotalBytes) {
      throw new WorkbookFileError(
        `refused: the workbook inflates to more than ${Math.round(this.limits.maxTotalBytes / 1048576)} MB`
      );
    }
    this.inflated += total;
    const map = new Map<string, Uint8Array>();
    for (const p of want) {
      const e = this.entries.get(p);
      if (e) map.set(p, this.inflate(p, e));
    }
    return map;
  }

  private inflate(path: string, e: ZipEntry): Uint8Array {
    const corrupt = (why: string) =>
      new WorkbookFileError(`corrupt workbook: a part cannot be inflated (${path}: ${why})`);
    if (e.flags & 1) throw corrupt("encrypted");
    let start: number;
    try {
      start = dataStart(this.bytes, e);
    } catch (err) {
      if (err instanceof ZipFormatError) throw corrupt(err.message);
      throw err;
    }
    const data = this.bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data.slice(0, e.originalSize);
    if (e.method !== 8) throw corrupt(`compression method ${e.method}`);
    try {
      return this.inflateRaw(data, e.originalSize);
    } catch (err) {
      throw corrupt((err as Error).message);
    }
  }

  /** Every part, inflated: for rewriting a copy (--annotate). */
  readAll(): Map<string, Uint8Array> {
    return this.readMany(this.names());
  }
}

/** Recognise what the bytes are before trusting them to a zip reader. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) {
      throw new WorkbookFileError(
        "encrypted workbook: remove the password (File > Info > Protect Workbook) and save again"
      );
    }
    throw new WorkbookFileError("legacy .xls (binary) workbook: save it as .xlsx in Excel");
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookFileError(
      "not a workbook: the file is not an Office Open XML (.xlsx) package"
    );
  }
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const pattern = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pattern[i * 2] = s.charCodeAt(i);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
