import { whenIdle } from "./idle";

describe("whenIdle", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs the task later, not at once, where there is no requestIdleCallback", () => {
    expect(typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback).toBe(
      "undefined"
    );
    const task = jest.fn();
    whenIdle(task);
    expect(task).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("never runs a cancelled task", () => {
    const task = jest.fn();
    whenIdle(task)();
    jest.runAllTimers();
    expect(task).not.toHaveBeenCalled();
  });

  it("uses requestIdleCallback where the page has one", () => {
    const calls: Array<() => void> = [];
    const cancelled: number[] = [];
    Object.assign(globalThis, {
      requestIdleCallback: (cb: () => void) => calls.push(cb),
      cancelIdleCallback: (id: number) => cancelled.push(id),
    });
    try {
      const task = jest.fn();
      const cancel = whenIdle(task);
      jest.runAllTimers();
      expect(task).not.toHaveBeenCalled();
      calls[0]();
      expect(task).toHaveBeenCalledTimes(1);
      cancel();
      expect(cancelled).toEqual([1]);
    } finally {
      const g = globalThis as { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };
      delete g.requestIdleCallback;
      delete g.cancelIdleCallback;
    }
  });
});
