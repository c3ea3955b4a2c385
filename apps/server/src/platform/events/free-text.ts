import type { TSchema } from 'typebox';

/**
 * Longest `maxLength` that still bounds a string to a code or a label rather than free text. Events are
 * the history reports and the archive rebuild from: they carry ids and coarse facts, never what a
 * person wrote (docs/adr/0004-outbox-relay-inbox.md).
 */
export const MAX_BOUNDED_LENGTH = 64;

/**
 * The JSON pointers of every string in `schema` that could hold free text: a string with no `format`,
 * `enum`, `const` or `pattern`, and no `maxLength` of at most MAX_BOUNDED_LENGTH.
 */
export function freeTextFields(schema: TSchema, at = ''): string[] {
  return walk(schema, at);
}

function walk(node: unknown, at: string): string[] {
  if (!isRecord(node)) return [];
  const found: string[] = [];
  const nested = (value: unknown, path: string): void => void found.push(...walk(value, path));
  if (isFreeText(node)) found.push(at || '/');
  const properties = node.properties;
  if (isRecord(properties)) for (const [key, value] of Object.entries(properties)) nested(value, `${at}/${key}`);
  nested(node.items, `${at}/*`);
  nested(node.additionalProperties, `${at}/*`);
  if (isRecord(node.patternProperties)) for (const value of Object.values(node.patternProperties)) nested(value, `${at}/*`);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = node[key];
    if (Array.isArray(options)) for (const option of options) nested(option, at);
  }
  return [...new Set(found)];
}

function isFreeText(node: Readonly<Record<string, unknown>>): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('string')) return false;
  if (node.format !== undefined || node.enum !== undefined || node.const !== undefined || node.pattern !== undefined) return false;
  return !(typeof node.maxLength === 'number' && node.maxLength <= MAX_BOUNDED_LENGTH);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
