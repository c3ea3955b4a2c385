import type { Registry } from 'prom-client';

interface Series {
  readonly labels: { method: string; route: string; status: string };
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * The HTTP latency histogram, kept as plain arrays per (method, route, status) and registered with
 * prom-client as a metric it renders at scrape time. prom-client's Histogram validates and hashes
 * labels on every observation, which cost ~3.5 µs — a tenth of a small request (docs/adr/0006).
 */
export class RouteLatencyHistogram {
  readonly name = 'heyblue_http_request_duration_seconds';
  readonly help = 'HTTP request latency by route and status';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #buckets: readonly number[];
  readonly #series = new Map<string, Series>();

  constructor(registry: Registry, buckets: readonly number[]) {
    this.#buckets = buckets;
    registry.registerMetric(this as never);
  }

  /** Records one request; `route` is the route template, never the raw URL. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let series = this.#series.get(key);
    if (!series) {
      series = { labels: { method, route, status: String(status) }, counts: new Float64Array(this.#buckets.length), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    for (let i = 0; i < this.#buckets.length; i++) if (seconds <= (this.#buckets[i] ?? 0)) series.counts[i] = (series.counts[i] ?? 0) + 1;
    series.sum += seconds;
    series.count += 1;
  }

  /** What prom-client renders. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Array<{ metricName: string; labels: Record<string, string | number>; value: number }> }> {
    const values = [];
    for (const series of this.#series.values()) {
      for (let i = 0; i < this.#buckets.length; i++) values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: this.#buckets[i] ?? 0 }, value: series.counts[i] ?? 0 });
      values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: '+Inf' }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#series.clear();
  }
}
