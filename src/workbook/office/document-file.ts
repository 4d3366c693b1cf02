/// <reference types="office-js" />

/**
 * The workbook's bytes as Excel hands them to an add-in (Document.getFileAsync,
 * compressed: the .xlsx package), read slice by slice, for the review package's
 * SHA-256. These are the contents as they are now, before the report sheet is
 * added; a copy saved later can differ, which is why the CLI hashes the saved file.
 */
export interface DocumentFileSource {
  getFileAsync(
    fileType: string,
    options: { sliceSize: number },
    callback: (result: AsyncResultLike<FileLike>) => void
  ): void;
}

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { message?: string } | null;
}

interface FileLike {
  sliceCount: number;
  getSliceAsync(
    index: number,
    callback: (result: AsyncResultLike<{ data: ArrayLike<number> }>) => void
  ): void;
  closeAsync(callback?: () => void): void;
}

/** 4 MB slices: Office's maximum, the fewest round trips. */
const SLICE = 4 * 1024 * 1024;
/** No FOCUS workbook comes near this; past it the hash is not worth the memory. */
const MAX_BYTES = 256 * 1024 * 1024;

const failed = (r: AsyncResultLike<unknown>) => String(r.status) === "failed";

/** Office.context.document when it can give the file (File API), else null. */
export function officeDocument(): DocumentFileSource | null {
  try {
    const doc = Office.context?.document as unknown as Partial<DocumentFileSource> | undefined;
    return typeof doc?.getFileAsync === "function" ? (doc as DocumentFileSource) : null;
  } catch {
    return null;
  }
}

/** The package's bytes, or null where the host cannot give them (never throws). */
export async function documentBytes(doc: DocumentFileSource | null): Promise<Uint8Array | null> {
  if (!doc) return null;
  try {
    const file = await new Promise<FileLike>((resolve, reject) =>
      doc.getFileAsync("compressed", { sliceSize: SLICE }, (r) =>
        failed(r) ? reject(new Error(r.error?.message ?? "getFileAsync failed")) : resolve(r.value)
      )
    );
    try {
      const parts: ArrayLike<number>[] = [];
      let total = 0;
      for (let i = 0; i < file.sliceCount; i++) {
        const slice = await new Promise<ArrayLike<number>>((resolve, reject) =>
          file.getSliceAsync(i, (r) =>
            failed(r) ? reject(new Error("getSliceAsync failed")) : resolve(r.value.data)
          )
        );
        total += slice.length;
        if (total > MAX_BYTES) return null;
        parts.push(slice);
      }
      const out = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    } finally {
      // Office allows a few open files per document: always close.
      file.closeAsync();
    }
  } catch {
    return null;
  }
}
