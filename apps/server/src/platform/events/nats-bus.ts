import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { BatchQueue } from './batch-queue.ts';
import { PublishBatchError, type EventBus, type Subscription } from './bus.ts';
import type { BusMessage, EventEnvelope } from './envelope.ts';

/** How the NATS bus is set up. */
export interface NatsBusOptions {
  readonly url: string;
  readonly stream: string;
  /** Every event type that may be published; the stream's subjects. */
  readonly types: readonly string[];
  /** Prepended to each subject; lets tests share one server without sharing subjects. */
  readonly subjectPrefix?: string;
  readonly maxDeliver?: number;
  readonly ackWaitMs?: number;
  /** Most messages handed to a consumer's `handleBatch` at once (default 256). */
  readonly maxBatch?: number;
  readonly logger: Logger;
}

/**
 * JetStream: events are subjects named after their type, the outbox id is `Nats-Msg-Id` (the
 * server's 2-minute duplicate window; the inbox makes effects happen once beyond it), and every
 * consumer is a durable pull consumer per event type (NATS 2.9 has no multi-subject filters). Pulled
 * messages queue up and a consumer takes whatever has arrived as one batch, acked once it commits.
 */
export class NatsBus implements EventBus {
  readonly kind = 'nats';
  readonly #options: NatsBusOptions;
  readonly #subscriptions: Subscription[] = [];
  readonly #loops: Array<{ messages: ConsumerMessages; queue: BatchQueue<JsMsg>; done: Promise<void> }> = [];
  #nc: NatsConnection | undefined;
  #js: JetStreamClient | undefined;

  constructor(options: NatsBusOptions) {
    this.#options = options;
  }

  /** The open connection, shared with the websocket fan-out. */
  get connection(): NatsConnection {
    if (!this.#nc) throw new Error('the NATS bus is not started');
    return this.#nc;
  }

  subscribe(subscription: Subscription): void {
    if (this.#subscriptions.some((s) => s.consumer === subscription.consumer)) throw new Error(`consumer ${subscription.consumer} subscribed twice`);
    this.#subscriptions.push(subscription);
  }

  async start(): Promise<void> {
    const { url, stream, types } = this.#options;
    this.#nc = await connect({ servers: url, name: 'heyblue' });
    const jsm = await jetstreamManager(this.#nc);
    const subjects = types.map((t) => this.#subject(t));
    try {
      const info = await jsm.streams.info(stream);
      const merged = [...new Set([...info.config.subjects, ...subjects])];
      if (merged.length !== info.config.subjects.length) await jsm.streams.update(stream, { ...info.config, subjects: merged });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add({ name: stream, subjects, duplicate_window: 120_000_000_000 });
    }
    this.#js = jetstream(this.#nc);
    for (const subscription of this.#subscriptions) {
      for (const type of subscription.types) {
        const durable = `${subscription.consumer}__${type}`.replace(/[^A-Za-z0-9_-]/g, '_');
        await jsm.consumers.add(stream, {
          durable_name: durable,
          filter_subject: this.#subject(type),
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          max_deliver: this.#options.maxDeliver ?? 10,
          ack_wait: (this.#options.ackWaitMs ?? 30_000) * 1_000_000,
        });
        const consumer = await this.#js.consumers.get(stream, durable);
        const queue = new BatchQueue<JsMsg>();
        const messages = await consumer.consume({ max_messages: this.#maxBatch, callback: (msg) => queue.push(msg) });
        this.#loops.push({ messages, queue, done: this.#deliver(queue, subscription) });
      }
    }
  }

  async publish(message: BusMessage): Promise<void> {
    if (!this.#js) throw new Error('the NATS bus is not started');
    const h = natsHeaders();
    for (const [key, value] of Object.entries(message.traceContext)) h.set(key, value);
    await this.#js.publish(this.#subject(message.envelope.type), JSON.stringify(message.envelope), { msgID: message.envelope.id, headers: h });
  }

  async publishBatch(messages: readonly BusMessage[]): Promise<void> {
    // Sent together on one connection they keep their order and share the round trips to the broker.
    const results = await Promise.allSettled(messages.map((m) => this.publish(m)));
    const failures = new Map<string, unknown>();
    results.forEach((r, i) => {
      const id = messages[i]?.envelope.id;
      if (r.status === 'rejected' && id) failures.set(id, r.reason);
    });
    if (failures.size > 0) throw new PublishBatchError(failures);
  }

  async close(): Promise<void> {
    for (const loop of this.#loops) {
      await loop.messages.close();
      // Pulled but not yet handled: handed back at once rather than after the ack wait.
      for (const msg of loop.queue.close()) msg.nak();
    }
    await Promise.allSettled(this.#loops.map((l) => l.done));
    this.#loops.length = 0;
    if (this.#nc && !this.#nc.isClosed()) await this.#nc.drain();
  }

  #subject(type: string): string {
    return `${this.#options.subjectPrefix ?? ''}${type}`;
  }

  get #maxBatch(): number {
    return this.#options.maxBatch ?? 256;
  }

  async #deliver(queue: BatchQueue<JsMsg>, subscription: Subscription): Promise<void> {
    for (let batch = await queue.take(this.#maxBatch); batch.length > 0; batch = await queue.take(this.#maxBatch)) {
      const delivered: Array<{ msg: JsMsg; message: BusMessage }> = [];
      for (const msg of batch) {
        const envelope = parseEnvelope(msg);
        if (envelope) delivered.push({ msg, message: { envelope, traceContext: traceContextOf(msg) } });
        else {
          this.#options.logger.error({ consumer: subscription.consumer, subject: msg.subject }, 'dropping a message that is not an event envelope');
          msg.term();
        }
      }
      if (delivered.length > 1 && subscription.handleBatch) {
        try {
          await subscription.handleBatch(delivered.map((d) => d.message));
          for (const { msg } of delivered) msg.ack();
          continue;
        } catch (error) {
          // One by one below, so a poison event is retried (and given up) alone.
          this.#options.logger.warn({ err: error, consumer: subscription.consumer, events: delivered.length }, 'consumer failed a batch; handling it one event at a time');
        }
      }
      for (const { msg, message } of delivered) await this.#deliverOne(msg, message, subscription);
    }
  }

  async #deliverOne(msg: JsMsg, message: BusMessage, subscription: Subscription): Promise<void> {
    const maxDeliver = this.#options.maxDeliver ?? 10;
    try {
      await subscription.handle(message);
      msg.ack();
    } catch (error) {
      const attempts = msg.info.deliveryCount;
      this.#options.logger.warn({ err: error, consumer: subscription.consumer, eventId: message.envelope.id, attempts }, 'consumer failed');
      if (attempts >= maxDeliver) {
        await subscription.onGiveUp?.(message.envelope, error, attempts);
        msg.term();
      } else {
        msg.nak(Math.min(30_000, 100 * 2 ** attempts));
      }
    }
  }
}

function parseEnvelope(msg: JsMsg): EventEnvelope | undefined {
  try {
    const value: unknown = msg.json();
    if (value && typeof value === 'object' && 'id' in value && 'type' in value && 'payload' in value) return value as EventEnvelope;
  } catch {
    // fall through
  }
  return undefined;
}

function traceContextOf(msg: JsMsg): Record<string, string> {
  const context: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = msg.headers?.get(key);
    if (value) context[key] = value;
  }
  return context;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}
