import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const holderScript = `
import { lockDataDir } from ${JSON.stringify(path.join(import.meta.dirname, 'data-dir-lock.ts'))};
lockDataDir(process.argv[1]);
console.log('locked');
setInterval(() => {}, 1000);
`;

function startHolder(file: string): Promise<{ pid: number; kill(signal: NodeJS.Signals): Promise<void> }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', holderScript, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({
      pid: child.pid ?? 0,
      kill: (signal) => new Promise((done) => { child.once('exit', () => done()); child.kill(signal); }),
    }));
    child.once('error', reject);
  });
}

test('a second process on the same data folder fails fast, naming the holder', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-')), 'pglite.lock');
  const holder = await startHolder(file);
  try {
    assert.throws(() => lockDataDir(file), (error: unknown) => error instanceof DataDirLockedError && error.message.includes(`process ${holder.pid}`));
  } finally {
    await holder.kill('SIGTERM');
  }
});

test('a lock left by a killed process is taken over', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-')), 'pglite.lock');
  const holder = await startHolder(file);
  await holder.kill('SIGKILL');
  const lock = lockDataDir(file);
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
  lock.release();
  assert.equal(fs.existsSync(file), false);
});
