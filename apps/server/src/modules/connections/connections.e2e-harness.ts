// A listening server with seeded, signed-in officers and citizens, a clock the test moves, and
// websocket clients that keep every message — for connections' end-to-end tests.
import type { Response } from 'light-my-request';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { seedPeople, signInAdmin, TestClock, type Person } from '../../../test/support/people.ts';
import { LiveClient } from '../../../test/support/live-client.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { createConnectionsModule, type ConnectionsProbe } from './index.ts';

export { LiveClient, TestClock, type Person };

/** Everything a connections test needs. */
export interface Stage {
  readonly server: Server;
  readonly url: string;
  readonly clock: TestClock;
  readonly probe: ConnectionsProbe;
  readonly officers: readonly Person[];
  readonly citizens: readonly Person[];
  readonly admin: Person;
  call(person: Person | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<Response>;
  live(person: Person): Promise<LiveClient>;
  /** Sends a fix at the stage clock's time and moves the clock a second on (so the next one is not dropped as too frequent). */
  fix(client: LiveClient, lat: number, lon: number, accuracy?: number): void;
  close(): Promise<void>;
}

/** Starts a listening server with `officers` verified officers and `citizens` citizens, all signed in. */
export async function startStage(options: { officers: number; citizens: number; settings?: Record<string, string>; logger?: import('pino').Logger; clock?: TestClock }): Promise<Stage> {
  const clock = options.clock ?? new TestClock();
  const probe: ConnectionsProbe = { map: undefined };
  const server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '100000', ...options.settings }, { clock, product: { connections: createConnectionsModule(probe) }, ...(options.logger ? { logger: options.logger } : {}) });
  const url = await server.listen();
  const people = await seedPeople(server, { citizens: options.citizens, officers: options.officers });
  const call: Stage['call'] = async (person, method, route, payload) =>
    server.app.inject({ method, url: `/api/v1${route}`, headers: person ? { authorization: `Bearer ${person.token}` } : {}, ...(payload ? { payload } : {}) });
  const officers = people.filter((p) => p.role === 'officer');
  // The officers are verified when identity's event reaches connections through the relay.
  await waitUntil(async () => (await call(officers.at(-1), 'GET', '/connections/availability')).statusCode === 200, 10_000, 'officers known to connections');
  const clients: LiveClient[] = [];
  return {
    server,
    url,
    clock,
    probe,
    officers,
    citizens: people.filter((p) => p.role === 'citizen'),
    admin: await signInAdmin(server, 'admin@e2e.example'),
    call,
    async live(person) {
      const client = new LiveClient(url, person.token);
      clients.push(client);
      await client.opened;
      await client.next('welcome');
      return client;
    },
    fix(client, lat, lon, accuracy = 10) {
      client.send({ type: 'location', lat, lon, accuracy, at: clock.now().getTime() });
      clock.advance(1000);
    },
    async close() {
      for (const client of clients) await client.close();
      await server.stop('test finished');
    },
  };
}

/** Metres north/east of a point, in degrees. */
export function offset(lat: number, lon: number, northM: number, eastM: number): { lat: number; lon: number } {
  return { lat: lat + northM / 111_320, lon: lon + eastM / (111_320 * Math.cos((lat * Math.PI) / 180)) };
}
