import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Running tracing: flush and stop it on shutdown. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Exports traces over OTLP/HTTP when an endpoint is configured. Registering the provider installs
 * the AsyncLocalStorage context manager and the W3C propagator that the HTTP hooks, the outbox
 * (trace context stored beside each event) and the consumers use, so a trace follows a request into
 * the events it causes.
 */
export function startTracing(options: { endpoint: string; serviceName: string; version: string; instanceId: string }): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.version': options.version, 'service.instance.id': options.instanceId }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` }), { scheduledDelayMillis: 500 })],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
