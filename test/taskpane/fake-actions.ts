import { Dec, finding, type Finding, type ScopeReport, reviewScopes } from "../../src/engine";
import type {
  ActionProblem,
  BindingMapChoice,
  BindingMapFile,
  BindingMapPlan,
  BindingView,
  Capabilities,
  FocusActions,
  Proposal,
  RecomputeRow,
  ScanChoice,
  ScanResult,
  TeamTemplateStatus,
} from "../../src/taskpane/actions";
import type { WorkbookReport } from "../../src/workbook/validate";
import { parseReviewSheet } from "../../src/workbook/review-sheet";
import { ALL_CAPABILITIES } from "./recorded-workbook";

const d = (n: number) => new Dec(n);

export const BINDINGS: BindingView[] = [
  {
    scope: "workbook",
    statement: "seg-4d2",
    code: "7010",
    line: "1A",
    label: "Net ledger balance: cash",
    name: "FOCUS_7010",
    level: "workbook",
    sheet: null,
    cell: "'Day 1'!E6",
    problem: null,
    shadowedOn: ["Day 1"],
  },
  {
    scope: "Day 1",
    statement: "seg-4d2",
    code: "7010",
    line: "1A",
    label: "Net ledger balance: cash",
    name: "FOCUS_7010",
    level: "sheet",
    sheet: "Day 1",
    cell: "'Day 1'!E6",
    problem: null,
    shadowedOn: [],
  },
  {
    scope: "Day 1",
    statement: "seg-4d2",
    code: "7180",
    line: "13",
    label: "Total amount in segregation",
    name: "FOCUS_7180",
    level: "sheet",
    sheet: "Day 1",
    cell: null,
    problem: "Refers to #REF! (its cells or sheet were deleted).",
    shadowedOn: [],
  },
  {
    scope: "Day 1",
    statement: "cftc-capital",
    code: "3750",
    line: "1",
    label: "Adjusted net capital",
    name: "FOCUS_3750",
    level: "sheet",
    sheet: "Day 1",
    cell: "'Day 1'!E40",
    problem: null,
    shadowedOn: [],
  },
];

const proposal = (
  p: Partial<Proposal> & Pick<Proposal, "code" | "address" | "line" | "label" | "shown">
): Proposal => ({
  sheet: "Day 3",
  statement: "seg-4d2",
  source: "label",
  typed: null,
  context: [],
  matched: null,
  confidence: null,
  ticked: true,
  conflict: null,
  ...p,
});

export const PROPOSALS: Proposal[] = [
  proposal({
    code: "7010",
    address: "E6",
    line: "1A",
    label: "Net ledger balance: cash",
    shown: "100",
    source: "code",
    ticked: false,
    conflict: "FOCUS_7010 -> 'Day 1'!E6",
  }),
  proposal({
    code: "7020",
    address: "E7",
    line: "1B",
    label: "Net ledger balance: securities (at market)",
    shown: "20",
    typed: "B. Securities (at market)",
    context: ["1. Net ledger balance"],
    matched: "Securities (at market)",
    confidence: 0.93,
  }),
  proposal({
    code: "7070",
    address: "E9",
    line: "7A",
    label: "Segregated bank accounts: cash",
    shown: "150",
    typed: "A. Cash",
    context: ["Funds in segregated accounts", "7. Deposited in segregated funds bank accounts"],
    matched: "Cash",
    confidence: 0.88,
  }),
  proposal({
    code: "7100",
    address: "E11",
    line: "8A",
    label: "Margins at clearing organizations: cash",
    shown: "60",
    typed: "Cash at clearing",
    matched: "Cash",
    confidence: 0.52,
    ticked: false,
  }),
  proposal({
    code: "7315",
    statement: "secured-30.7",
    address: "E30",
    line: "1A",
    label: "Net ledger balance: cash",
    shown: "9",
    typed: "A. Cash",
    context: ["1. Net ledger balance – foreign futures"],
    matched: "Cash",
    confidence: 0.9,
  }),
];

export const SCAN: ScanResult = {
  scope: "sheet",
  scanned: 1,
  unread: [],
  sheets: [
    {
      sheet: "Day 3",
      proposals: PROPOSALS,
      unmatched: [
        {
          sheet: "Day 3",
          address: "E14",
          cell: "'Day 3'!E14",
          text: "Accrued interest receivable",
          shown: "7",
        },
      ],
      unit: {
        sheet: "Day 3",
        unit: "1000",
        text: "(in thousands)",
        cell: "'Day 3'!A2",
        conflict: null,
      },
    },
  ],
};

export const WORKBOOK_SCAN: ScanResult = {
  scope: "workbook",
  scanned: 3,
  unread: [
    {
      sheet: "Archive",
      reason: "The request is too large for Excel (RequestPayloadSizeLimitExceeded).",
    },
  ],
  sheets: [
    { ...SCAN.sheets[0], unmatched: [] },
    {
      sheet: "Day 4",
      proposals: [
        proposal({
          sheet: "Day 4",
          code: "7010",
          address: "D4",
          line: "1A",
          label: "Net ledger balance: cash",
          shown: "5",
          typed: "A. Cash",
          confidence: 0.95,
        }),
      ],
      unmatched: [],
      unit: {
        sheet: "Day 4",
        unit: "1000000",
        text: "(in millions)",
        cell: "'Day 4'!A2",
        conflict: "FOCUS_UNIT (workbook level) is 1",
      },
    },
  ],
};

/** Findings as the engine makes them, deliberately not in severity order. */
export const FINDINGS: Finding[] = [
  finding("shadowed", {
    message: "FOCUS_7010 on sheet Day 1 takes precedence over the workbook-level FOCUS_7010",
    code: "7010",
    statement: "seg-4d2",
  }),
  finding("missing", {
    message: "line 3A (7032) is blank (counted as zero)",
    code: "7032",
    statement: "seg-4d2",
    cell: "'Day 1'!E9",
  }),
  finding("cross-check", {
    message: "Options purchased (7032) should equal long options held (7132)",
    code: "7032",
    statement: "seg-4d2",
    cell: "'Day 1'!E9",
    reported: d(0),
    expected: d(5),
    difference: d(-5),
  }),
  finding("identity", {
    message:
      "line 13 (7180) Total amount in segregation: reported 140, its parts give 150 (difference -10)",
    code: "7180",
    statement: "seg-4d2",
    cell: "'Day 1'!E12",
    reported: d(140),
    expected: d(150),
    difference: d(-10),
  }),
  finding("early-warning", {
    message: "Adjusted net capital 1,100,000 is below the early-warning level of 1,200,000.",
    code: "3750",
    statement: "cftc-capital",
    cell: "'Day 1'!E40",
    reported: d(1100000),
    expected: d(1200000),
    difference: d(-100000),
    rule: "Reg 1.12(b): notice within 24 hours",
  }),
  finding("manual-calculation", { message: "the workbook was saved with manual calculation" }),
];

export function scopeReport(scope: string, findings: Finding[] = FINDINGS): ScopeReport {
  return {
    scope,
    unit: d(1),
    tolerance: d(0),
    lines: [],
    findings,
    summaries: [
      {
        statement: "seg-4d2",
        excess: d(25),
        target: d(10),
        overTarget: d(15),
        status: "ok",
        rule: null,
      },
      {
        statement: "dealer-options-32.6",
        excess: null,
        target: null,
        overTarget: null,
        status: "not-bound",
        rule: null,
      },
      {
        statement: "cftc-capital",
        excess: d(100000),
        target: d(1200000),
        overTarget: d(-100000),
        status: "below-target",
        rule: "Reg 1.12(b): notice within 24 hours",
      },
    ],
  };
}

/** A workbook report around scopes made here: undated, with no review record. */
export function reportFromScopes(
  scopes: ScopeReport[],
  calculation: "automatic" | "manual" = "automatic"
): WorkbookReport {
  const periods = scopes.map((s) => ({ scope: s.scope, entity: null, asOf: null, source: null }));
  const record = parseReviewSheet(null);
  return {
    scopes,
    calculation,
    periods,
    bound: [],
    record,
    review: reviewScopes({ scopes, periods, bound: [], record }),
  };
}

export const REPORT: WorkbookReport = reportFromScopes([scopeReport("Day 1")], "manual");

export function recomputeRow(code: string, fields: Partial<RecomputeRow>): RecomputeRow {
  return {
    scope: "Day 1",
    code,
    line: "13",
    label: "Total amount in segregation",
    sheet: "Day 1",
    address: "E12",
    cell: "'Day 1'!E12",
    reported: d(140),
    computed: d(150),
    formula: "=FOCUS_7070",
    typedByUser: true,
    changes: true,
    ...fields,
  };
}

export const ROWS: RecomputeRow[] = [
  recomputeRow("7040", {
    line: "4",
    label: "Net equity (deficit)",
    address: "E9",
    cell: "'Day 1'!E9",
    reported: d(115),
    computed: d(115),
    changes: false,
    typedByUser: true,
  }),
  recomputeRow("7180", {}),
  recomputeRow("7190", {
    line: "14",
    label: "Excess (deficiency) funds in segregation",
    address: "E13",
    cell: "'Day 1'!E13",
    reported: d(-3),
    computed: d(35),
    typedByUser: false,
  }),
];

export const MAP_FILE: BindingMapFile = {
  fileName: "focus-bindings-2026-11-30.focus-map.json",
  text: '{"format":"focus-binding-map","version":1,"exportedAt":"2026-11-30T00:00:00.000Z","bindings":[]}',
  bindings: 26,
};

/** Two names to create, one of them replacing an occupied name on a row whose label moved; one sheet missing. */
export const MAP_PLAN: BindingMapPlan = {
  total: 4,
  unchanged: 1,
  names: [
    { name: "FOCUS_7010", sheet: "Day 1", refersTo: "'Day 1'!$E$6" },
    { name: "FOCUS_7180", sheet: "Day 1", refersTo: "'Day 1'!$E$29" },
  ],
  conflicts: [
    {
      kind: "occupied",
      name: "FOCUS_7180",
      owner: "Day 1",
      message: "FOCUS_7180 on 'Day 1' already refers to 'Day 1'!$E$30; applying replaces it",
    },
    {
      kind: "changed-label",
      name: "FOCUS_7180",
      owner: "Day 1",
      message:
        'FOCUS_7180: the row at \'Day 1\'!E29 reads "Excess funds", the map says "Total amount in segregation"',
    },
    {
      kind: "missing-sheet",
      name: "FOCUS_7194",
      owner: null,
      message: "FOCUS_7194: sheet 'Targets' is not in this workbook; skipped",
    },
  ],
};

export const TEAM_TEMPLATE: TeamTemplateStatus = {
  autoOpen: false,
  unavailable: null,
  olderSetting: false,
  developmentOrigin: null,
};

/** Every action a jest mock with a realistic answer; override any of them per test. */
export function fakeActions(
  overrides: Partial<FocusActions> = {},
  caps: Capabilities = ALL_CAPABILITIES
) {
  const stop = jest.fn(async () => undefined);
  const base = {
    capabilities: jest.fn(() => caps),
    bindings: jest.fn(async () => BINDINGS),
    bindSelection: jest.fn(async (code: string) => ({
      name: `FOCUS_${code}`,
      cell: "'Day 1'!E20",
      replaced: "'Day 1'!E12",
    })),
    unbind: jest.fn(async () => undefined),
    goTo: jest.fn(async () => undefined),
    bindEntity: jest.fn(async (cell: string) => ({ name: "FOCUS_ENTITY", cell, replaced: null })),
    scanSheet: jest.fn(async () => SCAN),
    scanWorkbook: jest.fn(async () => WORKBOOK_SCAN),
    applyScan: jest.fn(async (c: ScanChoice) => c.bindings.length + c.units.length),
    validate: jest.fn(async () => REPORT),
    watch: jest.fn(
      async (_onReport: (r: WorkbookReport) => void, _onError?: (e: ActionProblem) => void) => stop
    ),
    highlight: jest.fn(async () => ({ marks: 3, notes: true })),
    clearHighlights: jest.fn(async () => 3),
    recomputePreview: jest.fn(async () => ROWS),
    recomputeApply: jest.fn(async (rows: RecomputeRow[]) => rows.length),
    insertTemplate: jest.fn(async () => "4d(2) segregation template"),
    explain: jest.fn(async () => null),
    exportBindingMap: jest.fn(async () => MAP_FILE),
    planBindingMap: jest.fn(async (_text: string) => MAP_PLAN),
    applyBindingMap: jest.fn(
      async (plan: BindingMapPlan, _choice: BindingMapChoice) => plan.names.length
    ),
    teamTemplate: jest.fn(async () => TEAM_TEMPLATE),
    setTeamTemplate: jest.fn(async (on: boolean) => ({ ...TEAM_TEMPLATE, autoOpen: on })),
    acknowledge: jest.fn(
      async (_scope: string, _f: Finding, _reason: string, _by: string) => undefined
    ),
    markReviewed: jest.fn(async (reviewer: string) => ({
      seq: 1,
      reviewer,
      at: "2020-11-30T18:00:00.000Z",
      summary: "1 scope: 1 error, 1 warning",
      contentHash: "c".repeat(64),
      previousHash: "0".repeat(64),
      hash: "a".repeat(64),
    })),
    writeReportSheet: jest.fn(async (_by: string | null) => "FOCUS Review Report"),
  } satisfies FocusActions;
  // Overrides are jest mocks too; the mocks' types are kept for assertions.
  return { actions: Object.assign(base, overrides) as typeof base, stop };
}
