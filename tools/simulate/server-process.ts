// A Hey Blue! server of the simulator's own: seeded with signed-in accounts, started on a free loopback
// port in its own process, and stopped by its PID (also when the simulator is interrupted).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { seedBatches } from './sessions.ts';

const root = path.resolve(import.meta.dirname, '../..');
const heyblue = path.join(root, 'apps/server/bin/heyblue.js');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The settings of a simulation server: one loopback address drives it, so the general HTTP rate limit is lifted. */
function serverEnv(dataDir: string, port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  // The access tokens' issuer is the public URL, derived from HOST and PORT: seed and serve must agree.
  // The simulation's own server runs embedded in its data folder: a DATABASE_URL or NATS_URL in the
  // caller's environment (CI sets them for the distributed tests) is not for it unless passed in `extra`.
  const { DATABASE_URL: _database, NATS_URL: _nats, KEYS: _keys, KEYS_FILE: _keysFile, PUBLIC_URL: _publicUrl, ...inherited } = process.env;
  return { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn', ...extra };
}

/**
 * Seeds `citizens` citizens and `officers` verified officers into `dataDir` (before any server holds its
 * lock), in batches (see seedBatches), and returns the one sessions file with every account.
 */
export function seedAccounts(options: { dataDir: string; port: number; citizens: number; officers: number; prefix: string; log?: (line: string) => void }): string {
  const file = path.join(options.dataDir, 'sessions.jsonl');
  fs.rmSync(file, { force: true });
  const batches = seedBatches(options.citizens, options.officers);
  batches.forEach((batch, i) => {
    const prefix = batches.length === 1 ? options.prefix : `${options.prefix}${i + 1}`;
    const part = path.join(options.dataDir, `sessions-${i + 1}.jsonl`);
    const run = spawnSync(process.execPath, [heyblue, 'seed', '--citizens', String(batch.citizens), '--officers', String(batch.officers), '--prefix', prefix, '--sessions-file', part], {
      env: serverEnv(options.dataDir, options.port, {}),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`heyblue seed failed (${run.status}): ${run.stderr || run.stdout}`);
    options.log?.(run.stdout.trim());
    fs.appendFileSync(file, fs.readFileSync(part), { mode: 0o600 });
    fs.rmSync(part);
  });
  return file;
}

/** A running server process. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `heyblue serve` on `port` with `dataDir`, logs to `<dataDir>/server.log`, and waits until
 * /readyz answers. It runs in its own process group, so a Ctrl-C in the terminal reaches only the
 * simulator, which then stops it in order; an exit of the simulator kills it.
 */
export async function startServer(options: { dataDir: string; port: number; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<ServerProcess> {
  const logFile = path.join(options.dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [heyblue, 'serve'], { env: serverEnv(options.dataDir, options.port, options.env ?? {}), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const kill = (signal: NodeJS.Signals): void => {
    try {
      if (!gone) process.kill(pid, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = (): void => kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    pid,
    logFile,
    async stop(graceMs = 15_000) {
      process.off('exit', killOnExit);
      if (gone) return;
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (gone) throw new Error(`the server exited while starting; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server was not ready in time; see ${logFile}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until connections knows `officerToken`'s account as a verified officer (identity's event is relayed after start). */
export async function waitForOfficer(url: string, officerToken: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/api/v1/connections/availability`, { headers: { authorization: `Bearer ${officerToken}` } });
    if (response.ok) return;
    if (Date.now() > deadline) throw new Error(`officers are still unknown to connections after ${timeoutMs} ms (last answer ${response.status}: ${await response.text()})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
