// The load generator seen from the main thread: worker threads that each play a share of the cast (or of
// the echo clients), and the running totals of what they report.
import { Worker } from 'node:worker_threads';
import type { Behaviour } from './actors.ts';
import { SendBoard } from './board.ts';
import type { AreaName } from './city.ts';
import type { EchoWorkerData } from './echo-anchor.ts';
import type { Session } from './sessions.ts';
import { addCounts, Samples, type Counts } from './stats.ts';
import type { SimWorkerData, WorkerReport } from './worker.ts';

/** Who plays, against which server, in how many threads. */
export interface FleetPlan {
  readonly url: string;
  readonly officers: readonly Session[];
  readonly citizens: readonly Session[];
  readonly workers: number;
  readonly behaviour: Behaviour;
  readonly area: AreaName;
  /** People (sockets) started per second, over all workers. */
  readonly rampPerSecond: number;
  readonly seed: number;
}

/** What was measured since the last reset (a snapshot: later reports do not change it). */
export interface Measures {
  readonly sinceMs: number;
  readonly counts: Counts;
  /** Latencies (ms) from a fix sent to the `nearby.entered` it caused. */
  readonly entered: Float64Array;
  /** Latencies (ms) from a fix sent to any push it caused (or, for echo clients, to the echo). */
  readonly pushes: Float64Array;
  /** The worst event-loop delay p99 and max seen in any load-generator thread (ms). */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

const workerFile = new URL('./worker.ts', import.meta.url);

/** Worker threads generating load, and what they report. */
export class Fleet {
  readonly #workers: Worker[];
  readonly #open: number[];
  readonly #started: number[];
  readonly #utilization: number[];
  readonly #stopped: Array<Promise<readonly Session[]>>;
  /** Everything counted since the start. */
  readonly totals: Counts = {};
  #measures: { sinceMs: number; counts: Counts; entered: Samples; pushes: Samples; loopDelayP99Ms: number; loopDelayMaxMs: number };
  #failure: Error | undefined;

  private constructor(data: ReadonlyArray<SimWorkerData | EchoWorkerData>) {
    this.#measures = Fleet.#fresh();
    this.#open = data.map(() => 0);
    this.#started = data.map(() => 0);
    this.#utilization = data.map(() => 0);
    this.#workers = data.map((d) => new Worker(workerFile, { workerData: d }));
    this.#stopped = this.#workers.map((worker, w) => new Promise((resolve) => {
      let refreshed: readonly Session[] = [];
      worker.on('message', (message: WorkerReport) => {
        if (message.type === 'stopped') refreshed = message.refreshed;
        else this.#take(w, message);
      });
      worker.on('error', (error) => (this.#failure ??= error));
      worker.on('exit', () => resolve(refreshed));
    }));
  }

  /** Starts the simulation's people, spread round-robin over the workers (officers start first in each). */
  static simulate(plan: FleetPlan): Fleet {
    const cast = [...plan.officers, ...plan.citizens];
    const ids = cast.map((s) => s.accountId);
    const board = SendBoard.buffer(cast.length);
    const workers = Math.max(1, plan.workers);
    return new Fleet(Array.from({ length: workers }, (_, w): SimWorkerData => ({
      mode: 'sim',
      url: plan.url,
      cast: cast.map((session, index) => ({ session, index })).filter(({ index }) => index % workers === w),
      ids,
      board,
      behaviour: plan.behaviour,
      area: plan.area,
      rampPerSecond: plan.rampPerSecond / workers,
      seed: plan.seed + w,
    })));
  }

  /** Starts `sockets` echo clients of the echo server at `url`, spread over the workers. */
  static echo(options: { url: string; sockets: number; workers: number; rampPerSecond: number; seed: number }): Fleet {
    const workers = Math.max(1, options.workers);
    return new Fleet(Array.from({ length: workers }, (_, w): EchoWorkerData => ({
      mode: 'echo',
      url: options.url,
      sockets: Math.floor(options.sockets / workers) + (w < options.sockets % workers ? 1 : 0),
      rampPerSecond: options.rampPerSecond / workers,
      seed: options.seed + w,
    })));
  }

  static #fresh() {
    return { sinceMs: Date.now(), counts: {}, entered: new Samples(), pushes: new Samples(), loopDelayP99Ms: 0, loopDelayMaxMs: 0 };
  }

  /** Sockets open now. */
  get open(): number {
    return this.#open.reduce((a, b) => a + b, 0);
  }

  /** People (or echo sockets) started so far. */
  get started(): number {
    return this.#started.reduce((a, b) => a + b, 0);
  }

  /** Each worker's event-loop utilization (0..1) over its last half second. */
  get utilization(): readonly number[] {
    return this.#utilization;
  }

  /** A worker that crashed, if any. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  measures(): Measures {
    const m = this.#measures;
    return { sinceMs: m.sinceMs, counts: { ...m.counts }, entered: m.entered.values(), pushes: m.pushes.values(), loopDelayP99Ms: m.loopDelayP99Ms, loopDelayMaxMs: m.loopDelayMaxMs };
  }

  /** How many push latencies were recorded since the last reset (cheaper than a snapshot). */
  get pushesTimed(): number {
    return this.#measures.pushes.length;
  }

  /** Starts measuring afresh (e.g. when the ramp-up is over). */
  resetMeasures(): void {
    this.#measures = Fleet.#fresh();
  }

  /** Tells every worker something (`paced`, `flood` for echo clients). */
  tell(type: string): void {
    for (const worker of this.#workers) worker.postMessage({ type });
  }

  /** Polls `done` every 200 ms until true or the time is up (false). */
  async waitFor(done: (fleet: Fleet) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.#failure) throw this.#failure;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  }

  /** Stops every person (closing sockets and windows) and returns the sessions whose tokens were refreshed. */
  async stop(): Promise<Session[]> {
    for (const worker of this.#workers) worker.postMessage({ type: 'stop' });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
    const all = Promise.all(this.#stopped).then((lists) => lists.flat());
    const refreshed = await Promise.race([all, timeout.then(() => undefined)]);
    if (refreshed === undefined) await Promise.all(this.#workers.map((w) => w.terminate()));
    return refreshed ?? [];
  }

  #take(w: number, message: Extract<WorkerReport, { type: 'report' }>): void {
    this.#open[w] = message.open;
    this.#started[w] = message.started;
    this.#utilization[w] = message.loop.utilization;
    addCounts(this.totals, message.tally.counts);
    const m = this.#measures;
    addCounts(m.counts, message.tally.counts);
    m.entered.pushAll(message.tally.entered);
    m.pushes.pushAll(message.tally.pushes);
    m.loopDelayP99Ms = Math.max(m.loopDelayP99Ms, message.loop.delayP99Ms);
    m.loopDelayMaxMs = Math.max(m.loopDelayMaxMs, message.loop.delayMaxMs);
  }
}
