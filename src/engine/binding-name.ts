/**
 * The defined names of the product, built and read in one place: FOCUS_<code> binds a line
 * (FOCUS_7010), FOCUS_<setting> a scope setting (FOCUS_UNIT). Excel compares names without regard
 * to case. A sheet-level name is referred to with its sheet: 'Day 1'!FOCUS_7010.
 */
import { qualified, splitQualified } from "../grid";
import { isKnownCode } from "./lines";
import type { Code } from "./types";

export const NAME_PREFIX = "FOCUS_";
const FOCUS_NAME = /^FOCUS_(.+)$/i;
const LINE_NAME = /^FOCUS_\d{4}$/i;

/** Scope settings and period metadata: names that are not line codes. */
export const SETTING_NAMES = [
  "UNIT",
  "TOLERANCE",
  "ENTITY",
  "ASOF",
  "NFA_MARGIN_BASED",
  "BROKER_DEALER",
] as const;
export type Setting = (typeof SETTING_NAMES)[number];

/** FOCUS_7010: the name that binds a line. */
export const bindingName = (code: Code): string => `${NAME_PREFIX}${code}`;

/** FOCUS_UNIT: the name that holds a scope setting. */
export const settingName = (setting: Setting): string => `${NAME_PREFIX}${setting}`;

/** 'Day 1'!FOCUS_7010: a sheet-level binding as a formula refers to it. */
export const scopedBindingName = (sheet: string, code: Code): string =>
  qualified(sheet, bindingName(code));

/** What a FOCUS_ name names, upper-cased: a code ("7010") or a setting ("UNIT"); null for any other name. */
export function focusCodeOf(name: string): string | null {
  const m = FOCUS_NAME.exec(name);
  return m ? m[1].toUpperCase() : null;
}

/** A reference to a FOCUS_ name as a formula writes it ('Day 1'!FOCUS_7010 or FOCUS_7010): its sheet (null: unscoped) and what it names. */
export function readBindingReference(text: string): { sheet: string | null; key: string } | null {
  const { sheet, address } = splitQualified(text);
  const key = focusCodeOf(address);
  return key === null ? null : { sheet, key };
}

/** The line code a defined name binds (FOCUS_7010 → 7010), or null for settings, unknown codes and other names. */
export function lineCodeOfName(name: string): Code | null {
  const key = focusCodeOf(name);
  return key !== null && /^\d{4}$/.test(key) && isKnownCode(key) ? key : null;
}

/** Whether a name has the shape of a line's name (FOCUS_ and four digits), known code or not. */
export const isLineName = (name: string): boolean => LINE_NAME.test(name);

/** Whether a name is one of the product's: a line's or a setting's. */
export function isBindingName(name: string): boolean {
  const key = focusCodeOf(name);
  return (
    key !== null && (/^\d{4}$/.test(key) || (SETTING_NAMES as readonly string[]).includes(key))
  );
}
