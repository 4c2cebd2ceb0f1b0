/** Waiting in tests for what another process or a background loop does in its own time. */

/** Checks `done` every `everyMs` until it holds or `withinMs` has passed; whether it held. */
export async function waitUntil(done: () => boolean | Promise<boolean>, withinMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
