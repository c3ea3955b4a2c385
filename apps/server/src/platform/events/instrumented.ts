import type { Metrics } from '../observability/metrics.ts';
import { inSpanFrom } from '../observability/tracing.ts';
import type { Subscription } from './bus.ts';

/** Wraps a consumer with a trace span (child of the request that wrote the event) and processing metrics. */
export function instrumented(subscription: Subscription, metrics: Metrics): Subscription {
  return {
    ...subscription,
    async handle(message) {
      const stop = metrics.eventProcessingDuration.startTimer({ consumer: subscription.consumer });
      try {
        await inSpanFrom(`consume ${message.envelope.type}`, message.traceContext, 'consumer', async (span) => {
          span.setAttribute('heyblue.consumer', subscription.consumer);
          span.setAttribute('heyblue.event_id', message.envelope.id);
          await subscription.handle(message);
        });
        metrics.eventsProcessed.inc({ consumer: subscription.consumer, outcome: 'handled' });
      } catch (error) {
        metrics.eventsProcessed.inc({ consumer: subscription.consumer, outcome: 'failed' });
        throw error;
      } finally {
        stop();
      }
    },
  };
}
