// Profiles a running Node process (started with --inspect) for a chosen stretch of time, through the
// inspector protocol, and says where the time went: by function (self and total) and by package.
import fs from 'node:fs';
import { WebSocket } from './ws.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

/** A V8 CPU profile (open the saved file in Chrome DevTools' Performance panel). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

/** The inspector URL a process started with `--inspect=127.0.0.1:0` printed to its log. */
export function inspectorUrl(log: string): string | undefined {
  return /Debugger listening on (ws:\/\/\S+)/.exec(log)?.[1];
}

/** Starts sampling every `intervalUs`; `stop()` ends it and returns the profile. */
export async function startProfiling(url: string, intervalUs = 250): Promise<{ stop(): Promise<CpuProfile> }> {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? {});
  });
  const send = (method: string, params: object = {}): Promise<Record<string, unknown>> => new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = await send('Profiler.stop');
      socket.close();
      return profile as CpuProfile;
    },
  };
}

/** One line of a profile summary: milliseconds of self time and of total time (self + callees). */
export interface ProfileLine {
  readonly name: string;
  readonly selfMs: number;
  readonly totalMs: number;
  readonly selfShare: number;
}

/** Where the time went: the heaviest functions by self time and by total time, and self time by package or area. */
export function summarizeProfile(profile: CpuProfile, top = 25): { durationMs: number; bySelf: ProfileLine[]; byTotal: ProfileLine[]; byArea: ProfileLine[] } {
  const durationMs = (profile.endTime - profile.startTime) / 1000;
  const totalHits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0) || 1;
  const msPerHit = durationMs / totalHits;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const area = new Map<string, number>();
  const nameOf = (n: ProfileNode): string => {
    const file = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '~/').replace(/.*\/apps\/server\/src\//, '');
    return `${n.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  // Total time: each function counted once per stack, however often it recurs in it.
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const name = nameOf(node);
    const hits = node.hitCount ?? 0;
    self.set(name, (self.get(name) ?? 0) + hits);
    const place = areaOf(node.callFrame.url, node.callFrame.functionName);
    area.set(place, (area.get(place) ?? 0) + hits);
    const fresh = !onStack.has(name);
    if (fresh) onStack.add(name);
    let sum = hits;
    for (const child of node.children ?? []) sum += walk(child, onStack);
    if (fresh) {
      onStack.delete(name);
      total.set(name, (total.get(name) ?? 0) + sum);
    }
    return sum;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  const lines = (selfOf: Map<string, number>, totalOf: Map<string, number>, by: 'self' | 'total'): ProfileLine[] =>
    [...selfOf.keys()]
      .map((name) => {
        const selfHits = selfOf.get(name) ?? 0;
        return { name, selfMs: round(selfHits * msPerHit), totalMs: round((totalOf.get(name) ?? selfHits) * msPerHit), selfShare: round((selfHits / totalHits) * 100) };
      })
      .sort((a, b) => (by === 'self' ? b.selfMs - a.selfMs : b.totalMs - a.totalMs))
      .slice(0, top);
  return { durationMs: round(durationMs), bySelf: lines(self, total, 'self'), byTotal: lines(self, total, 'total').filter((l) => !l.name.startsWith('(root)')), byArea: lines(area, area, 'self') };
}

const round = (x: number): number => Math.round(x * 10) / 10;

/** A coarse place for a frame: a package, a part of our server, or a V8 pseudo-frame. */
function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const ours = /apps\/server\/src\/(.*)\/[^/]+$/.exec(url)?.[1];
  return ours ?? url;
}

/** Saves a profile for DevTools. */
export function saveProfile(profile: CpuProfile, file: string): void {
  fs.writeFileSync(file, JSON.stringify(profile));
}
