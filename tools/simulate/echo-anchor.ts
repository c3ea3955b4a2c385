// The realtime benchmark's reference: a bare `ws` echo server in its own process (same Node), and echo
// clients in the load-generator threads that send a fix-sized JSON message once a second ("paced", for
// latency) or again as soon as the echo is back ("flood", for raw throughput at the same concurrency).
// Run as `node tools/simulate/echo-anchor.ts serve` it is the server and prints its port.
import { spawn } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import { preciseNow } from './board.ts';
import { seededRandom } from '../../apps/server/test/support/random.ts';
import { Tally } from './stats.ts';
import { WebSocket, WebSocketServer, type Socket } from './ws.ts';
import { loopMonitor } from './loop-health.ts';
import type { WorkerReport } from './worker.ts';

/** What an echo worker is given. */
export interface EchoWorkerData {
  readonly mode: 'echo';
  readonly url: string;
  readonly sockets: number;
  readonly rampPerSecond: number;
  readonly seed: number;
}

/** A running echo server process. */
export interface EchoServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts the echo server process and waits for its port. */
export async function startEchoServer(): Promise<EchoServer> {
  const child = spawn(process.execPath, [import.meta.filename, 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(/port (\d+)/.exec(String(chunk))?.[1])));
    child.once('exit', () => reject(new Error('the echo server exited')));
  });
  const pid = child.pid ?? 0;
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    url: `ws://127.0.0.1:${port}`,
    pid,
    async stop() {
      process.off('exit', kill);
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function serve(): void {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  server.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
  server.on('listening', () => {
    const address = server.address();
    console.log(`echo server listening on port ${typeof address === 'object' && address ? address.port : String(address)}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

/** Clients of the echo server: connect at the ramp rate, then do what the main thread says (paced, flood, stop). */
export async function runEchoClients(data: EchoWorkerData): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const tally = new Tally();
  const random = seededRandom(data.seed);
  const health = loopMonitor();
  const sockets: Socket[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let mode: 'idle' | 'paced' | 'flood' = 'idle';
  let open = 0;
  const payload = (): string => `{"type":"location","lat":40.75${Math.floor(random() * 1e6)},"lon":-73.98${Math.floor(random() * 1e6)},"accuracy":12.5,"at":${preciseNow()}}`;
  const send = (socket: Socket): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(payload());
    tally.count('echo.sent');
  };
  const pace = (socket: Socket, delayMs: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (mode !== 'paced') return;
      send(socket);
      pace(socket, 1000 + random() * 60);
    }, delayMs);
    timers.add(timer);
  };
  const report = (): void => port.postMessage({ type: 'report', tally: tally.report(), open, started: sockets.length, loop: health() } satisfies WorkerReport);
  const reporter = setInterval(report, 500);

  port.on('message', async (message: { type: string }) => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (message.type === 'paced') {
      mode = 'paced';
      for (const socket of sockets) pace(socket, random() * 1000);
    } else if (message.type === 'flood') {
      mode = 'flood';
      for (const socket of sockets) send(socket);
    } else if (message.type === 'stop') {
      mode = 'idle';
      await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => {
        if (socket.readyState !== WebSocket.OPEN) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      })));
      clearInterval(reporter);
      report();
      port.postMessage({ type: 'stopped', refreshed: [] } satisfies WorkerReport);
      port.close();
    }
  });

  const gapMs = 1000 / data.rampPerSecond;
  const begin = Date.now();
  for (let i = 0; i < data.sockets; i++) {
    const wait = begin + i * gapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const socket = new WebSocket(data.url, { perMessageDeflate: false });
    sockets.push(socket);
    let opened = false;
    socket.on('open', () => {
      opened = true;
      open++;
      tally.count('sockets.opened');
    });
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      if (opened) open--;
      if (mode !== 'idle') tally.count(`sockets.dropped.${code}`);
    });
    socket.on('message', (raw) => {
      tally.count('echo.received');
      const at = Number(/"at":([\d.]+)/.exec(String(raw))?.[1]);
      if (mode === 'paced') tally.latency('echo', preciseNow() - at);
      else if (mode === 'flood') send(socket);
    });
  }
}

if (import.meta.main && process.argv[2] === 'serve') serve();
