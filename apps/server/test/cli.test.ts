import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './support/config.ts';

const bin = path.join(import.meta.dirname, '../bin/heyblue.js');

function heyblue(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const { DATABASE_URL: _db, NATS_URL: _nats, ...rest } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], { env: { ...rest, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('`heyblue migrate` applies pending migrations once, then says the database is up to date', () => {
  const dataDir = tempDir();
  const first = heyblue(['migrate', '--data-dir', dataDir]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Applied:\n {2}platform\/0001-create-outbox-and-inbox\.sql/);
  const second = heyblue(['migrate', '--data-dir', dataDir]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /Database is up to date\./);
});

test('`heyblue keys generate` prints a keyring that distributed mode accepts', () => {
  const result = heyblue(['keys', 'generate']);
  assert.equal(result.status, 0);
  const purposes = (JSON.parse(result.stdout) as { keys: Array<{ purpose: string }> }).keys.map((k) => k.purpose).sort();
  assert.deepEqual(purposes, ['otp-pepper', 'qr-mac', 'token-signing', 'voucher-mac']);
});

test('bad settings stop the server before it starts, with every problem listed (exit 2)', () => {
  const result = heyblue(['serve', '--port', 'abc', '--time-zone', 'Nowhere/Land']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /PORT: must be integer/);
  assert.match(result.stderr, /TIME_ZONE: "Nowhere\/Land" is not an IANA time zone/);
});

test('`heyblue settings` lists every setting with its flag', () => {
  const result = heyblue(['settings']);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /DATA_DIR\s+--data-dir\s+\[\.\/data\]/);
  assert.match(result.stdout, /DATABASE_URL\s+--database-url/);
});

test('`heyblue seed` creates verified officers and citizens without codes, once; production refuses it', () => {
  const dataDir = tempDir();
  const first = heyblue(['seed', '--citizens', '3', '--officers', '2', '--prefix', 'cli', '--data-dir', dataDir]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /3 citizens and 2 verified officers .*, 5 of them new/);
  const again = heyblue(['seed', '--citizens', '3', '--officers', '2', '--prefix', 'cli', '--data-dir', dataDir]);
  assert.match(again.stdout, /0 of them new/);
  const admin = heyblue(['admin', 'create', '--email', 'Ops@Example.org', '--data-dir', dataDir]);
  assert.match(admin.stdout, /ops@example\.org is an admin/);
  const production = heyblue(['seed', '--citizens', '1', '--data-dir', dataDir], { NODE_ENV: 'production', PUBLIC_URL: 'https://heyblue.example', SMTP_URL: 'smtp://127.0.0.1:2525' });
  assert.equal(production.status, 1);
  assert.match(production.stderr, /refused in production/);
});
