import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';

/** Display names are counted in characters (Unicode code points), as PostgreSQL's char_length does. */
export const DISPLAY_NAME_MAX = 40;

// Control characters break layouts and logs; bidi overrides and isolates let a name pose as another.
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const SUFFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A display name as stored: NFC, trimmed, runs of spaces made one; 1–40 characters and no control
 * characters, or PROFILES_DISPLAY_NAME_INVALID.
 */
export function normaliseDisplayName(raw: string): string {
  if (FORBIDDEN.test(raw)) throw new AppError('PROFILES_DISPLAY_NAME_INVALID', 'A display name cannot contain control characters.', { reason: 'control-characters' });
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const length = [...name].length;
  if (length < 1 || length > DISPLAY_NAME_MAX) throw new AppError('PROFILES_DISPLAY_NAME_INVALID', undefined, { reason: length < 1 ? 'empty' : 'too-long', max: DISPLAY_NAME_MAX });
  return name;
}

const DEMO_GIVEN = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Rosa', 'Malik', 'Priya', 'Diego', 'Amara', 'Chen', 'Lucía', 'Omar', 'Hana', 'Tomás'];
const DEMO_INITIALS = 'ABCDEFGHJKLMNPRSTVW';

/** A made-up name for a seeded (demo or test) account, like "Rosa M.": the same account always gets the same one. */
export function demoDisplayName(accountId: string): string {
  const digest = createHash('sha256').update(`demo:${accountId}`).digest();
  return `${DEMO_GIVEN[(digest[0] ?? 0) % DEMO_GIVEN.length]} ${DEMO_INITIALS[(digest[1] ?? 0) % DEMO_INITIALS.length]}.`;
}

/**
 * The name a new profile starts with: "Neighbour" and four characters derived from the account id,
 * never from the email or phone, so nothing personal shows before the person picks a name. The same
 * account always gets the same name, so the event consumer and a first read agree.
 */
export function defaultDisplayName(accountId: string): string {
  const digest = createHash('sha256').update(accountId).digest();
  const suffix = [...digest.subarray(0, 4)].map((byte) => SUFFIX_ALPHABET[byte % SUFFIX_ALPHABET.length]).join('');
  return `Neighbour ${suffix}`;
}
