// A PostgreSQL server of the test's own, in a temporary data directory on a free port of 127.0.0.1 —
// never the machine's shared one — that the test may kill -9 and start again on the same data.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { waitUntil } from './wait.ts';

const BIN = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const SHARED_PORT = 5432;

/** Why tests of a killed PostgreSQL server are skipped, or false when they can run. */
export const skipWithoutPostgresBinaries: string | false = (() => {
  if (!fs.existsSync(path.join(BIN, 'initdb')) || !fs.existsSync(path.join(BIN, 'postgres'))) return `PostgreSQL binaries not found in ${BIN} (set POSTGRES_BIN_DIR): tests that kill their own PostgreSQL skipped`;
  if (process.getuid?.() === 0 && !osUser('postgres')) return 'running as root without a `postgres` OS user to run initdb/postgres as: tests that kill their own PostgreSQL skipped';
  if (process.getuid?.() === 0 && !fs.existsSync('/usr/bin/setpriv')) return 'running as root without setpriv to drop to the postgres user: tests that kill their own PostgreSQL skipped';
  return false;
})();

/** A running (or killed) PostgreSQL of the test's own. */
export interface OwnPostgres {
  /** A superuser URL (trust authentication on 127.0.0.1) to the `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** The postmaster's process id while it runs. */
  pid(): number | undefined;
  /** kill -9 of the postmaster and every child it had, then waits until they are all gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same data directory (crash recovery) and waits until it answers. */
  start(): Promise<void>;
  /** Fast shutdown (if running) and the data directory removed. */
  destroy(): Promise<void>;
}

/** initdb in a fresh temporary directory, then starts it. As root, both run as the `postgres` OS user (they refuse root). */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heyblue-pg-'));
  const user = process.getuid?.() === 0 ? osUser('postgres') : undefined;
  if (user) fs.chownSync(root, user.uid, user.gid);
  const dataDir = path.join(root, 'data');
  const asOwner = (command: string, args: string[]): [string, string[]] =>
    user ? ['/usr/bin/setpriv', ['--reuid', String(user.uid), '--regid', String(user.gid), '--init-groups', '--', path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  const [initdb, initArgs] = asOwner('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  execFileSync(initdb, initArgs, { stdio: 'pipe', timeout: 120_000 });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const start = async (): Promise<void> => {
    const [postgres, args] = asOwner('postgres', ['-D', dataDir, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=60', '-c', 'shared_buffers=32MB']);
    const started = spawn(postgres, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    void exited.then(() => {
      if (child === started) child = undefined;
    });
    try {
      await waitUntil(async () => {
        if (!child) throw new Error(`postgres exited:\n${output.slice(-3000)}`);
        return answers(url);
      }, 60_000, 'our PostgreSQL to accept connections');
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output.slice(-3000)}`, { cause: error });
    }
  };

  const kill = async (): Promise<void> => {
    const postmaster = child?.pid;
    if (!postmaster) return;
    // Stopped first so it forks no new backend between listing its children and the kill.
    process.kill(postmaster, 'SIGSTOP');
    const children = childrenOf(postmaster);
    process.kill(postmaster, 'SIGKILL');
    for (const pid of children) signal(pid, 'SIGKILL');
    await exited;
    await waitUntil(() => children.every((pid) => !alive(pid)), 30_000, 'the killed backends to be gone');
  };

  const destroy = async (): Promise<void> => {
    const postmaster = child?.pid;
    if (postmaster) {
      signal(postmaster, 'SIGINT'); // fast shutdown
      const timer = setTimeout(() => void kill(), 20_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(root, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url, port, pid: () => child?.pid, kill, start, destroy };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A port nobody listens on now (and never the shared server's). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== SHARED_PORT && port > 0) return port;
  }
}

function osUser(name: string): { uid: number; gid: number } | undefined {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** The process ids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
