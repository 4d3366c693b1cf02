/**
 * Office.context.document.settings in memory, as Office keeps them: `set` and `remove`
 * change a working copy; `saveAsync` stores it in the document and `refreshAsync` reads
 * the stored copy back. Values travel as JSON, as Office serializes them. (Not carried
 * by the simulator's .xlsx export: Excel stores them in a web-extension part.)
 */
export class SimSettings {
  private working = new Map<string, string>();
  private stored = new Map<string, string>();

  /** `onSave`: what saving does besides storing (the simulator clears the undo stack there). */
  constructor(private readonly onSave: () => void = () => undefined) {}

  get(name: string): unknown {
    const json = this.working.get(name);
    return json === undefined ? null : JSON.parse(json);
  }

  set(name: string, value: unknown): void {
    this.working.set(name, JSON.stringify(value ?? null));
  }

  remove(name: string): void {
    this.working.delete(name);
  }

  saveAsync(
    optionsOrCallback?: SettingsCallback | { asyncContext?: unknown },
    callback?: SettingsCallback
  ): void {
    this.stored = new Map(this.working);
    this.onSave();
    later(optionsOrCallback, callback);
  }

  refreshAsync(callback?: SettingsCallback): void {
    this.working = new Map(this.stored);
    later(callback);
  }
}

type SettingsCallback = (result: {
  status: "succeeded" | "failed";
  value: unknown;
  error: null;
  asyncContext: unknown;
}) => void;

/** Office calls back asynchronously, with "succeeded" (its enum's run-time value). */
function later(
  optionsOrCallback?: SettingsCallback | { asyncContext?: unknown },
  callback?: SettingsCallback
): void {
  const cb = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
  const asyncContext =
    typeof optionsOrCallback === "object" ? optionsOrCallback.asyncContext : undefined;
  void Promise.resolve().then(() =>
    cb?.({ status: "succeeded", value: undefined, error: null, asyncContext })
  );
}
