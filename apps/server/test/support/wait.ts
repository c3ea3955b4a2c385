/** Polls `check` until it returns true, or fails after `ms`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
