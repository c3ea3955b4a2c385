import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sign, verify } from 'node:crypto';
import { test } from 'node:test';
import { generateKeyringJson, keyringFromJson, loadOrCreateKeyring } from './keyring.ts';

test('embedded mode generates keys into the data folder on first start and reuses them after', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
  const first = loadOrCreateKeyring(dir);
  const file = path.join(dir, 'keys.json');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  const second = loadOrCreateKeyring(dir);
  assert.equal(second.secret('otp-pepper').kid, first.secret('otp-pepper').kid);
  assert.equal(second.secret('otp-pepper').bytes.length, 32);
  fs.rmSync(dir, { recursive: true });
});

test('signing keys sign and verify, and every key has an id', () => {
  const keyring = keyringFromJson(generateKeyringJson());
  const key = keyring.signing('token-signing');
  assert.match(key.kid, /^token-signing-/);
  const signature = sign(null, Buffer.from('hello'), key.privateKey);
  assert.ok(verify(null, Buffer.from('hello'), key.publicKey, signature));
});

test('a configured keyring missing a purpose is refused with the purposes named', () => {
  const json = JSON.stringify({ keys: JSON.parse(generateKeyringJson()).keys.filter((k: { purpose: string }) => k.purpose !== 'qr-mac') });
  assert.throws(() => keyringFromJson(json), /qr-mac/);
  assert.throws(() => keyringFromJson('not json'), /not valid JSON/);
});

test('after rotation the newest key signs and older ones still verify', () => {
  const old = JSON.parse(generateKeyringJson());
  const newer = JSON.parse(generateKeyringJson());
  for (const k of newer.keys) k.createdAt = '2999-01-01T00:00:00.000Z';
  const keyring = keyringFromJson(JSON.stringify({ keys: [...old.keys, ...newer.keys] }));
  assert.equal(keyring.secret('voucher-mac').kid, newer.keys.find((k: { purpose: string }) => k.purpose === 'voucher-mac').kid);
  assert.equal(keyring.secrets('voucher-mac').length, 2);
  assert.equal(keyring.verifiers('token-signing').length, 2);
});
