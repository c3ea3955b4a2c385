import { decodeVerifiedSignIn } from './auth.ts';
import type { VerifiedSignIn } from './auth.ts';
import { apiPost } from './http.ts';

/** Redeems the first-admin link a new development server prints: the email becomes an admin, signed in. */
export function redeemFirstAdminLink(token: string, email: string): Promise<VerifiedSignIn> {
  return apiPost('/api/v1/auth/first-admin', { token, email }, { decode: decodeVerifiedSignIn });
}
