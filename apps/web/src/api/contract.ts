// The web's edge: what the server answers is checked against the same TypeBox schemas the server
// declares (packages/contracts). Under the page's CSP (no 'unsafe-eval') TypeBox's compiler falls
// back to its interpreter by itself.
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Decoder } from './http.ts';

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function validatorOf(schema: TSchema): ReturnType<typeof Compile> {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = Compile(schema);
    compiled.set(schema, validator);
  }
  return validator;
}

/** Whether `value` fits `schema` (compiled once per schema, on first use). */
export function fits<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return validatorOf(schema).Check(value);
}

/** A decoder that accepts exactly what `schema` declares and throws, naming the first mismatch, otherwise. */
export function decoderOf<S extends TSchema>(schema: S, what = 'response'): Decoder<Static<S>> {
  return (data) => {
    if (fits(schema, data)) return data;
    const first = validatorOf(schema).Errors(data)[0];
    throw new TypeError(`Unexpected ${what}${first ? ` at ${first.instancePath || '/'}: ${first.message}` : ''}`);
  };
}
