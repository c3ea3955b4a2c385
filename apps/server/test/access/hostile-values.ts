// The hostile inputs the probe sends: text PostgreSQL cannot store, text it can but that breaks
// naive code (right-to-left overrides, joiners, injection strings, very long unicode), and values of
// the wrong type. Raw JSON the serializer cannot produce (1e400, huge integers) travels as a marker
// string that `toJson` swaps for the literal.

/** `count` items of a list, picked without repeats by the seeded source. */
export function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return picked;
}

/** Text PostgreSQL cannot store: every string field gets each of these. */
export const UNSTORABLE_TEXT: Readonly<Record<string, string>> = {
  'a NUL': 'a\u0000b',
  'a lone high surrogate': 'a\ud800b',
  'a lone low surrogate': '\udfff',
  'a reversed pair': '\udc00\ud800',
};

/** Text PostgreSQL stores but naive code may not survive. */
export const AWKWARD_TEXT: Readonly<Record<string, string>> = {
  'a right-to-left override': '\u202Eevil\u202C.exe',
  'zero-width joiners': 'a\u200D\u200B\u2060\uFEFFb',
  'SQL injection': "x'); drop table identity.accounts; --",
  'SQL injection (or)': "' or '1'='1' --",
  'LIKE wildcards': '%_%\\',
  'HTML injection': '<img src=x onerror=alert(1)><script>alert(1)</script>',
  'an emoji sequence': '👮‍♀️🚓🏳️‍🌈😀',
  'very long unicode': '𝕳'.repeat(5000),
  'stacked combining marks': `Z${'\u0336\u0337'.repeat(500)}`,
  'ten thousand characters': 'x'.repeat(10_000),
  'an empty string': '',
  'only whitespace': ' \t\n\r ',
  'CR LF': 'a\r\nSet-Cookie: x=y',
  'escaped NUL as text': '\\u0000 %00',
};

/** A JSON literal the serializer cannot produce (1e400, arrays nested past its stack), put in place by `toJson`. */
export const RAW = (literal: string): string => `@@RAW:${literal}@@`;

/** Values of the wrong type (or out of range) for any field. */
export const CONFUSED_VALUES: Readonly<Record<string, unknown>> = {
  'a number': 42,
  'a negative number': -1,
  'a fraction': 0.5,
  'a huge number': 1e308,
  'an overflowing number': RAW('1e400'),
  'a 30-digit integer': RAW('123456789012345678901234567890'),
  'minus zero': RAW('-0'),
  '"NaN"': 'NaN',
  '"Infinity"': 'Infinity',
  '"-1"': '-1',
  null: null,
  true: true,
  'an empty array': [],
  'an array of strings': ['a', 'b'],
  'an empty object': {},
  'an object': { a: 1 },
  'nested 50 deep': nested(50),
  'ten thousand characters': 'x'.repeat(10_000),
};

/** A value nested `depth` objects deep. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** JSON text of a value, with RAW markers replaced by their literals. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"@@RAW:([^@]*)@@"/g, '$1');
}

/**
 * Percent-encodes text for a URL even when it holds lone surrogates (as the bytes WTF-8 would give
 * them, which no UTF-8 decoder accepts) — `encodeURIComponent` throws on those.
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) out += `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets the value at a JSON pointer in a copy of `body`, making the objects and arrays on the way. */
export function withValueAt(body: unknown, pointer: string, value: unknown): unknown {
  const root: unknown = structuredClone(body ?? {});
  const segments = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (segments.length === 0) return value;
  let container: unknown = root;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const nextIsIndex = /^\d+$/.test(segments[i + 1] ?? '');
    if (Array.isArray(container)) {
      const index = Number(segment);
      if (last) container[index] = value;
      else container = container[index] ??= nextIsIndex ? [] : {};
    } else if (isRecord(container)) {
      if (last) container[segment] = value;
      else {
        const existing = container[segment];
        container = container[segment] = typeof existing === 'object' && existing !== null ? existing : nextIsIndex ? [] : {};
      }
    }
  });
  return root;
}
