import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** Key purposes: secrets for MACs and peppers, key pairs for signatures. */
export const SECRET_PURPOSES = ['otp-pepper', 'qr-mac', 'voucher-mac'] as const;
export const SIGNING_PURPOSES = ['token-signing'] as const;
export type SecretPurpose = (typeof SECRET_PURPOSES)[number];
export type SigningPurpose = (typeof SIGNING_PURPOSES)[number];

const StoredKey = Type.Object({
  kid: Type.String({ minLength: 4 }),
  purpose: Type.String(),
  createdAt: Type.String(),
  /** base64url secret (MAC / pepper keys). */
  secret: Type.Optional(Type.String({ minLength: 43 })),
  /** Ed25519 private key as JWK (signing keys). */
  privateJwk: Type.Optional(Type.Object({ kty: Type.String(), crv: Type.String(), x: Type.String(), d: Type.String() })),
});
const StoredKeyring = Type.Object({ keys: Type.Array(StoredKey) });
type StoredKeyring = Static<typeof StoredKeyring>;

/** A secret with its id, so MACs and peppers can rotate. */
export interface Secret {
  readonly kid: string;
  readonly bytes: Buffer;
}

/** A signing key pair with its id. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The server's keys: the newest of each purpose signs, all of them verify. */
export interface Keyring {
  secret(purpose: SecretPurpose): Secret;
  secrets(purpose: SecretPurpose): readonly Secret[];
  signing(purpose: SigningPurpose): SigningKey;
  verifiers(purpose: SigningPurpose): readonly SigningKey[];
}

/** A fresh keyring with one key of each purpose, as JSON (for `heyblue keys generate` and first start). */
export function generateKeyringJson(existing?: StoredKeyring): string {
  const keys = [...(existing?.keys ?? [])];
  const now = new Date().toISOString();
  for (const purpose of SECRET_PURPOSES) {
    if (!keys.some((k) => k.purpose === purpose)) keys.push({ kid: newKid(purpose), purpose, createdAt: now, secret: randomBytes(32).toString('base64url') });
  }
  for (const purpose of SIGNING_PURPOSES) {
    if (keys.some((k) => k.purpose === purpose)) continue;
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    keys.push({ kid: newKid(purpose), purpose, createdAt: now, privateJwk: { kty: String(jwk.kty), crv: String(jwk.crv), x: String(jwk.x), d: String(jwk.d) } });
  }
  return JSON.stringify({ keys }, null, 2);
}

/** Embedded mode: reads `keys.json` in the data folder, generating it (0600) or its missing purposes on first start. */
export function loadOrCreateKeyring(dataDir: string): Keyring {
  const file = path.join(dataDir, 'keys.json');
  fs.mkdirSync(dataDir, { recursive: true });
  const existing = fs.existsSync(file) ? parseKeyring(fs.readFileSync(file, 'utf8'), file) : undefined;
  const json = generateKeyringJson(existing);
  if (!existing || json !== JSON.stringify(existing, null, 2)) {
    fs.writeFileSync(`${file}.tmp`, json, { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }
  return keyringFrom(parseKeyring(json, file));
}

/** Distributed mode: the keyring comes from configuration and must hold every purpose. */
export function keyringFromJson(json: string): Keyring {
  const stored = parseKeyring(json, 'KEYS');
  const missing = [...SECRET_PURPOSES, ...SIGNING_PURPOSES].filter((p) => !stored.keys.some((k) => k.purpose === p));
  if (missing.length > 0) throw new Error(`KEYS lacks keys for: ${missing.join(', ')} (make a full keyring with \`heyblue keys generate\`)`);
  return keyringFrom(stored);
}

function parseKeyring(json: string, source: string): StoredKeyring {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`${source}: keyring is not valid JSON`);
  }
  if (!Value.Check(StoredKeyring, value)) throw new Error(`${source}: keyring does not have the expected shape`);
  return value;
}

function keyringFrom(stored: StoredKeyring): Keyring {
  const newestFirst = [...stored.keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const secrets = (purpose: string): Secret[] =>
    newestFirst.filter((k) => k.purpose === purpose && k.secret).map((k) => ({ kid: k.kid, bytes: Buffer.from(k.secret ?? '', 'base64url') }));
  const pairs = (purpose: string): SigningKey[] =>
    newestFirst.flatMap((k) => {
      if (k.purpose !== purpose || !k.privateJwk) return [];
      const privateKey = createPrivateKey({ key: k.privateJwk, format: 'jwk' });
      return [{ kid: k.kid, privateKey, publicKey: createPublicKey(privateKey) }];
    });
  const first = <T>(list: T[], purpose: string): T => {
    const item = list[0];
    if (item === undefined) throw new Error(`no key for ${purpose}`);
    return item;
  };
  const secretMap = new Map(SECRET_PURPOSES.map((p) => [p, secrets(p)]));
  const pairMap = new Map(SIGNING_PURPOSES.map((p) => [p, pairs(p)]));
  return {
    secret: (purpose) => first(secretMap.get(purpose) ?? [], purpose),
    secrets: (purpose) => secretMap.get(purpose) ?? [],
    signing: (purpose) => first(pairMap.get(purpose) ?? [], purpose),
    verifiers: (purpose) => pairMap.get(purpose) ?? [],
  };
}

function newKid(purpose: string): string {
  return `${purpose}-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
}
