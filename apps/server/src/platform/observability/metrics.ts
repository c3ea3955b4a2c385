import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { RouteLatencyHistogram } from './route-latency.ts';

/** Every Prometheus metric the platform records, on one registry served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'heyblue_' });
  return {
    registry,
    httpDuration: new RouteLatencyHistogram(registry, [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]),
    wsConnections: new Gauge({ name: 'heyblue_ws_connections', help: 'Open websocket connections on this instance', registers: [registry] }),
    wsMessages: new Counter({ name: 'heyblue_ws_messages_total', help: 'Websocket messages by direction', labelNames: ['direction'] as const, registers: [registry] }),
    outboxLag: new Histogram({
      name: 'heyblue_outbox_lag_seconds',
      help: 'Time from an event being written to it being published',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    outboxPublished: new Counter({ name: 'heyblue_outbox_published_total', help: 'Events published by the relay', registers: [registry] }),
    outboxFailures: new Counter({ name: 'heyblue_outbox_failures_total', help: 'Failed publish attempts', labelNames: ['parked'] as const, registers: [registry] }),
    eventsProcessed: new Counter({
      name: 'heyblue_events_processed_total',
      help: 'Events handled by consumers, by outcome (applied, duplicate, failed)',
      labelNames: ['consumer', 'outcome'] as const,
      registers: [registry],
    }),
    eventProcessingDuration: new Histogram({
      name: 'heyblue_event_processing_seconds',
      help: 'Time a consumer takes to apply an event',
      labelNames: ['consumer'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
  };
}

/** The platform's metrics. */
export type Metrics = ReturnType<typeof createMetrics>;
