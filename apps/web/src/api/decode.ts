/** Whether a value is a plain JSON object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws for a value of the wrong shape: a server answer the client does not understand. */
export function fail(what: string): never {
  throw new TypeError(`Unexpected ${what}`);
}

/** A string, or fail. */
export function text(value: unknown, what: string): string {
  return typeof value === 'string' ? value : fail(what);
}

/** A string or null (absent counts as null), or fail. */
export function textOrNull(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : text(value, what);
}

/** A whole number, or fail. */
export function integer(value: unknown, what: string): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fail(what);
}

/** One of the given strings, or fail. */
export function oneOf<V extends string>(value: unknown, options: readonly V[], what: string): V {
  return options.find((option) => option === value) ?? fail(what);
}

/** An array, or fail. */
export function list(value: unknown, what: string): unknown[] {
  return Array.isArray(value) ? value : fail(what);
}

/** A JSON object, or fail. */
export function record(value: unknown, what: string): Record<string, unknown> {
  return isRecord(value) ? value : fail(what);
}

/** A finite number, or fail. */
export function finiteNumber(value: unknown, what: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(what);
}

/** A whole number or null (absent counts as null), or fail. */
export function integerOrNull(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : integer(value, what);
}

/** A boolean, or fail. */
export function bool(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : fail(what);
}

/** A page of a list and the opaque cursor of the next one (null on the last page). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Checks a `{ items, nextCursor }` page with `item` for each entry. */
export function decodePage<T>(item: (data: unknown) => T): (data: unknown) => CursorPage<T> {
  return (data) => {
    const page = record(data, 'page');
    return { items: list(page['items'], 'page items').map(item), nextCursor: textOrNull(page['nextCursor'], 'nextCursor') };
  };
}
