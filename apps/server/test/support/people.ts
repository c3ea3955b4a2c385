// Seeded, signed-in people and a signed-in admin for end-to-end tests, through the operator commands
// and the real sign-in routes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../src/platform/clock.ts';
import type { Server } from '../../src/composition.ts';
import { tempDir } from './config.ts';

/** A clock that starts at the real time and moves only when told. */
export class TestClock implements Clock {
  #offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}

/** A seeded, signed-in person. */
export interface Person {
  readonly accountId: string;
  readonly token: string;
  readonly role: 'citizen' | 'officer';
}

/** Seeds citizens and verified officers (one seed precinct) through `heyblue seed`, all signed in. */
export async function seedPeople(server: Server, counts: { citizens: number; officers: number; prefix?: string }): Promise<Person[]> {
  const file = path.join(tempDir(), 'sessions.jsonl');
  await server.commands.get('seed.accounts')?.run({ citizens: String(counts.citizens), officers: String(counts.officers), prefix: counts.prefix ?? 'e2e', sessionsFile: file });
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line): Person => {
      const seeded = JSON.parse(line) as { accountId: string; accessToken: string; role: 'citizen' | 'officer' };
      return { accountId: seeded.accountId, token: seeded.accessToken, role: seeded.role };
    });
}

/** Makes `email` an admin and signs them in with the code from the dev outbox. */
export async function signInAdmin(server: Server, email: string): Promise<Person> {
  await server.commands.get('admin.create')?.run({ email });
  return signInByEmail(server, email);
}

/** Signs `email` in with a one-time code read from the dev outbox (a new account on first sign-in). */
export async function signInByEmail(server: Server, email: string, remoteAddress = '10.99.0.1'): Promise<Person> {
  const inject = server.app.inject.bind(server.app);
  const requested = await inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address: email }, remoteAddress });
  assert.equal(requested.statusCode, 202, requested.body);
  const messages = (await inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
  // The dev outbox lists messages newest first: the code just sent is the first one to this address.
  const code = /\b(\d{6})\b/.exec(messages.find((m) => m.to === email)?.text ?? '')?.[1] ?? '';
  const verified = await inject({ method: 'POST', url: `/api/v1/auth/codes/${requested.json().challengeId}/verify`, payload: { code }, remoteAddress });
  assert.equal(verified.statusCode, 200, verified.body);
  return { accountId: verified.json().account.id, token: verified.json().accessToken, role: 'citizen' };
}
