import { newEventId } from './event-id.ts';

/** The standard wrapper of every event, on the bus and in the outbox. */
export interface EventEnvelope<Type extends string = string, Payload = unknown> {
  /** Unique id; also the bus's de-duplication id and the inbox key. */
  readonly id: string;
  /** Versioned name that doubles as bus subject, e.g. `identity.account-created.v1`. */
  readonly type: Type;
  /** When the state change happened (ISO 8601). */
  readonly occurredAt: string;
  /** The account that caused it, or null for the system. */
  readonly actorId: string | null;
  /** Ties together everything one request caused. */
  readonly correlationId: string;
  /** The event (or request) that directly caused this one. */
  readonly causationId: string | null;
  /** The event's data, typed by the event map. */
  readonly payload: Payload;
}

/** Who and what caused a state change: carried from the request or the consumed event into new events. */
export interface EventContext {
  readonly actorId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** An event as it travels: the envelope and the W3C trace context it was written under. */
export interface BusMessage {
  readonly envelope: EventEnvelope;
  readonly traceContext: Readonly<Record<string, string>>;
}

/** Builds an envelope with a fresh, time-ordered id. */
export function envelopeOf<Type extends string, Payload>(type: Type, payload: Payload, context: EventContext, now: Date): EventEnvelope<Type, Payload> {
  return { id: newEventId(), type, occurredAt: now.toISOString(), actorId: context.actorId, correlationId: context.correlationId, causationId: context.causationId, payload };
}

/** The context of the events a consumer emits while handling `envelope`. */
export function contextCausedBy(envelope: EventEnvelope): EventContext {
  return { actorId: envelope.actorId, correlationId: envelope.correlationId, causationId: envelope.id };
}
