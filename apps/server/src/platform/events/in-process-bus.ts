import type { EventBus, Subscription } from './bus.ts';
import type { BusMessage } from './envelope.ts';

/**
 * The embedded bus: `publish` runs every matching consumer and resolves when all have committed,
 * so the outbox row is only marked published once each effect is durable. A failing consumer makes
 * `publish` reject; the relay retries later and consumers that already succeeded skip it via the inbox.
 */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process';
  readonly #subscriptions: Subscription[] = [];
  #running = false;
  #inFlight = new Set<Promise<unknown>>();

  subscribe(subscription: Subscription): void {
    if (this.#subscriptions.some((s) => s.consumer === subscription.consumer)) throw new Error(`consumer ${subscription.consumer} subscribed twice`);
    this.#subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    this.#running = true;
  }

  async publish(message: BusMessage): Promise<void> {
    if (!this.#running) throw new Error('the in-process bus is not running');
    const matching = this.#subscriptions.filter((s) => s.types.includes(message.envelope.type));
    const work = Promise.allSettled(matching.map((s) => s.handle(message)));
    this.#inFlight.add(work);
    const results = await work.finally(() => this.#inFlight.delete(work));
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${matching[i]?.consumer}: ${errorText(r.reason)}`] : []));
    if (failures.length > 0) throw new Error(`consumers failed: ${failures.join('; ')}`);
  }

  async close(): Promise<void> {
    this.#running = false;
    await Promise.allSettled([...this.#inFlight]);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
