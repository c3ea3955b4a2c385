import type { BusMessage, EventEnvelope } from './envelope.ts';

/** A named consumer of some event types. Delivery is at-least-once; wrap `handle` with `idempotent` for effects-once. */
export interface Subscription {
  /** Stable name: durable consumer name on NATS, inbox key everywhere. */
  readonly consumer: string;
  readonly types: readonly string[];
  /** Resolves when the effect is committed; a throw asks for redelivery. */
  handle(message: BusMessage): Promise<void>;
  /**
   * Optional: takes several events at once, in publication order, and resolves when every effect is
   * committed. A throw asks for redelivery; the bus then hands that batch to `handle` one by one, so a
   * poison event fails (and is given up) alone. Wrap with `idempotentBatch` for effects-once.
   */
  handleBatch?(messages: readonly BusMessage[]): Promise<void>;
  /** Called once a delivery is given up after the last retry. */
  onGiveUp?(envelope: EventEnvelope, error: unknown, attempts: number): Promise<void>;
}

/** The event bus port. */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  /** Resolves once the bus has taken responsibility for the message. */
  publish(message: BusMessage): Promise<void>;
  /**
   * Publishes messages in order, as one batch. Resolves once the bus has taken every one; rejects
   * with a `PublishBatchError` naming those it could not take (it took the others).
   */
  publishBatch(messages: readonly BusMessage[]): Promise<void>;
  /** Registers a consumer; call before `start`. */
  subscribe(subscription: Subscription): void;
  /** Starts delivering to subscribers. */
  start(): Promise<void>;
  /** Stops delivering, letting in-flight handlers finish. */
  close(): Promise<void>;
}

/** Some messages of a batch were not taken; every other message of the batch was. */
export class PublishBatchError extends Error {
  /** The cause of each failure, by envelope id. */
  readonly failures: ReadonlyMap<string, unknown>;

  constructor(failures: ReadonlyMap<string, unknown>) {
    super(`${failures.size} event(s) not published: ${[...failures.values()].map(errorText).join('; ')}`);
    this.name = 'PublishBatchError';
    this.failures = failures;
  }
}

/** The message of an error, or the value said as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A batch's span name: its event type when it has one, else how many events it carries. */
export function batchName(types: readonly string[]): string {
  const [first] = types;
  return first !== undefined && types.every((t) => t === first) ? first : `${types.length} events`;
}
