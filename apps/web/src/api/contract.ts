// The web's edge: what the server answers is checked against the same TypeBox schemas the server
// declares (packages/contracts). The page's CSP has no 'unsafe-eval', so TypeBox could only interpret
// its checks (20–150× slower, `npm run bench -- contracts`): each api file hands its module's checks
// compiled ahead of time (`@heyblue/contracts/<module>/checks`) to `usePrecompiledChecks`; a schema
// without one (composed at a call site) is still checked, by TypeBox's interpreter.
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Build } from 'typebox/schema';
import type { Decoder } from './http.ts';

/** Builds a schema's check from its externals (the format checks TypeBox's Build gives). */
type CheckFactory = (external: unknown[]) => (value: unknown) => boolean;

const factories = new WeakMap<object, CheckFactory>();
const checks = new WeakMap<TSchema, (value: unknown) => boolean>();
const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

/** Registers a module's ahead-of-time checks (the generated `precompiledChecks` of its contracts). */
export function usePrecompiledChecks(precompiled: ReadonlyMap<object, CheckFactory>): void {
  for (const [schema, factory] of precompiled) factories.set(schema, factory);
}

function validatorOf(schema: TSchema): ReturnType<typeof Compile> {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = Compile(schema)));
  return validator;
}

function checkOf(schema: TSchema): (value: unknown) => boolean {
  let check = checks.get(schema);
  if (!check) {
    const factory = factories.get(schema);
    const validator = factory ? undefined : validatorOf(schema);
    check = factory ? factory(Build({}, schema).External().variables) : (value) => validator?.Check(value) === true;
    checks.set(schema, check);
  }
  return check;
}

/** Whether `value` fits `schema`. */
export function fits<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return checkOf(schema)(value);
}

/** A decoder that accepts exactly what `schema` declares and throws, naming the first mismatch, otherwise. */
export function decoderOf<S extends TSchema>(schema: S, what = 'response'): Decoder<Static<S>> {
  return (data) => {
    if (fits(schema, data)) return data;
    const first = validatorOf(schema).Errors(data)[0];
    throw new TypeError(`Unexpected ${what}${first ? ` at ${first.instancePath || '/'}: ${first.message}` : ''}`);
  };
}

/** Whether `schema` is checked ahead of time (tests and the bench ask). */
export function isPrecompiled(schema: TSchema): boolean {
  return factories.has(schema);
}
