import { strFromU8, unzipSync, type UnzipFileInfo } from "fflate";

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

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An .xlsx package: the list of its parts, inflated on demand with bomb guards. */
export class ZipPackage {
  private readonly entries = new Map<string, UnzipFileInfo>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_LIMITS
  ) {
    sniff(bytes);
    try {
      unzipSync(bytes, {
        filter: (f) => {
          this.entries.set(f.name.replace(/^\//, ""), f);
          return false;
        },
      });
    } catch {
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

  /** Inflate several parts in one pass over the archive. */
  readMany(paths: string[]): Map<string, Uint8Array> {
    const want = new Set(paths);
    let total = 0;
    for (const p of want) {
      const e = this.entries.get(p);
      if (!e) continue;
      if (
        e.size > 0 &&
        e.originalSize / e.size > this.limits.maxRatio &&
        e.originalSize > 1024 * 1024
      ) {
        throw new WorkbookFileError(
          `refused: part ${p} inflates ${Math.round(e.originalSize / e.size)}:1 (a zip bomb?)`
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
    let out: Record<string, Uint8Array>;
    try {
      out = unzipSync(this.bytes, { filter: (f) => want.has(f.name.replace(/^\//, "")) });
    } catch (e) {
      throw new WorkbookFileError(
        `corrupt workbook: a part cannot be inflated (${(e as Error).message})`
      );
    }
    const map = new Map<string, Uint8Array>();
    for (const [k, v] of Object.entries(out)) map.set(k.replace(/^\//, ""), v);
    return map;
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
