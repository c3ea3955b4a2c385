// What the simulator prints: a live line every few seconds, and a summary at the end (text, then one
// JSON line for scripts).
import type { Fleet } from './fleet.ts';
import { buckets, byLabel, delta, histogramQuantile, valueOf, type Scrape } from './metrics.ts';
import { countsUnder, grouped, ms, summarize, type Counts, type Summary } from './stats.ts';

/** The end-of-run figures (also the final JSON line, under `simulate`). */
export interface RunSummary {
  readonly seconds: number;
  readonly officers: number;
  readonly citizens: number;
  readonly workers: number;
  readonly area: string;
  readonly sockets: { readonly opened: number; readonly dropped: Counts; readonly reconnected: number; readonly failedToOpen: number };
  readonly fixes: { readonly sent: number; readonly acceptedByServer: number | null; readonly rejected: Counts };
  readonly nearby: { readonly entered: number; readonly changed: number; readonly left: number };
  readonly requests: { readonly sent: number; readonly repeated: number; readonly accepted: number; readonly declined: number; readonly expired: number; readonly cancelled: number; readonly refused: Counts; readonly leftByOfficers: number; readonly officerAnswerFailed: Counts };
  readonly connectionsMade: number;
  readonly meetPositions: number;
  readonly windows: Counts;
  readonly refreshes: { readonly ok: number; readonly failed: Counts };
  /** Client-measured, ms: fix sent → push received (loopback, includes the load generator's event loop). */
  readonly latencyMs: { readonly fixToNearbyEntered: Summary; readonly fixToAnyNearby: Summary; readonly loadGeneratorLoopDelayP99: number };
  readonly server: { readonly fixApplyP50Ms: number; readonly fixApplyP99Ms: number; readonly rssMB: number; readonly cpuPercent: number } | null;
}

const n = (c: Readonly<Counts>, key: string): number => c[key] ?? 0;

/** Builds the summary from the fleet's totals and two scrapes of the server's metrics (start, end). */
export function summarizeRun(input: { fleet: Fleet; seconds: number; officers: number; citizens: number; workers: number; area: string; first?: Scrape; last?: Scrape }): RunSummary {
  const t = input.fleet.totals;
  const m = input.fleet.measures();
  const { first, last } = input;
  const fixBuckets = first && last ? buckets(last, 'heyblue_location_fix_seconds', first) : [];
  return {
    seconds: input.seconds,
    officers: input.officers,
    citizens: input.citizens,
    workers: input.workers,
    area: input.area,
    sockets: { opened: n(t, 'sockets.opened'), dropped: countsUnder(t, 'sockets.dropped.'), reconnected: n(t, 'sockets.reconnected'), failedToOpen: n(t, 'sockets.failed') },
    fixes: { sent: n(t, 'fixes.sent'), acceptedByServer: first && last ? delta(first, last, 'heyblue_location_fixes_total', { outcome: 'accepted' }) : null, rejected: countsUnder(t, 'rejected.') },
    nearby: { entered: n(t, 'nearby.entered'), changed: n(t, 'nearby.changed'), left: n(t, 'nearby.left') },
    requests: {
      sent: n(t, 'requests.sent'),
      repeated: n(t, 'requests.repeated'),
      accepted: n(t, 'requests.accepted'),
      declined: n(t, 'requests.declined'),
      expired: n(t, 'requests.expired'),
      cancelled: n(t, 'requests.cancelled'),
      refused: countsUnder(t, 'requests.refused.'),
      leftByOfficers: n(t, 'requests.ignored'),
      officerAnswerFailed: { ...countsUnder(t, 'officer.accept.failed.'), ...countsUnder(t, 'officer.decline.failed.') },
    },
    connectionsMade: n(t, 'connections.made'),
    meetPositions: n(t, 'meet.positions'),
    windows: countsUnder(t, 'windows.'),
    refreshes: { ok: n(t, 'refresh.ok'), failed: countsUnder(t, 'refresh.failed.') },
    latencyMs: { fixToNearbyEntered: summarize(m.entered), fixToAnyNearby: summarize(m.pushes), loadGeneratorLoopDelayP99: Math.round(m.loopDelayP99Ms * 10) / 10 },
    server: first && last
      ? {
          fixApplyP50Ms: Math.round(histogramQuantile(0.5, fixBuckets) * 1e6) / 1e3,
          fixApplyP99Ms: Math.round(histogramQuantile(0.99, fixBuckets) * 1e6) / 1e3,
          rssMB: Math.round(valueOf(last, 'heyblue_process_resident_memory_bytes') / 2 ** 20),
          cpuPercent: Math.round((delta(first, last, 'heyblue_process_cpu_seconds_total') / Math.max(0.001, (last.at - first.at) / 1000)) * 100),
        }
      : null,
  };
}

/** Where the previous live line left off. */
export interface LiveMark {
  readonly atMs: number;
  readonly fixesSent: number;
  readonly pushSamples: number;
}

/** The line printed every few seconds (rates and latencies since the previous line). */
export function liveLine(fleet: Fleet, elapsedS: number, previous: LiveMark, server?: Scrape): { line: string; mark: LiveMark } {
  const t = fleet.totals;
  const now = Date.now();
  const pushes = fleet.measures().pushes;
  const mark: LiveMark = { atMs: now, fixesSent: n(t, 'fixes.sent'), pushSamples: pushes.length };
  const rate = (mark.fixesSent - previous.fixesSent) / Math.max(0.001, (now - previous.atMs) / 1000);
  const recent = summarize(pushes.subarray(Math.min(previous.pushSamples, pushes.length)));
  const rejected = Object.values(countsUnder(t, 'rejected.')).reduce((a, b) => a + b, 0);
  const accepted = server ? byLabel(server, 'heyblue_location_fixes_total', 'outcome').accepted : undefined;
  const line = [
    `[${String(Math.round(elapsedS)).padStart(4)} s]`,
    `sockets ${fleet.open}/${fleet.started}`,
    `fixes ${grouped(n(t, 'fixes.sent'))} (${grouped(rate)}/s${accepted === undefined ? '' : `, server accepted ${grouped(accepted)}`}, ${grouped(rejected)} rejected)`,
    `nearby +${grouped(n(t, 'nearby.entered'))} ~${grouped(n(t, 'nearby.changed'))} -${grouped(n(t, 'nearby.left'))}`,
    `requests ${grouped(n(t, 'requests.sent'))} (${grouped(n(t, 'requests.accepted'))} accepted, ${grouped(n(t, 'requests.declined'))} declined, ${grouped(n(t, 'requests.expired'))} expired)`,
    `connections ${grouped(n(t, 'connections.made'))}`,
    `fix→push p50 ${ms(recent.p50)} p99 ${ms(recent.p99)} ms`,
    ...(server ? [`server rss ${grouped(valueOf(server, 'heyblue_process_resident_memory_bytes') / 2 ** 20)} MB`] : []),
  ].join(' · ');
  return { line, mark };
}

const codes = (c: Counts): string => (Object.keys(c).length === 0 ? 'none' : Object.entries(c).map(([k, v]) => `${k} ${grouped(v)}`).join(', '));
const latency = (s: Summary): string => `p50 ${ms(s.p50)} · p90 ${ms(s.p90)} · p99 ${ms(s.p99)} · max ${ms(s.max)} ms (${grouped(s.count)} pushes)`;

/** The human-readable summary. */
export function summaryText(s: RunSummary): string {
  return [
    `Simulation summary: ${s.officers} officers, ${s.citizens} citizens, ${s.seconds} s, ${s.workers} worker${s.workers === 1 ? '' : 's'}, ${s.area}`,
    `  sockets      ${grouped(s.sockets.opened)} opened, ${s.sockets.reconnected} reconnected, ${s.sockets.failedToOpen} failed to open; dropped by the server: ${codes(s.sockets.dropped)}`,
    `  fixes        ${grouped(s.fixes.sent)} sent${s.fixes.acceptedByServer === null ? '' : `, ${grouped(s.fixes.acceptedByServer)} accepted by the server`}; rejected: ${codes(s.fixes.rejected)}`,
    `  nearby       ${grouped(s.nearby.entered)} entered, ${grouped(s.nearby.changed)} changed, ${grouped(s.nearby.left)} left`,
    `  requests     ${grouped(s.requests.sent)} sent (${s.requests.repeated} repeated): ${grouped(s.requests.accepted)} accepted, ${grouped(s.requests.declined)} declined, ${grouped(s.requests.expired)} expired, ${s.requests.cancelled} cancelled; ${s.requests.leftByOfficers} left to expire by officers; refused: ${codes(s.requests.refused)}; officer answers failed: ${codes(s.requests.officerAnswerFailed)}`,
    `  connections  ${grouped(s.connectionsMade)} made (${grouped(s.meetPositions)} meet positions pushed)`,
    `  windows      ${codes(s.windows)}; token refreshes ${s.refreshes.ok} ok, failed: ${codes(s.refreshes.failed)}`,
    `  latency      fix → nearby.entered ${latency(s.latencyMs.fixToNearbyEntered)}`,
    `               fix → any nearby.*   ${latency(s.latencyMs.fixToAnyNearby)}`,
    `               (client-measured over loopback, including the load generator's event loop: its delay p99 reached ${s.latencyMs.loadGeneratorLoopDelayP99} ms)`,
    ...(s.server ? [`  server       applying a fix p50 ${s.server.fixApplyP50Ms} ms, p99 ${s.server.fixApplyP99Ms} ms (histogram estimate); RSS ${s.server.rssMB} MB; CPU ${s.server.cpuPercent}% of one core`] : []),
  ].join('\n');
}
