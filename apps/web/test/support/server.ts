/**
 * Starts the real Hey Blue! server for browser tests, the way an operator would:
 * `node apps/server/src/main.ts serve --port 0 --host 127.0.0.1 --data-dir <fresh dir>`.
 * Set HEYBLUE_TEST_SERVER_URL to run the tests against a server you started yourself instead.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running server under test. */
export interface TestServer {
  /** Base URL without a trailing slash, as the server prints it, e.g. http://localhost:41234. */
  readonly url: string;
  /** What the server printed on stdout so far (e.g. the first-admin link); empty for an external server. */
  stdout(): string;
  /** Stops the server (SIGTERM, then SIGKILL if it hangs) and removes its data folder. */
  stop(): Promise<void>;
}

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const startTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;
const listeningLine = /listening on (https?:\/\/[^\s]+)/;

/** Starts a server on a free port with an empty data folder and resolves once it listens. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const external = process.env['HEYBLUE_TEST_SERVER_URL'];
  if (external) return { url: external.replace(/\/$/, ''), stdout: () => '', stop: async () => {} };

  const dataDir = await mkdtemp(join(tmpdir(), 'heyblue-web-test-'));
  const child = spawn(
    process.execPath,
    ['apps/server/src/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { cwd: repoRoot, env: { ...embeddedEnv(process.env), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stderr.on('data', remember);
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => {
    // Kept whole up to 1 MB, for tests that read what the server printed.
    if (printed.length < 1_000_000) printed += chunk.toString();
  });

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(`did not print "listening on" within ${startTimeoutMs} ms`), startTimeoutMs);
    function fail(why: string) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The server ${why}.\n--- server output ---\n${output.join('')}`));
    }
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      remember(chunk);
      buffered += chunk.toString();
      const match = listeningLine.exec(buffered);
      if (match?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        buffered = '';
        resolve(match[1].replace(/\/$/, ''));
      } else if (buffered.length > 100_000) {
        buffered = buffered.slice(-1000);
      }
    });
    void exited.then((code) => fail(`exited with code ${code} before listening`));
  });

  return {
    url,
    stdout: () => printed,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        process.kill(child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The browser tests run the server embedded, even when CI sets the distributed-mode URLs for other tests. */
function embeddedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, NATS_URL: _nats, KEYS: _keys, ...rest } = env;
  // No basemap from the internet unless a test brings its own tile server (MAP_STYLE_URL).
  return { MAP_STYLE_URL: 'off', ...rest };
}
