import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Secret } from '../../../platform/keys/keyring.ts';

/**
 * Seals voucher codes at rest with AES-256-GCM under a key derived (HKDF) from the keyring's
 * voucher-mac secrets: the database holds only the code's hash for lookup and this sealed copy for
 * showing the code to its holder again. Sealed text is `<kid>.<iv>.<tag>.<ciphertext>` (base64url).
 */
export function voucherSeal(secrets: () => { signing: Secret; all: readonly Secret[] }) {
  // Derived once per secret (HKDF on every redemption was ~3% of its CPU); a rotated secret is a new object, so it gets its own.
  const derived = new WeakMap<Buffer, Buffer>();
  const keyOf = (secret: Secret): Buffer => {
    let key = derived.get(secret.bytes);
    if (!key) derived.set(secret.bytes, (key = Buffer.from(hkdfSync('sha256', secret.bytes, Buffer.alloc(0), 'heyblue voucher seal', 32))));
    return key;
  };
  return {
    close(text: string): string {
      const { signing } = secrets();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(signing), iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return [signing.kid, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed: string): string {
      const [kid, iv, tag, body] = sealed.split('.');
      const secret = secrets().all.find((s) => s.kid === kid);
      if (!secret || !iv || !tag || !body) throw new Error('a voucher code was sealed with a key this server does not hold');
      const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
