/**
 * Splits a translated sentence around a value it contains (e.g. an email address), so the value
 * can be styled on its own while the translation keeps its word order. Without the value, the
 * whole text comes first.
 */
export function splitAround(text: string, value: string): [before: string, after: string] {
  const at = value ? text.indexOf(value) : -1;
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + value.length)];
}
