// Redemption load over several offers and citizens, with QR connections being made (and awarded)
// alongside; every answer kept, then every idempotency key replayed to settle what was in doubt.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, connect, type Actor, type World } from './rewards-world.ts';

/** One redemption request and what it got: status 0 when no answer came (the server was killed). */
export interface Attempt {
  readonly citizen: number;
  readonly offer: number;
  readonly key: string;
  readonly status: number;
  readonly code?: string;
  readonly voucherId?: string;
  /** When the answer (or the failure) came. */
  readonly at: number;
}

/** One QR connection tried under load. */
export interface ConnectionAttempt {
  readonly status: number;
  readonly connectionId?: string;
  readonly at: number;
}

/** Running load: what was answered so far, and a stop that waits for the requests in flight. */
export interface Load {
  readonly attempts: Attempt[];
  readonly connections: ConnectionAttempt[];
  /** Redemptions acknowledged (201) so far. */
  acknowledged(since?: number): number;
  stop(): Promise<void>;
}

/** Requests are spread over client addresses (a new one every 40 requests) so per-address limits do not throttle the load. */
function from(actor: Actor, space: number, index: number, n: number): Actor {
  const batch = Math.floor(n / 40);
  return { ...actor, ip: `10.${space + (batch % 50)}.${Math.floor(index / 200)}.${(index % 200) + 1}` };
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One redeeming worker per citizen over every offer, and two workers making QR connections. */
export function startLoad(url: string, world: World, options: { connectionWorkers?: number } = {}): Load {
  const attempts: Attempt[] = [];
  const connections: ConnectionAttempt[] = [];
  let running = true;
  const redeemers = world.citizens.map(async (citizen, ci) => {
    for (let n = 0; running; n++) {
      const offer = Math.floor(Math.random() * world.offers.length);
      const key = randomUUID();
      const answer = await api(url, from(citizen, 10, ci, n), 'POST', `/rewards/offers/${world.offers[offer]?.id}/redeem`, {}, { 'idempotency-key': key });
      attempts.push({ citizen: ci, offer, key, status: answer.status, code: answer.body.error?.code, voucherId: (answer.body.voucher as { id?: string } | undefined)?.id, at: Date.now() });
      if (answer.status === 0 || answer.status >= 500) await pause(50);
    }
  });
  const connectors = Array.from({ length: options.connectionWorkers ?? 2 }, async (_, w) => {
    for (let n = 0; running; n++) {
      const oi = Math.floor(Math.random() * world.officers.length);
      const ci = Math.floor(Math.random() * world.citizens.length);
      const [officer, citizen] = [world.officers[oi], world.citizens[ci]];
      if (!officer || !citizen) continue;
      const answer = await connect(url, from(officer, 70 + w * 10, oi, n * 4), citizen);
      connections.push({ status: answer.status, connectionId: (answer.body.connection as { id?: string } | undefined)?.id, at: Date.now() });
      await pause(answer.status === 0 || answer.status >= 500 ? 100 : 30);
    }
  });
  return {
    attempts,
    connections,
    acknowledged: (since = 0) => attempts.filter((a) => a.status === 201 && a.at >= since).length,
    async stop() {
      running = false;
      await Promise.all([...redeemers, ...connectors]);
    },
  };
}

/** What every key came to once replayed: the vouchers acknowledged, and how many replays settled a doubt. */
export interface Settled {
  readonly voucherIds: Set<string>;
  readonly inDoubt: number;
  readonly inDoubtCommitted: number;
}

const BUSINESS_REFUSAL = (a: { status: number; code?: string }): boolean => a.status >= 400 && a.status < 500 && a.status !== 429 && a.code !== undefined;

/**
 * Replays every attempt with its own idempotency key. An acknowledged redemption answers the same
 * voucher again; a business refusal is refused the same way; one in doubt (no answer, a 5xx) gets its
 * outcome now, and must not be in doubt any more.
 */
export async function replayEveryKey(url: string, world: World, attempts: readonly Attempt[]): Promise<Settled> {
  const voucherIds = new Set<string>();
  let inDoubt = 0;
  let inDoubtCommitted = 0;
  const byCitizen = world.citizens.map((_, ci) => attempts.filter((a) => a.citizen === ci));
  await Promise.all(byCitizen.map(async (mine, ci) => {
    const citizen = world.citizens[ci];
    assert.ok(citizen);
    for (const [n, attempt] of mine.entries()) {
      const replay = await api(url, from(citizen, 130, ci, n), 'POST', `/rewards/offers/${world.offers[attempt.offer]?.id}/redeem`, {}, { 'idempotency-key': attempt.key });
      const voucherId = (replay.body.voucher as { id?: string } | undefined)?.id;
      if (attempt.status === 201) {
        assert.equal(replay.status, 201, `an acknowledged redemption replays: ${JSON.stringify(replay.body)}`);
        assert.equal(voucherId, attempt.voucherId, 'the same key answers the same voucher');
      } else if (BUSINESS_REFUSAL(attempt)) {
        assert.deepEqual([replay.status, replay.body.error?.code], [attempt.status, attempt.code], 'a key refused for a business reason is refused the same way');
      } else {
        if (attempt.status !== 429) inDoubt++;
        assert.ok(replay.status === 201 || BUSINESS_REFUSAL({ status: replay.status, code: replay.body.error?.code }), `a replay after recovery settles the doubt: ${replay.status} ${JSON.stringify(replay.body)}`);
      }
      if (replay.status === 201 && voucherId) {
        if (attempt.status !== 201 && attempt.status !== 429 && !voucherIds.has(voucherId)) inDoubtCommitted += Number(Date.parse(String((replay.body.voucher as { issuedAt?: string }).issuedAt)) < attempt.at);
        voucherIds.add(voucherId);
      }
    }
  }));
  return { voucherIds, inDoubt, inDoubtCommitted };
}
