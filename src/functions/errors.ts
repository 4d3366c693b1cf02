/**
 * What the FOCUS.* functions show instead of a result. Plain classes, free of Office globals:
 * functions.ts turns them into CustomFunctions.Error (only #VALUE! and #N/A carry a message).
 */

/** An argument that cannot be used: an unknown code, statement or scope. Shown as #VALUE!. */
export class BadArgument extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadArgument";
    Object.setPrototypeOf(this, BadArgument.prototype);
  }
}

/** A bound cell (or defined name) whose content cannot be read as an amount. Shown as #VALUE!, naming it. */
export class UnreadableCell extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableCell";
    Object.setPrototypeOf(this, UnreadableCell.prototype);
  }
}

/** No value to give: the line is not bound, or the workbook could not be read. Shown as #N/A. */
export class NotAvailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAvailable";
    Object.setPrototypeOf(this, NotAvailable.prototype);
  }
}
