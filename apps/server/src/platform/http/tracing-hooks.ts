import { context, propagation, trace, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

const spans = new WeakMap<object, Span>();

/** A server span per request, child of the caller's `traceparent`, active while the handler runs (and so while it writes events). */
export function registerTracingHooks(app: FastifyInstance): void {
  const tracer = trace.getTracer('heyblue');
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(`${request.method} ${request.url.split('?')[0]}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'heyblue.request_id': request.id } }, parent);
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    const route = request.routeOptions.url;
    if (route) span.updateName(`${request.method} ${route}`);
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
