import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loopbackSource } from './api.ts';
import { refreshDelayMs, tokenTimes } from './credentials.ts';
import { parseOptions } from './options.ts';
import { pickCast, readSessions, seedBatches, writeBackRefreshed, type Session } from './sessions.ts';

const session = (n: number, role: 'citizen' | 'officer'): Session => ({ email: `${role}-${n}@x`, accountId: `${role}-${n}`, role, accessToken: `a${n}`, refreshToken: `r${n}` });
const jwt = (iatS: number, expS: number): string => `h.${Buffer.from(JSON.stringify({ iat: iatS, exp: expS })).toString('base64url')}.s`;

describe('simulator sessions, tokens and options', () => {
  test('seed batches stay under 8,000 events (a citizen one, an officer two, a precinct one) and add up', () => {
    const batches = seedBatches(9500, 500);
    for (const b of batches) assert.ok(b.citizens + 2 * b.officers + 1 <= 8000);
    assert.equal(batches.reduce((n, b) => n + b.citizens, 0), 9500);
    assert.equal(batches.reduce((n, b) => n + b.officers, 0), 500);
    assert.deepEqual(seedBatches(10, 3), [{ citizens: 10, officers: 3 }]);
    assert.deepEqual(seedBatches(0, 9000).map((b) => b.officers), [3999, 3999, 1002]);
  });

  test('the cast is the first officers and citizens of the file; too few is an error that says so', () => {
    const sessions = [session(1, 'citizen'), session(1, 'officer'), session(2, 'citizen'), session(2, 'officer')];
    const cast = pickCast(sessions, 1, 2);
    assert.deepEqual(cast.officers.map((s) => s.accountId), ['officer-1']);
    assert.deepEqual(cast.citizens.map((s) => s.accountId), ['citizen-1', 'citizen-2']);
    assert.throws(() => pickCast(sessions, 3, 0), /2 officers and 2 citizens; asked for 3 and 0/);
  });

  test('refreshed tokens are written back, the other lines kept', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-sessions-')), 's.jsonl');
    fs.writeFileSync(file, `${[session(1, 'citizen'), session(2, 'officer')].map((s) => JSON.stringify(s)).join('\n')}\n`);
    writeBackRefreshed(file, [{ ...session(2, 'officer'), refreshToken: 'new' }]);
    const back = readSessions(file);
    assert.equal(back[0]?.refreshToken, 'r1');
    assert.equal(back[1]?.refreshToken, 'new');
  });

  test('an access token is refreshed in the second half of its life, and at once near its end', () => {
    const token = jwt(1000, 1900);
    assert.deepEqual(tokenTimes(token), { issuedAtMs: 1_000_000, expiresAtMs: 1_900_000 });
    for (const r of [0, 0.5, 0.999]) {
      const at = 1_000_000 + refreshDelayMs(token, 1_000_000, () => r);
      assert.ok(at >= 1_450_000 && at <= 1_765_000, `refresh at ${at}`);
    }
    assert.equal(refreshDelayMs(token, 1_800_000, () => 0.5), 0);
  });

  test('each simulated person calls from their own loopback address', () => {
    assert.equal(loopbackSource(0), '127.1.1.1');
    assert.equal(loopbackSource(251), '127.1.2.2');
    assert.equal(new Set(Array.from({ length: 20_000 }, (_, i) => loopbackSource(i))).size, 20_000);
  });

  test('options: defaults for a demo, and every problem listed at once', () => {
    const defaults = parseOptions([]);
    assert.equal(defaults.officers, 20);
    assert.equal(defaults.citizens, 200);
    assert.equal(defaults.seconds, 60);
    assert.equal(defaults.area, 'midtown');
    assert.throws(() => parseOptions(['--officers', 'many', '--ask', '2', '--url', 'http://x']), (error: Error) =>
      /--officers many/.test(error.message) && /--ask 2/.test(error.message) && /--url needs --sessions-file/.test(error.message));
  });
});
