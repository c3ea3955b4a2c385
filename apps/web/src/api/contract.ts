// The web's edge: what the server answers is checked against the same TypeBox schemas the server
// declares (packages/contracts). The page's CSP has no 'unsafe-eval', so TypeBox could only interpret
// its checks (35–135× slower, `npm run bench -- contracts`): each api file hands its module's checks
// compiled ahead of time (`@heyblue/contracts/<module>/checks`) to `usePrecompiledChecks`; a schema
// without one (composed at a call site) is still checked, by TypeBox's interpreter.
import type { Static, TSchema } from 'typebox';
import { Check, Errors } from 'typebox/schema';
import type { Decoder } from './http.ts';

/** A check compiled ahead of time. */
type PrecompiledCheck = (value: unknown) => boolean;

const precompiled = new WeakMap<object, PrecompiledCheck>();

/** Registers a module's ahead-of-time checks (the generated `precompiledChecks` of its contracts). */
export function usePrecompiledChecks(checks: ReadonlyMap<object, PrecompiledCheck>): void {
  for (const [schema, check] of checks) precompiled.set(schema, check);
}

/** Whether `value` fits `schema`. */
export function fits<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  const check = precompiled.get(schema);
  return check ? check(value) : Check(schema, value);
}

/** A decoder that accepts exactly what `schema` declares and throws, naming the first mismatch, otherwise. */
export function decoderOf<S extends TSchema>(schema: S, what = 'response'): Decoder<Static<S>> {
  return (data) => {
    if (fits(schema, data)) return data;
    const first = Errors(schema, data)[1][0];
    throw new TypeError(`Unexpected ${what}${first ? ` at ${first.instancePath || '/'}: ${first.message}` : ''}`);
  };
}

/** Whether `schema` is checked ahead of time (tests and the bench ask). */
export function isPrecompiled(schema: TSchema): boolean {
  return precompiled.has(schema);
}
