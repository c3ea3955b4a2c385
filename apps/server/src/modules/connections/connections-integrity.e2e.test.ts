// Integrity of the live path end to end: a phone that stops sharing (or drops its socket) between fixes
// wins nothing. Its allowance of fixes and its last trusted fix survive `location.stop` and a new
// socket, so teleports sent at six fixes a second are refused, dropped and flagged exactly as they
// are without the stops — and the memory of them goes after ten minutes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { waitUntil } from '../../../test/support/wait.ts';
import { offset, startStage, TestClock, type LiveClient, type Person, type Stage } from './connections.e2e-harness.ts';

// Times Square, and 9.3 km east of it: a jump every sixth of a second is ~200,000 km/h.
const SQUARE = { lat: 40.758, lon: -73.9855 };
const FAR = offset(SQUARE.lat, SQUARE.lon, 0, 9300);
const FIXES = 30;
const EVERY_MS = 167;
/** The gateway takes 20 messages a second from a socket (real time): one message in 50 ms keeps under it. */
const GATEWAY_MS_PER_MESSAGE = 50;

/** A clock that moves only when told (the stage's follows real time, which would make the runs differ by how long the test waited). */
class SteppedClock extends TestClock {
  #at = Date.now();
  override now(): Date {
    return new Date(this.#at);
  }
  override advance(ms: number): void {
    this.#at += ms;
  }
}
const OUTCOMES = ['accepted', 'dropped', 'CONNECTIONS_LOCATION_FLAGGED', 'CONNECTIONS_LOCATION_TOO_FREQUENT'];

type Between = 'nothing' | 'location.stop' | 'a new socket';

describe('location integrity across stops and sockets', () => {
  let stage: Stage;
  before(async () => {
    stage = await startStage({ officers: 1, citizens: 3, clock: new SteppedClock() });
  });
  after(() => stage.close());

  /** Counts of fix outcomes so far, from the server's metrics. */
  const outcomeCounts = async (): Promise<Record<string, number>> => {
    const text = (await stage.server.app.inject({ method: 'GET', url: '/metrics' })).body;
    return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, Number(new RegExp(`heyblue_location_fixes_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0)]));
  };

  /** Waits until the server has handled everything sent on this socket (a ping is answered after them). */
  const settled = async (client: LiveClient): Promise<void> => {
    const since = client.messages.length;
    client.send({ type: 'ping' });
    await client.next('pong', () => true, since);
  };

  /** Sends the teleporting fixes, doing `between` after each; returns what became of them and whether the far point was ever used. */
  const teleport = async (citizen: Person, between: Between): Promise<{ outcomes: Record<string, number>; usedFar: boolean }> => {
    const before = await outcomeCounts();
    let client = await stage.live(citizen);
    let usedFar = false;
    for (let i = 0; i < FIXES; i++) {
      const point = i % 2 === 0 ? SQUARE : FAR;
      client.send({ type: 'location', ...point, accuracy: 10, at: stage.clock.now().getTime() });
      if (between === 'location.stop') client.send({ type: 'location.stop' });
      await settled(client);
      if (between !== 'a new socket') await new Promise((resolve) => setTimeout(resolve, (between === 'location.stop' ? 3 : 2) * GATEWAY_MS_PER_MESSAGE));
      usedFar ||= stage.probe.map?.fixOf(citizen.accountId)?.lon === FAR.lon;
      if (between === 'a new socket') {
        await client.close();
        client = await stage.live(citizen);
      }
      stage.clock.advance(EVERY_MS);
    }
    await client.close();
    const counts = await outcomeCounts();
    return { outcomes: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, (counts[outcome] ?? 0) - (before[outcome] ?? 0)])), usedFar };
  };

  const flagsOf = async (citizen: Person): Promise<Array<{ kind: string; speedKmh: number }>> =>
    (await stage.call(stage.admin, 'GET', '/connections/fraud-flags')).json().items.filter((f: { accountId: string }) => f.accountId === citizen.accountId);

  test('teleports at six fixes a second are refused, dropped and flagged alike with and without location.stop or a new socket between them', async () => {
    const [steady, stopping, reconnecting] = stage.citizens;
    assert.ok(steady && stopping && reconnecting);
    const without = await teleport(steady, 'nothing');
    stage.clock.advance(5 * 60_000);
    const withStops = await teleport(stopping, 'location.stop');
    stage.clock.advance(5 * 60_000);
    const withSockets = await teleport(reconnecting, 'a new socket');

    assert.equal(without.usedFar, false, 'the far point is never used');
    assert.ok((without.outcomes.accepted ?? 0) <= 3 + (FIXES * EVERY_MS) / 1000, `at most the burst and one a second: ${JSON.stringify(without.outcomes)}`);
    assert.ok((without.outcomes.CONNECTIONS_LOCATION_FLAGGED ?? 0) >= 1 && (without.outcomes.dropped ?? 0) >= FIXES / 2, JSON.stringify(without.outcomes));
    assert.deepEqual(withStops, without, 'location.stop between fixes changes nothing');
    assert.deepEqual(withSockets, without, 'a new socket between fixes changes nothing');
    for (const citizen of [steady, stopping, reconnecting]) {
      await waitUntil(async () => (await flagsOf(citizen)).length === 1, 5000, 'one flag each');
      const [flag] = await flagsOf(citizen);
      assert.equal(flag?.kind, 'impossible-travel');
      assert.ok((flag?.speedKmh ?? 0) > 30_000, `${flag?.speedKmh} km/h`);
    }
  });

  test('the fix memory keeps a stopped person’s last trusted fix for ten minutes, then forgets it', async () => {
    const [citizen] = stage.citizens;
    assert.ok(citizen);
    const hub = stage.probe.hub;
    assert.ok(hub);
    stage.clock.advance(10 * 60_000);
    const client = await stage.live(citizen);
    const spot = offset(SQUARE.lat, SQUARE.lon, 123.4, 56.7);
    client.send({ type: 'location', ...spot, accuracy: 10, at: stage.clock.now().getTime() });
    client.send({ type: 'location.stop' });
    await settled(client);
    await client.close();
    assert.equal(stage.probe.map?.holdsCoordinate(spot.lat), false, 'stopped: off the live map');
    assert.equal(hub.remembersCoordinate(spot.lat), true, 'but remembered, to judge the next fix');
    stage.clock.advance(9 * 60_000);
    hub.sweep();
    assert.equal(hub.remembersCoordinate(spot.lat), true, 'nine minutes on');
    const far = offset(spot.lat, spot.lon, 0, 30_000);
    const again = await stage.live(citizen);
    again.send({ type: 'location', ...far, accuracy: 10, at: stage.clock.now().getTime() });
    assert.equal((await again.next('location.rejected')).code, 'CONNECTIONS_LOCATION_FLAGGED', '30 km in nine minutes is 200 km/h');
    stage.clock.advance(60_001);
    hub.sweep();
    assert.equal(hub.remembersCoordinate(spot.lat), false, 'ten minutes after the last fix, forgotten');
    const since = again.messages.length;
    again.send({ type: 'location', ...far, accuracy: 10, at: stage.clock.now().getTime() });
    await settled(again);
    assert.equal(again.messages.slice(since).some((m) => m.type === 'location.rejected'), false, 'a fresh start');
    await again.close();
  });
});
