// What is left of the web's hand-written decoding: answers are checked with the contracts' schemas
// (api/contract.ts); this reads error bodies and other loosely shaped JSON.

/** Whether a value is a plain JSON object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A page of a list and the opaque cursor of the next one (null on the last page), as the contracts' PageOf answers it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}
