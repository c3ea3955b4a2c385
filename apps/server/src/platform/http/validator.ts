import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { AppError } from '../errors/app-error.ts';
import { firstUnstorable, firstUnstorableIndex, firstUnstorableText, type UnstorableText } from '../storable-text.ts';

/**
 * TypeBox validation for every route: query strings, params and headers are converted from strings
 * (`?limit=10` is a number) and every part gets its schema defaults, then checked. The library's own
 * compiler converts but applies no defaults, so an omitted `limit` with a default would be refused.
 * A value is refused if any string in it (unknown-shaped objects and keys included) is text
 * PostgreSQL cannot store, so no route has to remember to, if a whole number in it is past 2^53
 * (an unbounded Type.Integer would hand 1.2e+29 to a bigint), or if it nests past MAX_DEPTH.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    // Query strings, params and headers are flat, so converting them first is safe; the walk then sees
    // their numbers. It comes before TypeBox's defaults and checks, which recurse: a body nested 10,000
    // deep overflows them. Defaults add nothing a sender chose, so what passes here stays storable.
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    const refused = firstUnstorable(converted, '', MAX_DEPTH);
    if (refused) return { error: [asValidationError(refused)] };
    const withDefaults = Value.Default(schema, converted);
    if (check.Check(withDefaults)) return { value: withDefaults };
    const error: FastifySchemaValidationError[] = check.Errors(withDefaults);
    return { error };
  };
};

/** Far deeper than any request the API takes (a rule's area is 3 levels, a passkey's answer 4). */
const MAX_DEPTH = 32;

type Part = 'body' | 'querystring' | 'params' | 'headers';

/**
 * The same refusal for the request parts a route declares no schema for (a CSV body, an undeclared
 * query string or header): the validator never sees those. Answers 400 PLATFORM_VALIDATION_FAILED
 * with the part and the JSON pointer of the field, as a schema failure does.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const declared = request.routeOptions.schema;
    const parts: ReadonlyArray<readonly [Part, unknown, unknown]> = [
      ['body', request.body, declared?.body],
      ['querystring', request.query, declared?.querystring],
      ['params', request.params, declared?.params],
      ['headers', request.headers, declared?.headers],
    ];
    for (const [part, value, schema] of parts) {
      if (schema !== undefined || value === undefined || value === null) continue;
      const found = firstUnstorableText(value, '', MAX_DEPTH);
      if (found) throw refusal(part, found, typeof value === 'string' ? value : undefined);
    }
  });
}

function asValidationError(found: UnstorableText): FastifySchemaValidationError {
  return { keyword: 'storableText', instancePath: found.path, schemaPath: '#', params: {}, message: found.reason };
}

function refusal(part: Part, found: UnstorableText, text: string | undefined): AppError {
  // A text body (a CSV roster) is named by its line, which is what the sender can find and fix.
  const line = text === undefined ? undefined : text.slice(0, firstUnstorableIndex(text)).split('\n').length;
  const reason = line === undefined ? found.reason : `${found.reason} (line ${line})`;
  const path = found.path || '/';
  return new AppError('PLATFORM_VALIDATION_FAILED', `${part}${found.path} ${reason}`, [{ in: part, path, message: reason }]);
}
