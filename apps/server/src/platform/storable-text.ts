// PostgreSQL's text cannot hold a NUL character, and UTF-8 cannot encode a lone (unpaired) UTF-16
// surrogate: either one reaching the database fails the whole statement ("invalid byte sequence for
// encoding UTF8"), a 500 for what is the sender's mistake. Kept free of imports so the web's
// contracts can run the very same check.

/** Whether PostgreSQL can store the string as text: no NUL character and no unpaired surrogate. */
export function storableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/** Why a string cannot be stored, in words the sender can act on; undefined when it can. */
export function unstorableReason(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (!value.isWellFormed()) return 'must not contain an unpaired UTF-16 surrogate (\\ud800–\\udfff alone)';
  return undefined;
}

/** The index of the first character that keeps the string from being stored, or -1 (e.g. to name a CSV line). */
export function firstUnstorableIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return i;
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    }
  }
  return -1;
}

/** Where a string that cannot be stored sits (a JSON pointer) and why. */
export interface UnstorableText {
  readonly path: string;
  readonly reason: string;
}

interface Frame {
  readonly value: unknown;
  readonly key: string;
  readonly parent: Frame | undefined;
  /** How many arrays and objects hold the value. */
  readonly depth: number;
  /** The frame checks an object's key (its value is the key), not what the key holds. */
  readonly isKey?: boolean;
}

/**
 * The first string (or object key) PostgreSQL cannot store inside a JSON-like value, depth first in
 * document order, or undefined. Walks with its own stack, so a body nested 100,000 deep cannot
 * overflow the call stack; only arrays and plain objects are entered (not buffers or dates). With
 * `maxDepth`, an array or object nested deeper is refused too (naming it), because recursive code
 * after the walk (schema defaults and checks, JSON.stringify) would overflow on it.
 */
export function firstUnstorableText(value: unknown, basePath = '', maxDepth = Number.POSITIVE_INFINITY): UnstorableText | undefined {
  return walk(value, basePath, maxDepth, false);
}

/**
 * As `firstUnstorableText`, and also the first whole number beyond ±(2^53 − 1): JSON.parse has already
 * lost its last digits, so no column should take it as the sender's number (and a bigint parameter
 * written as 1.2e+29 fails the statement).
 */
export function firstUnstorable(value: unknown, basePath = '', maxDepth = Number.POSITIVE_INFINITY): UnstorableText | undefined {
  return walk(value, basePath, maxDepth, true);
}

function walk(value: unknown, basePath: string, maxDepth: number, numbers: boolean): UnstorableText | undefined {
  const stack: Frame[] = [{ value, key: '', parent: undefined, depth: 0 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const current = frame.value;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) return { path: basePath + pointerOf(frame), reason: frame.isKey ? `has a key that ${reason}` : reason };
      continue;
    }
    if (typeof current === 'number') {
      if (numbers && Number.isInteger(current) && !Number.isSafeInteger(current)) return { path: basePath + pointerOf(frame), reason: 'must be a whole number between -9007199254740991 and 9007199254740991' };
      continue;
    }
    const isArray = Array.isArray(current);
    if (!isArray && !isPlainObject(current)) continue;
    if (frame.depth >= maxDepth) return { path: basePath + pointerOf(frame), reason: `must not nest arrays and objects more than ${maxDepth} deep` };
    const depth = frame.depth + 1;
    if (isArray) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: String(i), parent: frame, depth });
    } else {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        stack.push({ value: current[key], key, parent: frame, depth });
        stack.push({ value: key, key, parent: frame, depth, isKey: true });
      }
    }
  }
  return undefined;
}

/**
 * Parsed JSON, a query string or a header map: no prototype, Object's, or one whose own prototype is
 * null (fast-querystring's prototype-free `Empty` objects, another realm's Object). Class instances
 * (buffers, dates, streams that may point back at themselves) are not.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/** The JSON pointer of a frame; the offending characters themselves are shown as U+FFFD so the answer stays printable. */
function pointerOf(frame: Frame): string {
  const segments: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) {
    segments.push(at.key.replaceAll('\u0000', '\uFFFD').toWellFormed().replaceAll('~', '~0').replaceAll('/', '~1'));
  }
  return segments.length === 0 ? '' : `/${segments.reverse().join('/')}`;
}
