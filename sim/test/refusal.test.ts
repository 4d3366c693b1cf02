/// <reference types="office-js" />
import { createExcelSim, type SimOfficeError } from "..";

describe("a request Excel refuses (state.refuseSync)", () => {
  const write = (sim: ReturnType<typeof createExcelSim>, value: number) =>
    sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[value]];
      await context.sync();
    });

  it("fails the chosen sync with the code, runs none of it, and refuses nothing else", async () => {
    const sim = createExcelSim();
    sim.state.refuseSync(1, "ServiceNotAvailable");
    await write(sim, 1);
    const refused = await write(sim, 2).then(
      () => null,
      (e: SimOfficeError) => e
    );
    expect(refused?.code).toBe("ServiceNotAvailable");
    expect(sim.state.value("Sheet1", "A1")).toBe(1);
    await write(sim, 3);
    expect(sim.state.value("Sheet1", "A1")).toBe(3);
  });

  it("refuses nothing by default", async () => {
    const sim = createExcelSim();
    await write(sim, 1);
    await write(sim, 2);
    expect(sim.meter.runs.flatMap((r) => r.syncs).some((s) => s.failed)).toBe(false);
  });
});
