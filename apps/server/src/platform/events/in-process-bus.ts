import { errorText, PublishBatchError, type EventBus, type Subscription } from './bus.ts';
import type { BusMessage } from './envelope.ts';
import { yieldIfStarved } from './loop-turns.ts';

/**
 * The embedded bus: `publish` runs every matching consumer and resolves when all have committed,
 * so the outbox row is only marked published once each effect is durable. A failing consumer makes
 * `publish` reject; the relay retries later and consumers that already succeeded skip it via the inbox.
 * A batch reaches each consumer once, as the sub-batch of the types it takes, in order.
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
    try {
      await this.publishBatch([message]);
    } catch (error) {
      if (error instanceof PublishBatchError) throw new Error(`consumers failed: ${[...error.failures.values()].map(errorText).join('; ')}`, { cause: error });
      throw error;
    }
  }

  async publishBatch(messages: readonly BusMessage[]): Promise<void> {
    if (!this.#running) throw new Error('the in-process bus is not running');
    const work = Promise.all(this.#subscriptions.map((s) => deliver(s, messages.filter((m) => s.types.includes(m.envelope.type)))));
    this.#inFlight.add(work);
    const failed = (await work.finally(() => this.#inFlight.delete(work))).flat();
    if (failed.length === 0) return;
    const texts = new Map<string, string[]>();
    for (const { id, text } of failed) texts.set(id, [...(texts.get(id) ?? []), text]);
    throw new PublishBatchError(new Map([...texts].map(([id, each]) => [id, new Error(each.join('; '))])));
  }

  async close(): Promise<void> {
    this.#running = false;
    await Promise.allSettled([...this.#inFlight]);
  }
}

/**
 * Hands a consumer its sub-batch: whole to `handleBatch`, and if that throws (or there is none) one
 * event at a time, so a poison event fails alone. Returns what failed, naming the consumer.
 */
async function deliver(subscription: Subscription, batch: readonly BusMessage[]): Promise<Array<{ id: string; text: string }>> {
  const failed = (message: BusMessage, error: unknown): { id: string; text: string } => ({ id: message.envelope.id, text: `${subscription.consumer}: ${errorText(error)}` });
  if (batch.length === 0) return [];
  if (subscription.handleBatch) {
    // PGlite answers queries without returning to the event loop: a delivery gives it a turn first if it
    // has had none lately, so a backlog cannot starve timers and sockets (the whole embedded server).
    await yieldIfStarved();
    try {
      await subscription.handleBatch(batch);
      return [];
    } catch (error) {
      const [only] = batch;
      if (only && batch.length === 1) return [failed(only, error)];
    }
  }
  const failures: Array<{ id: string; text: string }> = [];
  for (const message of batch) {
    await yieldIfStarved();
    try {
      await subscription.handle(message);
    } catch (error) {
      failures.push(failed(message, error));
    }
  }
  return failures;
}
