import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics.ts';

/** Records each request's latency by route template (never the raw URL, to keep label cardinality bounded) and serves /metrics. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  // One labelled child per (method, route, status), looked up by a string key: prom-client's
  // label hashing on every observation cost ~15% of a small request's throughput.
  const children = new Map<string, ReturnType<typeof metrics.httpDuration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let child = children.get(key);
    if (!child) {
      child = metrics.httpDuration.labels({ method: request.method, route, status: String(reply.statusCode) });
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
