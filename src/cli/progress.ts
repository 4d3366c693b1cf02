/** A one-line progress bar on stderr, drawn only on a terminal and never with NO_COLOR. */
export class Progress {
  private shown = false;
  private last = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly write: (s: string) => void
  ) {}

  update(label: string, fraction: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 50 && fraction < 1) return;
    this.last = now;
    const width = 24;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    this.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label.slice(0, 50).padEnd(50)}`
    );
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.write(`\r${" ".repeat(80)}\r`);
    this.shown = false;
  }
}
