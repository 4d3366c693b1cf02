import type { SimBook } from "./model/book";
import { toXlsx } from "./xlsx";

type Callback<T> = (result: { status: "succeeded"; value: T }) => void;

export interface SimFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, cb: Callback<{ data: number[]; index: number; size: number }>): void;
  closeAsync(cb?: () => void): void;
}

/**
 * Document.getFileAsync over the simulator: the workbook as its .xlsx export (the
 * preview's "Download .xlsx" bytes), in slices, asynchronously as Office answers.
 */
export function simGetFileAsync(book: () => SimBook) {
  return (fileType: string, options: { sliceSize?: number }, done: Callback<SimFile>): void => {
    const size = options.sliceSize || 4 * 1024 * 1024;
    if (fileType !== "compressed")
      throw new Error(`the simulator gives only the compressed file, not ${fileType}`);
    const bytes = toXlsx(book());
    const count = Math.max(1, Math.ceil(bytes.length / size));
    const file: SimFile = {
      size: bytes.length,
      sliceCount: count,
      getSliceAsync(index, cb) {
        const data = Array.from(bytes.subarray(index * size, (index + 1) * size));
        setTimeout(() => cb({ status: "succeeded", value: { data, index, size: data.length } }), 0);
      },
      closeAsync(cb) {
        if (cb) setTimeout(cb, 0);
      },
    };
    setTimeout(() => done({ status: "succeeded", value: file }), 0);
  };
}
