// What the profiles e2e tests share: a composed server on in-memory PGlite, sign-in through the dev
// outbox, event delivery on demand, and multipart uploads built the way a browser builds them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Server } from '../../composition.ts';
import type { EventCatalog } from '../../platform/events/event-catalog.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { formWith } from '../../../test/support/uploads.ts';

export { aPicture, formWith, type FormPart } from '../../../test/support/uploads.ts';

/** A signed-in person. */
export interface Session {
  readonly accessToken: string;
  readonly accountId: string;
}

/** Authorization headers for a session; none for an anonymous caller. */
export function auth(session: Session | null): Record<string, string> {
  return session ? { authorization: `Bearer ${session.accessToken}` } : {};
}

/** The error code of an answer. */
export function codeOf(response: { json(): { error?: { code?: string } } }): string | undefined {
  return response.json().error?.code;
}

/** Starts a server with the product's modules plus a fixture that hands out the unit of work, to emit events as another module would. */
export async function startProfilesHarness() {
  let emitter: UnitOfWork<EventCatalog> | undefined;
  const server: Server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '10000' }, {
    extraModules: [{ name: 'profiles-test-emitter', create: (deps) => ((emitter = deps.unitOfWork), {}) }],
  });
  await server.app.ready();
  let clients = 0;
  let people = 0;

  const harness = {
    server,
    stop: () => server.stop('test over'),

    /** Each call comes from its own client address, so per-client limits do not leak between tests. */
    nextClient(): string {
      clients++;
      return `10.3.${Math.floor(clients / 250)}.${clients % 250}`;
    },

    /** Relays every pending event to its consumers, as the running relay would. */
    async deliverEvents(): Promise<void> {
      while ((await server.relay.runOnce()) > 0);
    },

    /** Emits events in a unit of work of their own, as the module owning them would. */
    emit(work: Parameters<UnitOfWork<EventCatalog>>[1]): Promise<unknown> {
      assert.ok(emitter, 'the emitter fixture is composed');
      return emitter({ actorId: null, correlationId: randomUUID(), causationId: null }, work);
    },

    /** Signs in by email code through the dev outbox; the account's events are not delivered yet. */
    async signIn(address = `person${++people}@example.org`): Promise<Session> {
      const requested = await server.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address }, remoteAddress: harness.nextClient() });
      assert.equal(requested.statusCode, 202, requested.body);
      const outbox = await server.app.inject('/api/v1/dev/outbox');
      const message = outbox.json<{ messages: Array<{ to: string; text: string }> }>().messages.find((m) => m.to === address);
      const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
      assert.ok(code, `no code was sent to ${address}`);
      const verified = await server.app.inject({ method: 'POST', url: `/api/v1/auth/codes/${requested.json().challengeId}/verify`, payload: { code } });
      assert.equal(verified.statusCode, 200, verified.body);
      return { accessToken: verified.json().accessToken, accountId: verified.json().account.id };
    },

    /** A signed-in person whose profile the account-created event has made. */
    async newcomer(): Promise<Session> {
      const session = await harness.signIn();
      await harness.deliverEvents();
      return session;
    },

    get(session: Session | null, url: string, headers: Record<string, string> = {}) {
      return server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...auth(session), ...headers } });
    },

    patchMe(session: Session, payload: Record<string, unknown>) {
      return server.app.inject({ method: 'PATCH', url: '/api/v1/profiles/me', headers: auth(session), payload, remoteAddress: harness.nextClient() });
    },

    /** PUTs a body to the caller's avatar. */
    putAvatar(session: Session, body: Buffer | string, contentType: string) {
      return server.app.inject({ method: 'PUT', url: '/api/v1/profiles/me/avatar', headers: { ...auth(session), 'content-type': contentType }, payload: body, remoteAddress: harness.nextClient() });
    },

    /** Uploads one file as the caller's avatar, the way a browser form would. */
    async upload(session: Session, bytes: Uint8Array, filename = 'avatar.png', type = 'image/png') {
      const { body, contentType } = await formWith([{ name: 'avatar', file: { bytes, filename, type } }]);
      return harness.putAvatar(session, body, contentType);
    },

    async profileRow(accountId: string): Promise<{ display_name: string } | undefined> {
      const rows = await sql<{ display_name: string }>`select display_name from profiles.profiles where account_id = ${accountId}`.execute(server.database.db);
      return rows.rows[0];
    },

    async eventsOf(accountId: string, type: string): Promise<unknown[]> {
      const rows = await sql<{ payload: unknown }>`select payload from platform.outbox where type = ${type} and payload->>'accountId' = ${accountId} order by seq`.execute(server.database.db);
      return rows.rows.map((r) => r.payload);
    },
  };
  return harness;
}

/** The harness the tests drive. */
export type ProfilesHarness = Awaited<ReturnType<typeof startProfilesHarness>>;
