/** What one `context.sync()` sent and received, measured as JSON in UTF-8 bytes. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The batch was rejected (nothing applied). */
  failed: boolean;
}

/** The options an `Excel.run` was given, as the simulator honoured them. */
export interface RunRecord {
  options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean };
  syncs: SyncRecord[];
}

/**
 * Counts round trips the way Excel on the web limits them: the number of syncs, and
 * each request's and response's size (Excel on the web rejects either over 5 MB).
 */
export class SyncMeter {
  runs: RunRecord[] = [];

  get syncs(): SyncRecord[] {
    return this.runs.flatMap((r) => r.syncs);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  reset(): void {
    this.runs = [];
  }

  /** Run `work` on a fresh count and return what it cost. */
  async measure<T>(
    work: () => Promise<T>
  ): Promise<{ result: T; runs: RunRecord[]; syncs: SyncRecord[] }> {
    this.reset();
    const result = await work();
    return { result, runs: this.runs, syncs: this.syncs };
  }
}

/** UTF-8 length of a value's JSON, without building the bytes. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
