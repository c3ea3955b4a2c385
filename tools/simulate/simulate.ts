// `npm run simulate -- --officers N --citizens M [--seconds S] [--workers K] [--url URL --sessions-file F] [--data-dir D]`
// Officers and citizens moving around Manhattan over real websockets: officers open availability windows
// and answer requests, citizens ask officers who come near. Without --url it seeds accounts into a data
// directory, runs its own server there, and stops it at the end (also on Ctrl-C). A live line every 5 s,
// a summary at the end, and a last line of JSON: {"simulate": {...}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Fleet } from './fleet.ts';
import { closeScrapes, scrape, type Scrape } from './metrics.ts';
import { parseOptions, USAGE, type SimulateOptions } from './options.ts';
import { freePort, seedAccounts, startServer, waitForOfficer, type ServerProcess } from './server-process.ts';
import { pickCast, readSessions, writeBackRefreshed } from './sessions.ts';
import { liveLine, summarizeRun, summaryText, type LiveMark } from './summary.ts';

const LIVE_EVERY_MS = 5000;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: SimulateOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  let interrupted = false;
  let wake: () => void = () => {};
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.log('\nInterrupted: stopping the simulation (Ctrl-C again to quit at once).');
    wake();
  });
  const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(resolve, msToWait);
    wake = () => { clearTimeout(timer); resolve(); };
  });

  let server: ServerProcess | undefined;
  const ownDir = options.url ? undefined : (options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'heyblue-sim-')));
  let failed = false;
  try {
    let url = options.url ?? '';
    let sessionsFile = options.sessionsFile ?? '';
    if (ownDir) {
      fs.mkdirSync(ownDir, { recursive: true });
      const port = await freePort();
      console.log(`Seeding ${options.officers} officers and ${options.citizens} citizens into ${ownDir} …`);
      sessionsFile = seedAccounts({ dataDir: ownDir, port, citizens: options.citizens, officers: options.officers, prefix: options.prefix, log: (line) => console.log(`  ${line}`) });
      server = await startServer({ dataDir: ownDir, port });
      console.log(`Server ${server.url} (pid ${server.pid}, log ${server.logFile})`);
      url = server.url;
    }
    const cast = pickCast(readSessions(sessionsFile), options.officers, options.citizens);
    const lastOfficer = cast.officers.at(-1);
    if (server && lastOfficer) await waitForOfficer(url, lastOfficer.accessToken);
    if (interrupted) return 130;

    const first: Scrape | undefined = await scrape(url).catch(() => undefined);
    const fleet = Fleet.simulate({ url, officers: cast.officers, citizens: cast.citizens, workers: options.workers, behaviour: options.behaviour, area: options.area, rampPerSecond: options.rampPerSecond, seed: options.seed });
    const started = Date.now();
    console.log(`Simulating ${options.officers} officers and ${options.citizens} citizens in ${options.area} for ${options.seconds} s with ${options.workers} worker${options.workers === 1 ? '' : 's'} …`);
    let mark: LiveMark = { atMs: started, fixesSent: 0, pushSamples: 0 };
    while (!interrupted && Date.now() - started < options.seconds * 1000) {
      await sleep(Math.min(LIVE_EVERY_MS, started + options.seconds * 1000 - Date.now()));
      if (fleet.failure) throw fleet.failure;
      const live = liveLine(fleet, (Date.now() - started) / 1000, mark, await scrape(url).catch(() => undefined));
      console.log(live.line);
      mark = live.mark;
    }
    const last = await scrape(url).catch(() => undefined);
    const elapsed = Math.round((Date.now() - started) / 1000);
    const refreshed = await fleet.stop();
    writeBackRefreshed(sessionsFile, refreshed);
    const summary = summarizeRun({ fleet, seconds: elapsed, officers: options.officers, citizens: options.citizens, workers: options.workers, area: options.area, ...(first ? { first } : {}), ...(last ? { last } : {}) });
    console.log(`\n${summaryText(summary)}`);
    console.log(JSON.stringify({ simulate: summary }));
    return interrupted ? 130 : 0;
  } catch (error) {
    failed = true;
    console.error(`Simulation failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    closeScrapes();
    await server?.stop();
    if (ownDir && !options.dataDir) {
      if (failed) console.error(`The server's data and log are kept in ${ownDir}`);
      else fs.rmSync(ownDir, { recursive: true, force: true });
    }
  }
}

process.exitCode = await main();
