import type { Batch, EventName } from "../session";
import type { Queue } from "./core";

type Handler<T> = (args: T) => Promise<unknown>;

/**
 * OfficeExtension.EventHandlers: add() and remove() are queued like any other call
 * and take effect with the sync that sends them.
 */
export class SimEventHandlers<T> {
  constructor(
    private readonly queue: Queue,
    private readonly event: EventName,
    /** The worksheet the event belongs to, or null for the worksheet collection; resolved at batch time. */
    private readonly sheetId: (batch: Batch) => string | null,
    private readonly requirement: string
  ) {}

  add(handler: Handler<T>): SimEventHandlerResult<T> {
    this.queue.enqueue({
      request: { e: this.event, m: "add" },
      mutates: false,
      run: (batch) => {
        batch.require(this.requirement, this.event);
        const sheetId = this.sheetId(batch);
        return {
          response: null,
          apply: () =>
            batch.session.register({
              sheetId,
              event: this.event,
              handler: handler as (a: unknown) => unknown,
            }),
        };
      },
    });
    return new SimEventHandlerResult(this.queue, this, handler);
  }

  remove(handler: Handler<T>): void {
    this.queue.enqueue({
      request: { e: this.event, m: "remove" },
      mutates: false,
      run: (batch) => {
        const sheetId = this.sheetId(batch);
        return {
          response: null,
          apply: () =>
            batch.session.unregister(sheetId, this.event, handler as (a: unknown) => unknown),
        };
      },
    });
  }
}

/** What add() returns: remove() through the same context (Office requires the context that added the handler). */
export class SimEventHandlerResult<T> {
  readonly context: object;

  constructor(
    queue: Queue,
    private readonly handlers: SimEventHandlers<T>,
    private readonly handler: Handler<T>
  ) {
    this.context = queue.context;
  }

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
