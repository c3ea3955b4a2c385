// Counting and percentiles for the simulator and the realtime benchmark.

/** Counters by name (e.g. `fixes.sent`, `rejected.CONNECTIONS_LOCATION_TOO_FREQUENT`). */
export type Counts = Record<string, number>;

/** Adds `from` into `into`. */
export function addCounts(into: Counts, from: Readonly<Counts>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** The counters under a prefix, without it (`rejected.` → `{ CODE: n }`). */
export function countsUnder(counts: Readonly<Counts>, prefix: string): Counts {
  const out: Counts = {};
  for (const [key, n] of Object.entries(counts)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = n;
  return out;
}

/** The q-quantile (0..1) of ascending `sorted` values, nearest rank; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** What a latency distribution looks like, in the samples' unit. */
export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Summarizes samples (not modified). */
export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const round = (x: number): number => (Number.isNaN(x) ? x : Math.round(x * 100) / 100);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN),
    mean: round(sorted.length > 0 ? sum / sorted.length : Number.NaN),
  };
}

/** A growable list of numbers in one typed array (millions of latency samples without boxing). */
export class Samples {
  #data = new Float64Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(x: number): void {
    if (this.#length === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.#length++] = x;
  }

  pushAll(xs: ArrayLike<number>): void {
    for (let i = 0; i < xs.length; i++) this.push(xs[i] ?? 0);
  }

  /** A copy of the samples so far. */
  values(): Float64Array {
    return this.#data.slice(0, this.#length);
  }

  /** Hands the samples over and starts empty. */
  take(): Float64Array {
    const out = this.values();
    this.#length = 0;
    return out;
  }
}

/** `1234567` → `1,234,567`. */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A latency in ms with sensible precision (`0.42`, `3.1`, `120`). */
export function ms(x: number): string {
  if (Number.isNaN(x)) return '–';
  return x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : x.toFixed(0);
}

/** What a worker counted since its last report: counters and latency samples (ms) of pushes caused by fixes. */
export interface TallyReport {
  readonly counts: Counts;
  /** Fix sent → `nearby.entered` received. */
  readonly entered: Float64Array;
  /** Fix sent → any push it caused (`nearby.*`; for the echo anchor, the echo). */
  readonly pushes: Float64Array;
}

/** A worker's running count, handed over in reports. */
export class Tally {
  #counts: Counts = {};
  readonly #entered = new Samples();
  readonly #pushes = new Samples();

  count(name: string, n = 1): void {
    this.#counts[name] = (this.#counts[name] ?? 0) + n;
  }

  /** A push of `type` arrived `latencyMs` after the fix that caused it was sent. */
  latency(type: string, latencyMs: number): void {
    this.#pushes.push(latencyMs);
    if (type === 'nearby.entered') this.#entered.push(latencyMs);
  }

  /** Everything since the last report. */
  report(): TallyReport {
    const counts = this.#counts;
    this.#counts = {};
    return { counts, entered: this.#entered.take(), pushes: this.#pushes.take() };
  }
}
