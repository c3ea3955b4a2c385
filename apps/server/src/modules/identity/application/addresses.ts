import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../../../platform/errors/app-error.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** The canonical form of an address, or IDENTITY_ADDRESS_INVALID: emails lower-cased, phones in E.164. */
export function normalizeAddress(channel: 'email' | 'sms', raw: string): string {
  const value = raw.trim();
  if (channel === 'email') {
    const email = value.toLowerCase();
    if (email.length > 254 || !EMAIL.test(email)) throw new AppError('IDENTITY_ADDRESS_INVALID', 'That email address does not look right.');
    return email;
  }
  const phone = parsePhoneNumberFromString(value);
  if (!phone?.isValid()) throw new AppError('IDENTITY_ADDRESS_INVALID', 'Enter the phone number in international format, e.g. +1 202 555 0143.');
  return phone.number;
}
