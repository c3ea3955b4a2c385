// Shapes every module's HTTP contracts reuse: ids, times, nullables and cursor pages.
import { Type, type Static, type TSchema } from 'typebox';

/** A UUID, described for the OpenAPI document. */
export const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

/** An ISO 8601 date-time. */
export const Time = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/** `schema` or null. */
export const Nullable = <S extends TSchema>(schema: S) => Type.Union([schema, Type.Null()]);

/** Paging query of every list: how many, and the opaque cursor of the page to read. */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

/** A page of a list and the opaque cursor of the next one (null on the last page). */
export const PageOf = <S extends TSchema>(item: S) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** The body of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable error code, e.g. REWARDS_SOLD_OUT' }),
    message: Type.String({ description: 'a sentence for developers; apps show their own words per code' }),
    requestId: Type.Optional(Type.String()),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
