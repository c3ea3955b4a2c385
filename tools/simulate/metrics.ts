// Reads the server's /metrics (Prometheus text format): plain values, deltas between two scrapes, and
// quantiles estimated from histogram buckets the way Prometheus' histogram_quantile does.
import http from 'node:http';

/** One scrape: `name{labels}` (as written by the server) → value, with the time it was taken. */
export interface Scrape {
  readonly at: number;
  readonly values: ReadonlyMap<string, number>;
}

/** Parses the text format (comments and blank lines skipped). */
export function parseMetrics(text: string, at = Date.now()): Scrape {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (space < 0) continue;
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return { at, values };
}

// One kept-alive connection per server: a saturated server may not accept new connections for a long
// time (its accept queue full of reconnecting sockets), but it still answers on an open one.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Fetches and parses `<baseUrl>/metrics` over a kept-alive connection, trying a few times. */
export async function scrape(baseUrl: string, attempts = 3): Promise<Scrape> {
  for (let attempt = 1; ; attempt++) {
    try {
      return parseMetrics(await get(`${baseUrl}/metrics`));
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`GET ${url} answered ${response.statusCode}`))));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

/** Lets the process exit: closes the kept-alive scrape connections. */
export function closeScrapes(): void {
  agent.destroy();
}

/** `name{a="x"}` for a name and labels in the server's order. */
export function key(name: string, labels: Record<string, string> = {}): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return pairs.length > 0 ? `${name}{${pairs.join(',')}}` : name;
}

/** A value, or 0 when absent. */
export function valueOf(s: Scrape, name: string, labels: Record<string, string> = {}): number {
  return s.values.get(key(name, labels)) ?? 0;
}

/** Every series of a metric by its label set (e.g. fixes by outcome), as `label value → value`. */
export function byLabel(s: Scrape, name: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  const pattern = new RegExp(`^${name}\\{(?:.*,)?${label}="([^"]*)"`);
  for (const [k, v] of s.values) {
    const m = pattern.exec(k);
    if (m?.[1] !== undefined) out[m[1]] = v;
  }
  return out;
}

/** What happened between two scrapes of a counter-like series. */
export function delta(before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}): number {
  return valueOf(after, name, labels) - valueOf(before, name, labels);
}

/** The buckets of a histogram (upper bound → cumulative count), optionally as the delta since `before`. */
export function buckets(after: Scrape, name: string, before?: Scrape): Array<{ le: number; count: number }> {
  const out: Array<{ le: number; count: number }> = [];
  const prefix = `${name}_bucket{le="`;
  for (const [k, v] of after.values) {
    if (!k.startsWith(prefix)) continue;
    const le = k.slice(prefix.length, -2);
    out.push({ le: le === '+Inf' ? Infinity : Number(le), count: v - (before?.values.get(k) ?? 0) });
  }
  return out.sort((a, b) => a.le - b.le);
}

/** The q-quantile estimated from cumulative buckets, interpolating linearly inside the bucket (NaN when empty). */
export function histogramQuantile(q: number, cumulative: ReadonlyArray<{ le: number; count: number }>): number {
  const total = cumulative.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { le, count } of cumulative) {
    if (count >= rank) {
      if (le === Infinity) return lowerBound;
      return lowerBound + (le - lowerBound) * ((rank - lowerCount) / Math.max(1, count - lowerCount));
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}
