import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A server running in its own process, as an operator would run it. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  readonly output: () => string;
}

const serveProbe = path.join(import.meta.dirname, '../fixtures/serve-probe.ts');

/**
 * Starts `test/fixtures/serve-probe.ts` (the real server plus the probe module), or the given script and
 * arguments (e.g. `bin/heyblue.js serve`, the product as an operator runs it), and waits for its URL.
 */
export function startServerProcess(env: Record<string, string>, command: { script: string; args?: string[] } = { script: serveProbe }): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [command.script, ...(command.args ?? [])], {
    env: { ...withoutServiceUrls(process.env), NODE_ENV: 'test', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/(?:127\.0\.0\.1|localhost):\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          pid: child.pid ?? 0,
          kill: async (signal) => {
            process.kill(child.pid ?? 0, signal);
            return exited;
          },
          output: () => output,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** The test runner's environment without the service URLs, so a child runs embedded unless told otherwise. */
function withoutServiceUrls(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, NATS_URL: _nats, ...rest } = env;
  return rest;
}
