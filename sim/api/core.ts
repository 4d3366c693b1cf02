import type { Batch, Commit, Operation } from "../session";
import { fail, propertyNotLoaded } from "./errors";

/** Internal state of a proxy, kept under a symbol so the public surface is Office's alone. */
export const SIM = Symbol("sim");
/** A proxy's part in a load: collect what is asked for (under a symbol for the same reason). */
export const SNAPSHOT = Symbol("snapshot");

/** The context a proxy queues its operations on (the simulator's RequestContext). */
export interface Queue {
  /** The RequestContext that owns the queue. */
  readonly context: object;
  enqueue(op: Operation): void;
}

/** What a load asks for: every scalar, and/or named properties (a navigation property with what to load of it). */
export interface LoadSpec {
  all: boolean;
  props: Map<string, LoadSpec>;
}

const everything = (): LoadSpec => ({ all: true, props: new Map() });

/** Parse load()'s argument: "a, b/c", ["a", "b/c"], { select, expand }, or { a: true, b: { c: true } }. */
function parseLoad(arg: unknown): LoadSpec {
  if (arg === undefined || arg === null) return everything();
  const spec: LoadSpec = { all: false, props: new Map() };
  const addPath = (path: string) => {
    let node = spec;
    for (const part of path
      .split("/")
      .map((p) => p.trim())
      .filter(Boolean)) {
      let next = node.props.get(part);
      if (!next) {
        next = { all: false, props: new Map() };
        node.props.set(part, next);
      }
      node = next;
    }
  };
  const addList = (list: string) => list.split(",").forEach(addPath);
  if (typeof arg === "string") addList(arg);
  else if (Array.isArray(arg)) arg.forEach((a) => addList(String(a)));
  else if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      if (typeof o.select === "string") addList(o.select);
      if (typeof o.expand === "string")
        o.expand.split(",").forEach((p) => spec.props.set(p.trim(), everything()));
    } else {
      for (const [k, v] of Object.entries(o)) {
        if (k === "$all") spec.all = v === true;
        else if (v === true) spec.props.set(k, everything());
        else if (v && typeof v === "object") spec.props.set(k, parseLoad(v));
      }
    }
  }
  return spec;
}

let nextObjectId = 1;

/** Where a proxy points, resolved when its batch runs (a proxy made in one batch stays usable in the next). */
export class ProxyState<L> {
  readonly id = nextObjectId++;
  readonly loaded = new Map<string, unknown>();
  /** For objects from *OrNullObject: unknown until the batch that made them ran. */
  isNull: boolean | undefined = false;
  private located: L | undefined;

  constructor(
    readonly queue: Queue,
    private readonly derive?: () => L
  ) {}

  bind(locator: L | null): void {
    this.isNull = locator === null;
    this.located = locator ?? undefined;
  }

  locate(): L {
    if (this.derive) return this.derive();
    if (this.located === undefined) {
      return fail(
        "InvalidObjectPath",
        this.isNull
          ? "The object is a null object: check isNullObject before using it."
          : "The object path is not valid: the batch that created this object did not run."
      );
    }
    return this.located;
  }
}

/**
 * The base of every simulated Office.js object: queued property writes and method calls,
 * and scalar properties readable only after load() and sync().
 */
export abstract class SimClientObject<L = unknown> {
  readonly [SIM]: ProxyState<L>;
  /** Office's class name, for messages and requests. */
  protected abstract readonly typeName: string;
  /** The scalar properties an argument-less load() fetches. */
  protected abstract readonly scalarNames: readonly string[];

  constructor(queue: Queue, derive?: () => L) {
    this[SIM] = new ProxyState(queue, derive);
  }

  /** The request context the object belongs to. */
  get context(): object {
    return this[SIM].queue.context;
  }

  /** Readable after the sync that ran the *OrNullObject call. */
  get isNullObject(): boolean {
    const state = this[SIM].isNull;
    if (state === undefined) throw propertyNotLoaded("isNullObject", this.typeName);
    return state;
  }

  load(what?: unknown): this {
    const spec = parseLoad(what);
    this.enqueue({ l: describe(spec) }, false, (batch) => {
      batch.calculate();
      return this[SNAPSHOT](batch, spec);
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this[SIM].loaded);
  }

  /** Read a scalar property of the model, at batch time. Unknown names are InvalidArgument. */
  protected abstract readScalar(name: string, batch: Batch): unknown;

  /** How every readScalar refuses a property the simulator does not model. */
  protected unknownProperty(name: string): never {
    return fail("InvalidArgument", `${this.typeName} has no property '${name}' in the simulator.`);
  }

  /** A navigation property's proxy (range.format, sheet.protection); undefined for a scalar. */
  protected navigation?(name: string): SimClientObject | undefined;

  /** Collect the properties `spec` asks for; applied to the proxies only when the whole batch succeeds. */
  [SNAPSHOT](batch: Batch, spec: LoadSpec): Commit {
    if (this[SIM].isNull) return { response: null, apply: () => undefined };
    const values = new Map<string, unknown>();
    const children: [string, Commit][] = [];
    const names = new Set([...(spec.all ? this.scalarNames : []), ...spec.props.keys()]);
    for (const name of names) {
      const nav = this.navigation?.(name);
      if (nav) {
        const sub = spec.props.get(name)!;
        children.push([name, nav[SNAPSHOT](batch, sub.props.size || sub.all ? sub : everything())]);
      } else values.set(name, this.readScalar(name, batch));
    }
    return {
      response: {
        ...Object.fromEntries(values),
        ...Object.fromEntries(children.map(([n, c]) => [n, c.response])),
      },
      apply: () => {
        for (const [k, v] of values) this[SIM].loaded.set(k, v);
        children.forEach(([, c]) => c.apply());
      },
    };
  }

  protected get<T>(name: string): T {
    const loaded = this[SIM].loaded;
    if (!loaded.has(name)) throw propertyNotLoaded(name, this.typeName);
    return loaded.get(name) as T;
  }

  /** Queue a property write. */
  protected set(name: string, value: unknown, apply: (batch: Batch) => void): void {
    this.enqueue({ s: name, v: value }, true, apply);
  }

  /** Queue a method call. */
  protected call(
    method: string,
    args: unknown[],
    mutates: boolean,
    run: (batch: Batch) => void
  ): void {
    this.enqueue({ m: method, a: args }, mutates, run);
  }

  /** Queue a call that returns an object: `locate` finds what it points at (null: a null object). */
  protected spawn<C extends SimClientObject<CL>, CL>(
    child: C,
    method: string,
    args: unknown[],
    locate: (batch: Batch) => CL | null,
    mutates = false
  ): C {
    child[SIM].isNull = undefined;
    this.enqueue({ m: method, a: args, r: child[SIM].id }, mutates, (batch) =>
      child[SIM].bind(locate(batch))
    );
    return child;
  }

  private enqueue(
    request: Record<string, unknown>,
    mutates: boolean,
    run: (batch: Batch) => Commit | void
  ): void {
    this[SIM].queue.enqueue({
      request: { o: this[SIM].id, t: this.typeName, ...request },
      mutates,
      run,
    });
  }
}

/** A collection: `items` after load() + sync(), each item a proxy bound to its object. */
export abstract class SimCollection<
  Item extends SimClientObject<IL>,
  IL,
  L = unknown,
> extends SimClientObject<L> {
  private loadedItems: Item[] | null = null;
  protected readonly scalarNames: readonly string[] = [];

  get items(): Item[] {
    if (!this.loadedItems) throw propertyNotLoaded("items", this.typeName);
    return this.loadedItems;
  }

  /** Where each item is, at batch time, in the collection's order. */
  protected abstract itemLocators(batch: Batch): IL[];
  /** A proxy for one item. */
  protected abstract item(locator: IL): Item;

  protected readScalar(name: string): unknown {
    return fail("InvalidArgument", `${this.typeName} has no property '${name}'.`);
  }

  /** "items/name" and plain "name" both load the items' name; an empty load loads every scalar of each item. */
  override [SNAPSHOT](batch: Batch, spec: LoadSpec): Commit {
    if (this[SIM].isNull) return { response: null, apply: () => undefined };
    const forItems = spec.props.get("items") ?? (spec.props.size ? spec : everything());
    const items = this.itemLocators(batch).map((l) => {
      const it = this.item(l);
      it[SIM].bind(l);
      return it;
    });
    const commits = items.map((it) =>
      it[SNAPSHOT](batch, forItems.props.size || forItems.all ? forItems : everything())
    );
    return {
      response: { items: commits.map((c) => c.response) },
      apply: () => {
        commits.forEach((c) => c.apply());
        this.loadedItems = items;
      },
    };
  }
}

function describe(spec: LoadSpec): string {
  const parts: string[] = spec.all ? ["*"] : [];
  for (const [k, v] of spec.props) parts.push(v.props.size || v.all ? `${k}/(${describe(v)})` : k);
  return parts.join(",");
}
