import { context, propagation, trace, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';

/** The active W3C trace context as headers (empty when tracing is off). */
export function currentTraceContext(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Runs `work` in a span whose parent is the given W3C trace context, e.g. the request that wrote an event. */
export async function inSpanFrom<T>(name: string, parent: Readonly<Record<string, string>>, kind: 'producer' | 'consumer', work: (span: Span) => Promise<T>): Promise<T> {
  const parentContext = propagation.extract(context.active(), parent);
  const tracer = trace.getTracer('heyblue');
  return tracer.startActiveSpan(name, { kind: kind === 'producer' ? SpanKind.PRODUCER : SpanKind.CONSUMER }, parentContext, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
