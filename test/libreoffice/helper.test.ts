import { writeXlsx } from "../../sim";
import { LIBREOFFICE_MISSING, recalcWithLibreOffice } from "../../tools/libreoffice";

const BOOK = writeXlsx({
  sheets: [{ name: "S", cells: [{ ref: "A1", formula: "1+1", value: 99 }] }],
});

it("fails, never skips, where LibreOffice is not installed", async () => {
  await expect(recalcWithLibreOffice(BOOK, { soffice: "soffice-not-installed" })).rejects.toThrow(
    LIBREOFFICE_MISSING
  );
});

it("gives up on a conversion that takes too long", async () => {
  await expect(recalcWithLibreOffice(BOOK, { timeoutMs: 300 })).rejects.toThrow(
    /soffice timed out after 300 ms/
  );
});
