import fs from 'node:fs';
import os from 'node:os';

/** What the lock file says about the process holding it. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Raised when another live process holds the embedded database. */
export class DataDirLockedError extends Error {
  constructor(file: string, holder: Holder) {
    super(`The data folder is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}); lock file ${file}. Stop that process or choose another DATA_DIR.`);
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes an exclusive lock on an embedded database folder, failing fast and naming the holder.
 * PGlite takes no lock of its own (electric-sql/pglite#1106), and two processes on one folder corrupt it.
 * A lock left by a dead process (kill -9) is taken over.
 */
export function lockDataDir(file: string): { release(): void } {
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfMine(file) };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.host === me.host && holder.pid !== me.pid && isAlive(holder.pid)) throw new DataDirLockedError(file, holder);
    if (holder && holder.host !== me.host) throw new DataDirLockedError(file, holder);
    fs.rmSync(file, { force: true });
  }
  throw new Error(`could not take the lock ${file}`);
}

function releaseIfMine(file: string): void {
  if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      const host = 'host' in parsed && typeof parsed.host === 'string' ? parsed.host : os.hostname();
      const startedAt = 'startedAt' in parsed && typeof parsed.startedAt === 'string' ? parsed.startedAt : 'unknown';
      return { pid: parsed.pid, host, startedAt };
    }
  } catch {
    // unreadable or half-written: treated as stale
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
