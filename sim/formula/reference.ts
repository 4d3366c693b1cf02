/** A rectangle of cells on a sheet, as a reference evaluates before it is read. Rows and columns are 1-based. */
export class Reference {
  constructor(
    readonly sheet: string,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number
  ) {}

  get isSingleCell(): boolean {
    return this.r1 === this.r2 && this.c1 === this.c2;
  }

  /** The top-left cell alone. */
  get topLeft(): Reference {
    return new Reference(this.sheet, this.r1, this.c1, this.r1, this.c1);
  }
}
