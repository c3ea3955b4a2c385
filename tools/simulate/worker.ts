// A load-generator thread: plays its share of the cast (or, for the benchmark's anchor, of the echo
// clients) and reports to the main thread twice a second.
import { parentPort, workerData } from 'node:worker_threads';
import { Person, type Behaviour, type World } from './actors.ts';
import { Api } from './api.ts';
import { SendBoard } from './board.ts';
import { seededRandom } from '../../apps/server/test/support/random.ts';
import { areaOutline, type AreaName } from './city.ts';
import { runEchoClients, type EchoWorkerData } from './echo-anchor.ts';
import { loopMonitor, type LoopHealth } from './loop-health.ts';
import type { Session } from './sessions.ts';
import { Tally, type TallyReport } from './stats.ts';

/** What a simulation worker is given. */
export interface SimWorkerData {
  readonly mode: 'sim';
  readonly url: string;
  /** This worker's people (officers first) and their place in the whole cast. */
  readonly cast: ReadonlyArray<{ readonly session: Session; readonly index: number }>;
  /** Every account id of the cast, in order (for the send board). */
  readonly ids: readonly string[];
  readonly board: SharedArrayBuffer;
  readonly behaviour: Behaviour;
  readonly area: AreaName;
  /** People started per second by this worker. */
  readonly rampPerSecond: number;
  readonly seed: number;
}

/** What a worker tells the main thread. */
export type WorkerReport =
  | { readonly type: 'report'; readonly tally: TallyReport; readonly open: number; readonly started: number; readonly loop: LoopHealth }
  | { readonly type: 'stopped'; readonly refreshed: readonly Session[] };

async function runSimulation(data: SimWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const tally = new Tally();
  const world: World = {
    api: new Api(data.url),
    board: new SendBoard(data.board, data.ids),
    tally,
    behaviour: data.behaviour,
    area: areaOutline(data.area),
    random: seededRandom(data.seed),
    open: { count: 0 },
  };
  const people = data.cast.map(({ session, index }) => new Person(session, index, world));
  const health = loopMonitor();
  let started = 0;
  const report = (): void => port.postMessage({ type: 'report', tally: tally.report(), open: world.open.count, started, loop: health() } satisfies WorkerReport);
  const reporter = setInterval(report, 500);
  let stopping = false;

  port.on('message', async (message: { type: string }) => {
    if (message.type !== 'stop' || stopping) return;
    stopping = true;
    await Promise.allSettled(people.slice(0, started).map((p) => p.stop()));
    clearInterval(reporter);
    report();
    port.postMessage({ type: 'stopped', refreshed: people.filter((p) => p.credentials.refreshed).map((p) => p.credentials.session) } satisfies WorkerReport);
    port.close();
  });

  // Ramp up: one person every 1/rate s, without waiting for the previous one to finish starting.
  const gapMs = 1000 / data.rampPerSecond;
  const begin = Date.now();
  for (const person of people) {
    if (stopping) break;
    const wait = begin + started * gapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    started++;
    person.start().catch(() => tally.count('people.failed'));
  }
}

const data = workerData as SimWorkerData | EchoWorkerData;
if (data.mode === 'sim') await runSimulation(data);
else await runEchoClients(data);
