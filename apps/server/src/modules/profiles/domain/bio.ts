import { AppError } from '../../../platform/errors/app-error.ts';

/** Bios are counted in characters (Unicode code points), as PostgreSQL's char_length does. */
export const BIO_MAX = 280;

// Line breaks are welcome in a bio; other control characters are not.
const FORBIDDEN = /[^\P{Cc}\n]/u;

/**
 * A bio as stored: NFC, Windows line ends made `\n`, trimmed, at most one blank line in a row; null
 * when nothing is left. More than 280 characters or a control character: PROFILES_BIO_INVALID.
 */
export function normaliseBio(raw: string): string | null {
  const bio = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim().replace(/\n{3,}/g, '\n\n');
  if (FORBIDDEN.test(bio)) throw new AppError('PROFILES_BIO_INVALID', 'A bio cannot contain control characters other than line breaks.', { reason: 'control-characters' });
  if ([...bio].length > BIO_MAX) throw new AppError('PROFILES_BIO_INVALID', undefined, { reason: 'too-long', max: BIO_MAX });
  return bio === '' ? null : bio;
}
