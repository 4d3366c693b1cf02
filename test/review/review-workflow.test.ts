/**
 * The reviewer's day through the real Office.js adapter on the simulated Excel:
 * acknowledge, sign off, edit, see what changed; then the workbook saved as
 * .xlsx and read by focus-check, which finds the same record.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { toXlsx } from "../../sim";
import { createFocusActions, detectCapabilities } from "../../src/taskpane/actions";
import { REVIEW_SHEET } from "../../src/workbook/review-sheet";
import { validateWorkbook } from "../../src/workbook/validate";
import { officeOverSim } from "../office/fixtures";
import { boundSheet, SMALL_SEG } from "../workbook/fixtures";

/** Two daily sheets, dated in their names; 7180 mistyped on both (an identity error that persists). */
function twoDays() {
  const a = boundSheet("Seg 2020-11-30", { ...SMALL_SEG, "7180": 140 }, "sheet");
  const b = boundSheet("Seg 2020-12-01", { ...SMALL_SEG, "7180": 140 }, "sheet");
  const { sim, wb } = officeOverSim({
    workbook: {
      sheets: [
        { name: "Seg 2020-11-30", cells: a.cells },
        { name: "Seg 2020-12-01", cells: b.cells },
      ],
      names: [...a.names, ...b.names],
    },
  });
  const isSetSupported = (s: string, v?: string) =>
    sim.Office.context.requirements.isSetSupported(s, v);
  return { sim, wb, actions: createFocusActions(wb, detectCapabilities(isSetSupported)) };
}

const identity7180 = (r: Awaited<ReturnType<typeof validateWorkbook>>, scope: string) =>
  r.scopes
    .find((s) => s.scope === scope)!
    .findings.find((f) => f.kind === "identity" && f.code === "7180")!;

describe("review workflow in Excel (simulated)", () => {
  it("acknowledges a finding on one day and carries it to the next while it persists", async () => {
    const { actions } = twoDays();
    const before = await actions.validate();
    expect(before.periods.map((p) => p.asOf)).toEqual(["2020-11-30", "2020-12-01"]);
    await actions.acknowledge(
      "Seg 2020-11-30",
      identity7180(before, "Seg 2020-11-30"),
      "Known: 7180 keyed from the bank letter, corrected tomorrow",
      "A. Reviewer"
    );
    const after = await actions.validate();
    for (const scope of ["Seg 2020-11-30", "Seg 2020-12-01"]) {
      expect(identity7180(after, scope).acknowledgement).toMatchObject({
        by: "A. Reviewer",
        asOf: "2020-11-30",
        reason: expect.stringContaining("bank letter"),
      });
    }
  });

  it("acknowledges without checking every sheet again: it reads the record and its own scope's settings and heading", async () => {
    const days = Array.from({ length: 30 }, (_, i) =>
      boundSheet(
        `Seg 2020-11-${String(i + 1).padStart(2, "0")}`,
        { ...SMALL_SEG, "7180": 140 },
        "sheet"
      )
    );
    const { sim, wb } = officeOverSim({
      workbook: {
        sheets: days.map((d, i) => ({
          name: `Seg 2020-11-${String(i + 1).padStart(2, "0")}`,
          cells: d.cells,
        })),
        names: days.flatMap((d) => d.names),
      },
    });
    const actions = createFocusActions(
      wb,
      detectCapabilities((s, v) => sim.Office.context.requirements.isSetSupported(s, v))
    );
    const checked = await sim.meter.measure(() => actions.validate());
    const structure = await sim.meter.measure(() => wb.structure());
    const scope = "Seg 2020-11-17";
    const acked = await sim.meter.measure(() =>
      actions.acknowledge(
        scope,
        identity7180(checked.result, scope),
        "Known: keyed from the bank letter",
        "A. Reviewer"
      )
    );
    const received = (syncs: { responseBytes: number }[]) =>
      syncs.reduce((sum, s) => sum + s.responseBytes, 0);
    // Both read the names and the record; beyond that, Validate reads 30 sheets' bound cells
    // and the acknowledgement one sheet's heading (a full Validate first used to receive more).
    const beyond = (syncs: { responseBytes: number }[]) =>
      received(syncs) - received(structure.syncs);
    expect(beyond(acked.syncs)).toBeLessThan(beyond(checked.syncs) / 10);
    const after = await actions.validate();
    expect(identity7180(after, scope).acknowledgement).toMatchObject({
      by: "A. Reviewer",
      asOf: "2020-11-17",
      scope,
    });
  });

  it("refuses to acknowledge on a scope that is no longer checked, and writes nothing", async () => {
    const { sim, actions } = twoDays();
    const before = await actions.validate();
    const finding = identity7180(before, "Seg 2020-11-30");
    await expect(
      actions.acknowledge("Seg 2020-12-31", finding, "checked with the bank", "A. Reviewer")
    ).rejects.toThrow("Seg 2020-12-31 is no longer a checked scope: validate again.");
    expect(sim.state.book.sheets.map((s) => s.name)).not.toContain(REVIEW_SHEET);
  });

  it("keeps the record in a very hidden sheet and still validates in 3 syncs", async () => {
    const { sim, wb, actions } = twoDays();
    await actions.markReviewed("A. Reviewer");
    const sheet = sim.state.book.sheets.find((s) => s.name === REVIEW_SHEET)!;
    expect(sheet.visibility).toBe("VeryHidden");
    const { syncs } = await sim.meter.measure(() => validateWorkbook(wb));
    expect(syncs.length).toBeLessThanOrEqual(3);
  });

  it("signs off, says nothing changed, then names the line that changed after an edit", async () => {
    const { sim, actions } = twoDays();
    const entry = await actions.markReviewed("A. Reviewer");
    expect(entry).toMatchObject({ seq: 1, reviewer: "A. Reviewer", previousHash: "0".repeat(64) });
    expect(entry.summary).toMatch(/^2 scopes: \d+ errors?/);
    const clean = await actions.validate();
    expect(clean.review.changes).toEqual([]);
    expect(
      clean.scopes.flatMap((s) => s.findings).filter((f) => f.kind === "changed-since-review")
    ).toEqual([]);

    await sim.state.setValue("Seg 2020-12-01", "C2", 101); // FOCUS_7010 on the second day
    const edited = await actions.validate();
    expect(
      edited.review.changes!.map((c) => [c.scope, c.name, c.kind, c.before!.value, c.after!.value])
    ).toEqual([["Seg 2020-12-01", "FOCUS_7010", "changed", "100", "101"]]);
    const f = edited.scopes[1].findings.find((x) => x.kind === "changed-since-review")!;
    expect(f.message).toContain("FOCUS_7010 100 → 101");
    expect(f.message).toContain("sign-off 1 by A. Reviewer");

    const second = await actions.markReviewed("B. Controller");
    expect(second.previousHash).toBe(entry.hash);
    expect((await actions.validate()).review.changes).toEqual([]);
  });

  it("detects an edited sign-off row, and refuses a sign-off without a name", async () => {
    const { sim, actions } = twoDays();
    await actions.markReviewed("A. Reviewer");
    await expect(actions.markReviewed(" ")).rejects.toThrow("Type the reviewer's name");
    await sim.state.setValue(REVIEW_SHEET, "B3", "Someone Else");
    const r = await actions.validate();
    const record = r.scopes[0].findings.filter((f) => f.kind === "review-record");
    expect(record.map((x) => x.message)).toEqual([
      expect.stringContaining("sign-off 1 (Someone Else"),
    ]);
    expect(record[0].severity).toBe("error");
  });

  it("writes the review package as a sheet with summaries, findings, acknowledgements and code,value rows", async () => {
    const { sim, actions } = twoDays();
    const r = await actions.validate();
    await actions.acknowledge(
      "Seg 2020-11-30",
      identity7180(r, "Seg 2020-11-30"),
      "Known difference",
      "A. Reviewer"
    );
    const hashBefore = createHash("sha256").update(toXlsx(sim.state.book)).digest("hex");
    const name = await actions.writeReportSheet("A. Reviewer");
    const sheet = sim.state.book.sheets.find((s) => s.name === name)!;
    const texts: string[] = [];
    for (const c of sheet.cells.values()) if (typeof c.value === "string") texts.push(c.value);
    expect(texts).toEqual(
      expect.arrayContaining([
        "FOCUS review package",
        "Bound values SHA-256",
        "Known difference",
        "Code",
        "7180",
        "Inferred codes",
      ])
    );
    expect(texts.some((t) => t.startsWith("Seg 2020-11-30 · as of 11/30/2020"))).toBe(true);
    expect(texts).toContain(hashBefore); // the workbook as it stood before the report sheet was added
  });

  it("hands the record to focus-check through the saved .xlsx", async () => {
    const { sim, actions } = twoDays();
    const r = await actions.validate();
    await actions.acknowledge(
      "Seg 2020-11-30",
      identity7180(r, "Seg 2020-11-30"),
      "Known difference",
      "A. Reviewer"
    );
    await actions.markReviewed("A. Reviewer");
    await sim.state.setValue("Seg 2020-11-30", "C3", 21); // FOCUS_7020
    const file = join(mkdtempSync(join(tmpdir(), "focus-review-")), "two-days.xlsx");
    writeFileSync(file, toXlsx(sim.state.book));
    let out = "";
    await run(["--json", file], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
    });
    const json = JSON.parse(out).files[0];
    expect(json.review.lastSignOff.reviewer).toBe("A. Reviewer");
    expect(json.review.changesSinceSignOff.map((c: { name: string }) => c.name)).toEqual([
      "FOCUS_7020",
    ]);
    const acked = json.scopes[0].findings.find(
      (f: { kind: string; code: string }) => f.kind === "identity" && f.code === "7180"
    );
    expect(acked.acknowledgement.reason).toBe("Known difference");
  });
});

describe("review records where Excel refuses them", () => {
  it("refuses, with a sentence naming the cause, when the workbook's structure is protected; nothing is written", async () => {
    const { sim, actions } = twoDays();
    sim.state.protectStructure();
    await expect(actions.markReviewed("A. Reviewer")).rejects.toThrow(
      /structure is protected .*Protect Workbook.*nothing was recorded/
    );
    expect(sim.state.book.sheets.map((s) => s.name)).toEqual(["Seg 2020-11-30", "Seg 2020-12-01"]);
    sim.state.protectStructure(false);
    await actions.markReviewed("A. Reviewer");
    // Once the record exists, a protected structure no longer matters: the sheet is there to write to.
    sim.state.protectStructure();
    const r = await actions.validate();
    await actions.acknowledge(
      "Seg 2020-11-30",
      identity7180(r, "Seg 2020-11-30"),
      "Known",
      "A. Reviewer"
    );
    expect(
      (await actions.validate()).scopes[0].findings.find(
        (f) => f.kind === "identity" && f.code === "7180"
      )!.acknowledgement?.reason
    ).toBe("Known");
  });

  it("says the record sheet is protected when a user protected it", async () => {
    const { sim, actions } = twoDays();
    await actions.markReviewed("A. Reviewer");
    sim.state.protect("FOCUS Review");
    await expect(actions.markReviewed("B. Controller")).rejects.toThrow(/FOCUS Review.*protected/);
  });
});

describe("a record sheet filled by something else", () => {
  it("does not stop Validate in Excel when it is too large for one response, and refuses to append to it", async () => {
    const a = boundSheet("Seg 2020-11-30", SMALL_SEG, "sheet");
    // About 6 MB of text: more than one response may carry.
    const junk = Array.from({ length: 3000 }, (_, i) => ({
      ref: `A${i + 3}`,
      value: `${"x".repeat(2000)}${i}`,
    }));
    const { sim, wb } = officeOverSim({
      workbook: {
        sheets: [
          { name: "Seg 2020-11-30", cells: a.cells },
          { name: REVIEW_SHEET, state: "veryHidden", cells: junk },
        ],
        names: a.names,
      },
    });
    const actions = createFocusActions(
      wb,
      detectCapabilities((s, v) => sim.Office.context.requirements.isSetSupported(s, v))
    );
    const r = await actions.validate();
    expect(
      r.scopes[0].findings.filter((f) => f.kind === "review-record").map((f) => f.message)
    ).toEqual([
      expect.stringMatching(
        /FOCUS Review sheet is too large to read in one request \(ResponsePayloadSizeLimitExceeded\)/
      ),
    ]);
    expect(r.scopes[0].findings.some((f) => f.kind === "identity")).toBe(false); // the statement itself was checked
    await expect(actions.markReviewed("A. Reviewer")).rejects.toThrow(
      /cannot be read.*nothing was recorded/
    );
  });
});
