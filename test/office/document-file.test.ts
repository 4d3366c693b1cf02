import { documentBytes, type DocumentFileSource } from "../../src/workbook/office/document-file";

/** A document whose file comes in slices of `slice` bytes; `failAt` makes that slice fail. */
function fakeDocument(bytes: number[], slice: number, failAt = -1) {
  const closed = { count: 0 };
  const doc: DocumentFileSource = {
    getFileAsync(type, _options, callback) {
      expect(type).toBe("compressed");
      const sliceCount = Math.ceil(bytes.length / slice);
      setTimeout(() =>
        callback({
          status: "succeeded",
          value: {
            sliceCount,
            getSliceAsync: (i, cb) =>
              setTimeout(() =>
                cb(
                  i === failAt
                    ? { status: "failed", value: { data: [] }, error: { message: "slice lost" } }
                    : {
                        status: "succeeded",
                        value: { data: bytes.slice(i * slice, (i + 1) * slice) },
                      }
                )
              ),
            closeAsync: () => void closed.count++,
          },
        })
      );
    },
  };
  return { doc, closed };
}

describe("the workbook's bytes through Document.getFileAsync", () => {
  it("joins the slices in order and closes the file", async () => {
    const bytes = Array.from({ length: 10 }, (_, i) => i * 7);
    const { doc, closed } = fakeDocument(bytes, 3);
    expect(Array.from((await documentBytes(doc))!)).toEqual(bytes);
    expect(closed.count).toBe(1);
  });

  it("answers null, and still closes the file, when a slice fails; null without the File API", async () => {
    const { doc, closed } = fakeDocument([1, 2, 3, 4], 2, 1);
    await expect(documentBytes(doc)).resolves.toBeNull();
    expect(closed.count).toBe(1);
    await expect(documentBytes(null)).resolves.toBeNull();
    const refusing: DocumentFileSource = {
      getFileAsync: (_t, _o, cb) =>
        cb({ status: "failed", value: undefined as never, error: { message: "not supported" } }),
    };
    await expect(documentBytes(refusing)).resolves.toBeNull();
  });
});
