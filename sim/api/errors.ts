/** Error codes the simulator raises, as Office.js names them (OfficeExtension.ErrorCodes, Excel.ErrorCodes). */
export type SimErrorCode =
  | "AccessDenied"
  | "ActivityLimitReached"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestAborted"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ServiceNotAvailable"
  | "UndoNotSupported";

/** Shaped like OfficeExtension.Error: what `context.sync()` rejects with, and what reading an unloaded property throws. */
export class SimOfficeError extends Error {
  readonly traceMessages: string[] = [];
  readonly innerError: SimOfficeError | null = null;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };

  constructor(
    readonly code: SimErrorCode,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const fail = (code: SimErrorCode, message: string, where?: string): never => {
  throw new SimOfficeError(code, message, where);
};

export const propertyNotLoaded = (property: string, where: string): SimOfficeError =>
  new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${where}.${property}`
  );
