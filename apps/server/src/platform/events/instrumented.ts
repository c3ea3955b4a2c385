import type { Metrics } from '../observability/metrics.ts';
import { inSpanFrom } from '../observability/tracing.ts';
import { batchName, type Subscription } from './bus.ts';
import type { BusMessage } from './envelope.ts';

/** Wraps a consumer with a trace span (child of the request that wrote the event) and processing metrics. */
export function instrumented(subscription: Subscription, metrics: Metrics): Subscription {
  const { consumer, handleBatch } = subscription;
  const measured = async (events: number, work: () => Promise<void>): Promise<void> => {
    const stop = metrics.eventProcessingDuration.startTimer({ consumer });
    try {
      await work();
      metrics.eventsProcessed.inc({ consumer, outcome: 'handled' }, events);
    } catch (error) {
      metrics.eventsProcessed.inc({ consumer, outcome: 'failed' }, events);
      throw error;
    } finally {
      stop();
    }
  };
  const wrapped: Subscription = {
    ...subscription,
    handle: (message) =>
      measured(1, () =>
        inSpanFrom(`consume ${message.envelope.type}`, message.traceContext, 'consumer', async (span) => {
          span.setAttribute('heyblue.consumer', consumer);
          span.setAttribute('heyblue.event_id', message.envelope.id);
          await subscription.handle(message);
        }),
      ),
  };
  if (!handleBatch) return wrapped;
  return {
    ...wrapped,
    // One span per batch, a child of its first event's request; the histogram times deliveries (a batch is one).
    handleBatch: (messages: readonly BusMessage[]) =>
      measured(messages.length, () =>
        inSpanFrom(`consume ${batchName(messages.map((m) => m.envelope.type))}`, messages[0]?.traceContext ?? {}, 'consumer', async (span) => {
          span.setAttribute('heyblue.consumer', consumer);
          span.setAttribute('heyblue.event_ids', messages.map((m) => m.envelope.id));
          span.setAttribute('heyblue.batch_size', messages.length);
          await handleBatch.call(subscription, messages);
        }),
      ),
  };
}
