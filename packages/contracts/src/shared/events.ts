import type { Static, TSchema } from 'typebox';

/** One event type: its versioned name, payload schema and a line saying what happened. */
export interface EventDefinition<Type extends string = string, Schema extends TSchema = TSchema> {
  readonly type: Type;
  readonly payload: Schema;
  readonly description: string;
}

const EVENT_NAME = /^[a-z][a-z0-9]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/** Declares an event; the name must read `module.past-tense-name.vN`. */
export function defineEvent<const Type extends string, Schema extends TSchema>(type: Type, payload: Schema, description: string): EventDefinition<Type, Schema> {
  if (!EVENT_NAME.test(type)) throw new Error(`event name "${type}" must read module.event-name.vN`);
  return { type, payload, description };
}

/** A set of event definitions keyed by name. */
export type EventCatalog = Readonly<Record<string, EventDefinition>>;

/** Builds a catalog from definitions, refusing duplicates. */
export function catalogOf<const Defs extends readonly EventDefinition[]>(...definitions: Defs): { readonly [D in Defs[number] as D['type']]: D } {
  const catalog: Record<string, EventDefinition> = {};
  for (const definition of definitions) {
    if (catalog[definition.type]) throw new Error(`event ${definition.type} is defined twice`);
    catalog[definition.type] = definition;
  }
  return catalog as { readonly [D in Defs[number] as D['type']]: D };
}

/** The payload type of event `Type` in catalog `C`. */
export type PayloadOf<C extends EventCatalog, Type extends keyof C> = C[Type] extends EventDefinition<string, infer S> ? Static<S> : never;
