import {
  focusCodeOf,
  SETTING_NAMES,
  settingName,
  type Setting,
  isKnownCode,
  lineOf,
  finding,
  type Finding,
  type Code,
} from "../engine";
import type { NameInfo, SheetInfo } from "./port";
import { findSheet, parseRefersTo, type Target } from "./refers-to";

/** Defined names of the product (FOCUS_<code> and the scope settings) are built and read in engine/binding-name.ts. */
export type { Setting };

export interface Binding {
  /** The defined name as written in the workbook. */
  name: string;
  level: "sheet" | "workbook";
  target: Target;
}

export interface ScopePlan {
  /** The sheet's name, or "workbook". */
  scope: string;
  sheet: string | null;
  codes: Map<Code, Binding>;
  settings: Map<Setting, Binding>;
  /** Findings about the names themselves: duplicate, shadowed, unknown-code. */
  findings: Finding[];
  /** What found each code that no FOCUS_ name binds (--detect): a code cell or the words on its row. */
  found?: Map<Code, FoundBy>;
  /** Rows with an amount --detect could not place with confidence: for binding by hand. */
  unmatched?: { cell: string; text: string }[];
  /** A unit read from the sheet's print ("(in millions)"), when no FOCUS_UNIT says otherwise. */
  printedUnit?: { unit: string; text: string; cell: string };
  /** The period --detect read where the sheet prints periods side by side: its heading. */
  period?: { text: string; cell: string };
}

/** How --detect found a line. */
export interface FoundBy {
  source: "code" | "label";
  /** The row's words (label), else null. */
  label: string | null;
  /** 0..1 (label), null for a code cell. */
  confidence: number | null;
}

interface Classified {
  key: string; // a code or a setting
  isSetting: boolean;
  binding: Binding;
}

/** What a name's key is: a setting, a known line code, a four-digit code no statement has, or neither. */
type KeyKind = "setting" | "code" | "unknown" | null;

function kindOfKey(key: string): KeyKind {
  if ((SETTING_NAMES as readonly string[]).includes(key)) return "setting";
  if (/^\d{4}$/.test(key)) return isKnownCode(key) ? "code" : "unknown";
  return null;
}

/**
 * A year of daily sheets defines the same few dozen names on every sheet, each pointing at a
 * cell of its own sheet: what a name's text comes to is worked out once per distinct text, not
 * once per sheet (planScopes was a tenth of such a file's check); sheet names are looked up
 * once each by refers-to.ts.
 */
class NameReading {
  private readonly keys = new Map<string, { key: string; kind: KeyKind } | null>();

  constructor(private readonly sheetNames: ReadonlyMap<string, string>) {}

  private key(name: string): { key: string; kind: KeyKind } | null {
    let k = this.keys.get(name);
    if (k === undefined) {
      const key = focusCodeOf(name);
      k = key === null ? null : { key, kind: kindOfKey(key) };
      this.keys.set(name, k);
    }
    return k;
  }

  /** The sheet a sheet-level name belongs to, as the workbook spells it; null when there is none. */
  owner(sheet: string): string | null {
    return findSheet(sheet, this.sheetNames) ?? null;
  }

  /** A FOCUS_ name's key and binding; "unknown" for a code no statement has; null for any other name. */
  classify(n: NameInfo): Classified | "unknown" | null {
    const k = this.key(n.name);
    if (k === null || k.kind === null) return null;
    if (k.kind === "unknown") return "unknown";
    const binding: Binding = {
      name: n.name,
      level: n.sheet ? "sheet" : "workbook",
      target: parseRefersTo(n.formula, this.sheetNames),
    };
    return { key: k.key, isSetting: k.kind === "setting", binding };
  }
}

/**
 * The scopes of a workbook and what each code resolves to. A sheet with at least
 * one sheet-level FOCUS_ name is a scope; in it a sheet-level name wins over a
 * workbook-level one. The scope "workbook" exists only when there is no sheet scope.
 */
export function planScopes(sheets: SheetInfo[], names: NameInfo[]): ScopePlan[] {
  const sheetNames = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const workbookLevel: Classified[] = [];
  const sheetLevel = new Map<string, Classified[]>();
  const unknown = new Map<string | null, NameInfo[]>();
  const read = new NameReading(sheetNames);
  for (const n of names) {
    const c = read.classify(n);
    if (c === null) continue;
    const owner = n.sheet ? read.owner(n.sheet) : null;
    if (c === "unknown") {
      unknown.set(owner, [...(unknown.get(owner) ?? []), n]); // rare
      continue;
    }
    if (n.sheet && owner) {
      const list = sheetLevel.get(owner);
      if (list) list.push(c);
      else sheetLevel.set(owner, [c]);
    } else if (!n.sheet) workbookLevel.push(c);
  }

  const plans: ScopePlan[] = [];
  const shared = group(workbookLevel);
  for (const sheet of sheets) {
    const own = sheetLevel.get(sheet.name);
    if (!own) continue;
    plans.push(
      buildPlan(sheet.name, sheet.name, own, shared, [
        ...(unknown.get(sheet.name) ?? []),
        ...(unknown.get(null) ?? []),
      ])
    );
  }
  if (plans.length === 0 && (workbookLevel.length > 0 || unknown.has(null))) {
    plans.push(buildPlan("workbook", null, [], shared, unknown.get(null) ?? []));
  }
  return plans;
}

/** `shared`: the workbook-level names by key, grouped once for every sheet's plan. */
function buildPlan(
  scope: string,
  sheet: string | null,
  own: Classified[],
  sharedByKey: ReadonlyMap<string, Classified[]>,
  unknown: NameInfo[]
): ScopePlan {
  const plan: ScopePlan = { scope, sheet, codes: new Map(), settings: new Map(), findings: [] };
  const ownByKey = group(own);
  const keys = sharedByKey.size
    ? new Set([...sharedByKey.keys(), ...ownByKey.keys()])
    : ownByKey.keys();
  for (const key of keys) {
    const ownList = ownByKey.get(key);
    const sharedList = sharedByKey.get(key);
    const chosen = (ownList ?? sharedList)!;
    const isSetting = chosen[0].isSetting;
    if (chosen.length === 1 && !(ownList && sharedList)) {
      // The usual case, one name for the key: nothing to say about it.
      if (isSetting) plan.settings.set(key as Setting, chosen[0].binding);
      else plan.codes.set(key, chosen[0].binding);
      continue;
    }
    const code = isSetting ? null : key;
    const statement = code ? (lineOf(code)?.statement ?? null) : null;
    const what = isSetting ? settingName(key as Setting) : `line ${key}`;
    if (chosen.length > 1) {
      plan.findings.push(
        finding("duplicate", {
          code,
          statement,
          message: `${chosen.map((c) => c.binding.name).join(" and ")} both bind ${what} at ${chosen[0].binding.level} level in ${scope}: neither is used`,
        })
      );
      continue;
    }
    if (ownList && sharedList) {
      plan.findings.push(
        finding("shadowed", {
          code,
          statement,
          message: `${ownList[0].binding.name} on sheet ${scope} takes precedence over the workbook-level ${sharedList[0].binding.name} for ${what}`,
        })
      );
    }
    if (isSetting) plan.settings.set(key as Setting, chosen[0].binding);
    else plan.codes.set(key, chosen[0].binding);
  }
  for (const n of unknown) {
    plan.findings.push(
      finding("unknown-code", {
        message: `${n.name} names no line of the customer-funds statements; it is ignored`,
      })
    );
  }
  return plan;
}

function group(list: Classified[]): Map<string, Classified[]> {
  const m = new Map<string, Classified[]>();
  for (const c of list) {
    const l = m.get(c.key);
    if (l) l.push(c);
    else m.set(c.key, [c]);
  }
  return m;
}
