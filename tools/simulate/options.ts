// The simulator's command line, validated once with every problem listed.
import { parseArgs } from 'node:util';
import type { Behaviour } from './actors.ts';
import type { AreaName } from './city.ts';

/** A run of the simulator. */
export interface SimulateOptions {
  readonly officers: number;
  readonly citizens: number;
  readonly seconds: number;
  readonly workers: number;
  /** An existing server to drive (with `sessionsFile`); without it the simulator runs its own. */
  readonly url: string | undefined;
  readonly sessionsFile: string | undefined;
  /** Where its own server keeps its data (kept afterwards); a temporary directory when not given. */
  readonly dataDir: string | undefined;
  readonly prefix: string;
  readonly area: AreaName;
  readonly rampPerSecond: number;
  readonly seed: number;
  readonly behaviour: Behaviour;
}

export const USAGE = `npm run simulate -- [options]
  --officers N          verified officers (default 20)
  --citizens M          citizens (default 200)
  --seconds S           how long to run once everyone is started (default 60)
  --workers K           load-generator threads (default 1)
  --url URL             drive this server instead of starting one (needs --sessions-file)
  --sessions-file F     signed-in accounts, from \`heyblue seed --sessions-file\`
  --data-dir D          data directory of the simulator's own server (kept; default a temporary one)
  --area A              midtown (default: dense, connections come fast) or manhattan (the whole island)
  --ask P               chance a citizen asks an officer who came near (default 0.15)
  --accept P            chance an officer accepts a request (default 0.8; --decline 0.1; the rest expire)
  --decline P
  --ramp R              people started per second (default 200)
  --seed N              random seed (default 1)
  --prefix P            seed account prefix (default sim)`;

/** Reads the options, or throws one error listing every problem. */
export function parseOptions(argv: readonly string[]): SimulateOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      officers: { type: 'string' },
      citizens: { type: 'string' },
      seconds: { type: 'string' },
      workers: { type: 'string' },
      ask: { type: 'string' },
      accept: { type: 'string' },
      decline: { type: 'string' },
      ramp: { type: 'string' },
      seed: { type: 'string' },
      url: { type: 'string' },
      'sessions-file': { type: 'string' },
      'data-dir': { type: 'string' },
      prefix: { type: 'string' },
      area: { type: 'string' },
    },
  });
  const problems: string[] = [];
  const num = (name: 'officers' | 'citizens' | 'seconds' | 'workers' | 'ask' | 'accept' | 'decline' | 'ramp' | 'seed', fallback: number, check: (n: number) => boolean, rule: string): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !check(n)) problems.push(`--${name} ${raw}: ${rule}`);
    return n;
  };
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 0;
  const chance = (n: number): boolean => n >= 0 && n <= 1;
  const options: SimulateOptions = {
    officers: num('officers', 20, whole, 'a whole number'),
    citizens: num('citizens', 200, whole, 'a whole number'),
    seconds: num('seconds', 60, (n) => n > 0, 'more than 0'),
    workers: num('workers', 1, (n) => Number.isInteger(n) && n >= 1 && n <= 16, 'between 1 and 16'),
    url: typeof values.url === 'string' ? values.url.replace(/\/$/, '') : undefined,
    sessionsFile: typeof values['sessions-file'] === 'string' ? values['sessions-file'] : undefined,
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    prefix: typeof values.prefix === 'string' ? values.prefix : 'sim',
    area: values.area === 'manhattan' ? 'manhattan' : 'midtown',
    rampPerSecond: num('ramp', 200, (n) => n > 0, 'more than 0'),
    seed: num('seed', 1, (n) => Number.isInteger(n), 'a whole number'),
    behaviour: {
      askProbability: num('ask', 0.15, chance, 'between 0 and 1'),
      acceptProbability: num('accept', 0.8, chance, 'between 0 and 1'),
      declineProbability: num('decline', 0.1, chance, 'between 0 and 1'),
      virtualProbability: 0.3,
      officersDriving: 0.4,
      citizensDriving: 0.1,
      citizensStaying: 0.3,
    },
  };
  if (values.area !== undefined && values.area !== 'midtown' && values.area !== 'manhattan') problems.push(`--area ${String(values.area)}: midtown or manhattan`);
  if (options.url && !options.sessionsFile) problems.push('--url needs --sessions-file (the accounts to play, from `heyblue seed --sessions-file`)');
  if (options.url && options.dataDir) problems.push('--data-dir is for the simulator’s own server; with --url the server keeps its own');
  if (options.behaviour.acceptProbability + options.behaviour.declineProbability > 1) problems.push('--accept + --decline: at most 1');
  if (options.officers + options.citizens === 0) problems.push('nobody to simulate: give --officers and/or --citizens');
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${USAGE}`);
  return options;
}
