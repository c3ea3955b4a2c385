import type { Account } from '../../api/auth.ts';

/** How to call the account: its email, else its phone number. */
export function accountLabel(account: Pick<Account, 'email' | 'phone' | 'id'>): string {
  return account.email ?? account.phone ?? account.id;
}

/** One character for an avatar: the first letter of the email, or "#" for a phone number. */
export function accountInitial(account: Pick<Account, 'email' | 'phone'>): string {
  const first = account.email?.trim().charAt(0);
  return first ? first.toLocaleUpperCase() : '#';
}
