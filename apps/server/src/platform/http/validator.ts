import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

/**
 * TypeBox validation for every route: query strings, params and headers are converted from strings
 * (`?limit=10` is a number) and every part gets its schema defaults, then checked. The library's own
 * compiler converts but applies no defaults, so an omitted `limit` with a default would be refused.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    const withDefaults = Value.Default(schema, converted);
    if (check.Check(withDefaults)) return { value: withDefaults };
    const error: FastifySchemaValidationError[] = check.Errors(withDefaults);
    return { error };
  };
};
