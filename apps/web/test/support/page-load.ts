/**
 * One page load as a person sees it: when the page's own content is shown and usable (not a splash or
 * a spinner), its paint timings, and the JavaScript it needed by then. Shared by the initial-JS budget
 * test and `npm run bench -- web`; it imports no test runner, so the bench can use it.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** When a page counts as ready: every selector of `all` matches and none of `none` does. */
export interface ReadyWhen {
  readonly all: readonly string[];
  readonly none?: readonly string[];
}

/** The citizen's nearby card or the officer's availability card, with its button: the home's own content. */
export const homeReady: ReadyWhen = { all: ['[data-testid="nearby-card"] button, [data-testid="availability-card"] button'] };

/** The overview's heading, its organisations (or their empty state) and the request form, nothing still loading. */
export const dashboardReady: ReadyWhen = {
  all: ['main h1', 'main .hb-empty-state, main .hb-dash-org-list', 'main form button[type="submit"]'],
  none: ['main .hb-loading-state'],
};

/** A script the page had received when it became ready. */
export interface LoadedScript {
  readonly url: string;
  /** Its body as it came over the wire (compressed when the server compressed it). */
  readonly encodedBytes: number;
}

/** A request the page had completed when it became ready: when it started and ended, from the start of the navigation. */
export interface LoadedResource {
  readonly path: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** What one load measured, in milliseconds from the start of the navigation. */
export interface PageLoad {
  readonly firstContentfulPaintMs: number | null;
  readonly largestContentfulPaintMs: number | null;
  readonly readyMs: number;
  readonly scripts: readonly LoadedScript[];
  /** Every request completed by then, the document's first, in the order they started. */
  readonly waterfall: readonly LoadedResource[];
}

interface ReadySignal {
  readonly at: number;
  readonly scripts: LoadedScript[];
  readonly waterfall: LoadedResource[];
}

/**
 * Runs in the page before any of its own scripts: watches the DOM and, once `ready` holds, waits for
 * the frame that shows it and reports the time and the scripts received so far through the binding.
 */
function readyProbe({ ready, binding }: { ready: ReadyWhen; binding: string }): void {
  const holds = () => ready.all.every((selector) => document.querySelector(selector)) && !(ready.none ?? []).some((selector) => document.querySelector(selector));
  const report = () => {
    const at = performance.now();
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((entry) => entry instanceof PerformanceResourceTiming);
    const scripts = entries.filter((entry) => new URL(entry.name).pathname.endsWith('.js')).map((entry) => ({ url: entry.name, encodedBytes: entry.encodedBodySize }));
    const waterfall = entries
      .map((entry) => ({ path: new URL(entry.name).pathname, startMs: Math.round(entry.startTime), endMs: Math.round(entry.responseEnd) }))
      .sort((a, b) => a.startMs - b.startMs);
    const signal: unknown = Reflect.get(window, binding);
    if (typeof signal === 'function') signal({ at, scripts, waterfall });
  };
  const observer = new MutationObserver(() => {
    if (!holds()) return;
    observer.disconnect();
    // Shown means painted: the task after the next frame runs once that frame is on screen.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = report;
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

let bindings = 0;

/**
 * A fresh browser context (empty cache) for `url`'s origin holding a seeded person's refresh cookie,
 * so the app restores their session; `refreshedToken()` reads the token the app left (a refresh
 * token works once, so the next context needs that one).
 */
export async function signedInContext(browser: Browser, url: string, refreshToken: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; refreshedToken(): Promise<string> }> {
  const { origin, hostname } = new URL(url);
  const context = await browser.newContext({
    serviceWorkers: 'block',
    ...options,
    storageState: {
      cookies: [{ name: 'heyblue_refresh', value: refreshToken, domain: hostname, path: '/api/v1/auth', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' }],
      // The app asks the server for a session only when this browser has held one.
      origins: [{ origin, localStorage: [{ name: 'heyblue.session.present', value: '1' }] }],
    },
  });
  return {
    context,
    async refreshedToken() {
      const cookie = (await context.cookies(`${origin}/api/v1/auth/refresh`)).find((candidate) => candidate.name === 'heyblue_refresh');
      if (!cookie) throw new Error(`${url} left no refresh cookie`);
      return cookie.value;
    },
  };
}

/**
 * Prepares `context` so that its next page reports when `ready` holds; call before the page loads.
 * `measure(page)` then waits for that moment, lets the page settle `settleMs` (the largest paint may
 * still change), and reads the paint timings.
 */
export async function watchPageLoad(context: BrowserContext, ready: ReadyWhen, options: { timeoutMs?: number; settleMs?: number } = {}): Promise<{ measure(page: Page): Promise<PageLoad> }> {
  const binding = `__heyblueReady${bindings++}`;
  let signalled: (signal: ReadySignal) => void = () => {};
  const readyOnce = new Promise<ReadySignal>((resolve) => (signalled = resolve));
  await context.exposeBinding(binding, (_source, signal: ReadySignal) => signalled(signal));
  await context.addInitScript(readyProbe, { ready, binding });
  return {
    async measure(page) {
      const timeoutMs = options.timeoutMs ?? 60_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the page was not ready within ${timeoutMs} ms (${JSON.stringify(ready)})`)), timeoutMs);
      });
      const signal = await Promise.race([readyOnce, timedOut]).finally(() => clearTimeout(timer));
      await page.waitForTimeout(options.settleMs ?? 1000);
      const paints = await page.evaluate(paintTimings);
      return { ...paints, readyMs: signal.at, scripts: signal.scripts, waterfall: signal.waterfall };
    },
  };
}

/** First contentful paint and the latest largest-contentful-paint candidate (buffered entries). */
function paintTimings(): Promise<{ firstContentfulPaintMs: number | null; largestContentfulPaintMs: number | null }> {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  return new Promise((resolve) => {
    // Without an entry the observer never calls back; the buffered entries arrive within a task.
    const none = setTimeout(() => resolve({ firstContentfulPaintMs: fcp, largestContentfulPaintMs: null }), 500);
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      clearTimeout(none);
      resolve({ firstContentfulPaintMs: fcp, largestContentfulPaintMs: list.getEntries().at(-1)?.startTime ?? null });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** The scripts' total size gzipped (level 9, as the build precompresses), in KB, fetched uncompressed from the server. */
export async function gzippedKb(scripts: readonly LoadedScript[]): Promise<number> {
  let bytes = 0;
  for (const url of new Set(scripts.map((script) => script.url))) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}
