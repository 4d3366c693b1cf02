/** Retry an assertion until it holds or `timeoutMs` passes (the pane and the simulator are asynchronous). */
export async function eventually<T>(
  assertion: () => Promise<T> | T,
  timeoutMs = 10_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
