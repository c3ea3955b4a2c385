import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { EventEnvelope } from './envelope.ts';

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function fits<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = Compile(schema)));
  return check.Check(value);
}

/**
 * The payload of `envelope`, checked against its contract's schema — compiled once per schema (Value.Check
 * interprets it on every call: ~90 µs against ~1 µs, and a batch checks thousands). A payload that does
 * not match is a bug upstream: the throw asks for redelivery, and the event is parked after the last try.
 */
export function payloadOf<S extends TSchema>(schema: S, envelope: EventEnvelope): Static<S> {
  const payload = envelope.payload;
  if (!fits(schema, payload)) throw new Error(`${envelope.type} ${envelope.id}: payload does not match its schema`);
  return payload;
}
