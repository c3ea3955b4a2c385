// End to end with the simulator: BENCH_SOCKETS (10,000) officers and citizens on real websockets, each
// sending a location fix a second to a real server process, all on this machine (the load generator in
// BENCH_WORKERS threads of this process). Measured over BENCH_SECONDS of steady state after the ramp-up:
// fixes accepted per second, the latency from sending a fix to receiving the nearby.* push it caused
// (client-side, loopback), the server's own time to apply a fix, server RSS per 1,000 connections and
// CPU. Anchor, same run, same concurrency: a bare `ws` echo server (own process, same Node) with the
// same number of sockets sending a fix-sized message a second (echo latency), then as fast as echoes
// come back (raw throughput). Target: fix → near push p99 < 50 ms.
// BENCH_PROFILE=<file.cpuprofile> also profiles the server during the steady phase and prints where its time went.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Behaviour } from '../tools/simulate/actors.ts';
import { inspectorUrl, saveProfile, startProfiling, summarizeProfile, type CpuProfile } from '../tools/simulate/cpu-profile.ts';
import { startEchoServer } from '../tools/simulate/echo-anchor.ts';
import { Fleet } from '../tools/simulate/fleet.ts';
import { buckets, byLabel, closeScrapes, delta, histogramQuantile, scrape, valueOf } from '../tools/simulate/metrics.ts';
import { cpuPressureSeconds, cpuSeconds, cpuSecondsByThread, loadAverage, rssBytes, runQueueWaitSeconds } from '../tools/simulate/procfs.ts';
import { freePort, seedAccounts, startServer, waitForOfficer } from '../tools/simulate/server-process.ts';
import { pickCast, readSessions } from '../tools/simulate/sessions.ts';
import { countsUnder, grouped, ms, summarize, type Counts } from '../tools/simulate/stats.ts';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const RAMP = Number(process.env.BENCH_RAMP ?? 250);
const ECHO_SECONDS = Math.min(SECONDS, 20);
const FLOOD_SECONDS = 5;
const PROFILE = process.env.BENCH_PROFILE;
const OFFICERS = Math.max(1, Math.round(SOCKETS * 0.05));
const CITIZENS = SOCKETS - OFFICERS;
const TARGET_P99_MS = 50;
// Everyone spread over Manhattan; few requests (each is a database transaction), so the live path is what is measured.
const behaviour: Behaviour = { askProbability: Number(process.env.BENCH_ASK ?? 0.005), acceptProbability: 0.8, declineProbability: 0.1, virtualProbability: 0.3, officersDriving: 0.4, citizensDriving: 0.1, citizensStaying: 0.3 };

const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));
const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const started = Date.now();
const say = (line: string): void => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${line}`);

/** CPU use of a process, its event-loop thread, this process (the load generator), and the machine's CPU pressure, over a stretch of time. */
function cpuMeter(pid: number) {
  const t0 = Date.now();
  const [cpu, main, wait, pressure, client, threads, clientWait] = [cpuSeconds(pid), cpuSeconds(pid, true), runQueueWaitSeconds(pid), cpuPressureSeconds(), process.cpuUsage(), cpuSecondsByThread(pid), runQueueWaitSeconds(process.pid, true)];
  return () => {
    const seconds = (Date.now() - t0) / 1000;
    const used = process.cpuUsage(client);
    const pct = (x: number): number => round((x / seconds) * 100, 1);
    const byThread: Record<string, number> = {};
    for (const [name, s] of Object.entries(cpuSecondsByThread(pid))) if (pct(s - (threads[name] ?? 0)) > 0) byThread[name] = pct(s - (threads[name] ?? 0));
    return { seconds, processPercent: pct(cpuSeconds(pid) - cpu), mainThreadPercent: pct(cpuSeconds(pid, true) - main), mainThreadWaitingPercent: pct(runQueueWaitSeconds(pid) - wait), loadGeneratorPercent: pct((used.user + used.system) / 1e6), loadGeneratorWaitingPercent: pct(runQueueWaitSeconds(process.pid, true) - clientWait), machinePressurePercent: pct(cpuPressureSeconds() - pressure), byThread };
  };
}

async function measureHeyBlue() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-realtime-'));
  const port = await freePort();
  say(`seeding ${OFFICERS} officers + ${CITIZENS} citizens …`);
  const sessionsFile = seedAccounts({ dataDir, port, citizens: CITIZENS, officers: OFFICERS, prefix: 'bench' });
  const server = await startServer({ dataDir, port, env: PROFILE ? { NODE_OPTIONS: '--inspect=127.0.0.1:0' } : {} });
  try {
    const cast = pickCast(readSessions(sessionsFile), OFFICERS, CITIZENS);
    await waitForOfficer(server.url, cast.officers.at(-1)?.accessToken ?? '');
    // Let the relay deliver the seed's events (accounts created, officers verified) before measuring anything.
    for (let i = 0; i < 300 && valueOf(await scrape(server.url), 'heyblue_outbox_pending') > 0; i++) await sleep(500);
    await sleep(3000);
    const rssIdle = rssBytes(server.pid);
    const heapIdle = valueOf(await scrape(server.url), 'heyblue_nodejs_heap_size_used_bytes');
    say(`server ready (pid ${server.pid}), RSS ${mb(rssIdle)} MB; ramping up ${SOCKETS} sockets at ${RAMP}/s over ${WORKERS} load-generator threads …`);

    const fleet = Fleet.simulate({ url: server.url, officers: cast.officers, citizens: cast.citizens, workers: WORKERS, behaviour, area: 'manhattan', rampPerSecond: RAMP, seed: 42 });
    const rampStart = Date.now();
    const rampDeadline = rampStart + Math.max(120_000, (SOCKETS / RAMP) * 4000);
    let previous = await scrape(server.url);
    while (fleet.open < SOCKETS && Date.now() < rampDeadline) {
      await fleet.waitFor((f) => f.open >= SOCKETS, 10_000);
      const now = await scrape(server.url);
      const seconds = (now.at - previous.at) / 1000;
      say(`ramp: ${grouped(fleet.open)} sockets open, server accepted ${grouped(delta(previous, now, 'heyblue_location_fixes_total', { outcome: 'accepted' }) / seconds)} fixes/s, refused ${grouped(delta(previous, now, 'heyblue_location_fixes_total', { outcome: 'CONNECTIONS_LOCATION_TOO_FREQUENT' }) / seconds)}/s as too frequent, event-loop delay p99 ${ms(valueOf(now, 'heyblue_nodejs_eventloop_lag_p99_seconds') * 1000)} ms`);
      previous = now;
    }
    const rampSeconds = (Date.now() - rampStart) / 1000;
    const allOpen = fleet.open >= SOCKETS;
    say(`${fleet.open} sockets open after ${rampSeconds.toFixed(1)} s${allOpen ? '' : ' (not all: the ramp timed out; measuring with those open)'}; settling 20 s …`);
    await sleep(20_000);

    const profiling = PROFILE ? await startProfiling(inspectorUrl(fs.readFileSync(server.logFile, 'utf8')) ?? '') : undefined;
    const before = await scrape(server.url);
    const cpu = cpuMeter(server.pid);
    fleet.resetMeasures();
    for (let s = 0; s < SECONDS; s += 10) {
      await sleep(Math.min(10, SECONDS - s) * 1000);
      say(`steady ${Math.min(SECONDS, s + 10)}/${SECONDS} s: ${fleet.open} open, ${grouped(fleet.totals['fixes.sent'] ?? 0)} fixes sent in all, ${grouped(fleet.pushesTimed)} nearby pushes timed`);
    }
    const after = await scrape(server.url);
    const usage = cpu();
    const rssLoaded = rssBytes(server.pid);
    const profile = await profiling?.stop();
    const measured = fleet.measures();
    const open = fleet.open;
    await fleet.stop();
    const wall = (after.at - before.at) / 1000;
    const outcomes = byLabel(after, 'heyblue_location_fixes_total', 'outcome');
    const outcomesBefore = byLabel(before, 'heyblue_location_fixes_total', 'outcome');
    const rejected: Counts = {};
    for (const [outcome, n] of Object.entries(outcomes)) if (outcome !== 'accepted' && n > (outcomesBefore[outcome] ?? 0)) rejected[outcome] = n - (outcomesBefore[outcome] ?? 0);
    const fixBuckets = buckets(after, 'heyblue_location_fix_seconds', before);
    return {
      open,
      rampSeconds,
      allOpen,
      acceptedPerSecond: delta(before, after, 'heyblue_location_fixes_total', { outcome: 'accepted' }) / wall,
      sentPerSecond: (measured.counts['fixes.sent'] ?? 0) / wall,
      rejected,
      entered: summarize(measured.entered),
      nearby: summarize(measured.pushes),
      loadGeneratorLoopDelayP99Ms: measured.loopDelayP99Ms,
      fixApplyMs: { p50: histogramQuantile(0.5, fixBuckets) * 1000, p99: histogramQuantile(0.99, fixBuckets) * 1000, mean: (delta(before, after, 'heyblue_location_fix_seconds_sum') / Math.max(1, delta(before, after, 'heyblue_location_fix_seconds_count'))) * 1000 },
      // prom-client resets its event-loop delay histogram at each scrape: `after` covers the steady phase.
      serverLoopDelayMs: { p99: valueOf(after, 'heyblue_nodejs_eventloop_lag_p99_seconds') * 1000, max: valueOf(after, 'heyblue_nodejs_eventloop_lag_max_seconds') * 1000 },
      usage,
      rssIdle,
      rssLoaded,
      rssPer1k: (rssLoaded - rssIdle) / (open / 1000),
      heapIdle,
      heapLoaded: valueOf(after, 'heyblue_nodejs_heap_size_used_bytes'),
      closed: { ...countsUnder(fleet.totals, 'sockets.dropped.'), ...(fleet.totals['sockets.failed'] ? { failedToOpen: fleet.totals['sockets.failed'] } : {}) },
      profile,
    };
  } finally {
    closeScrapes();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureEcho() {
  const echo = await startEchoServer();
  try {
    await sleep(1000);
    const rssIdle = rssBytes(echo.pid);
    say(`echo anchor (pid ${echo.pid}): ramping up ${SOCKETS} sockets …`);
    const echoes = Fleet.echo({ url: echo.url, sockets: SOCKETS, workers: WORKERS, rampPerSecond: Math.max(RAMP, 1000), seed: 7 });
    await echoes.waitFor((f) => f.open >= SOCKETS, 120_000);
    await sleep(2000);
    const rssConnected = rssBytes(echo.pid);
    echoes.tell('paced');
    await sleep(5000);
    say(`echo anchor: ${echoes.open} sockets, one message a second each, for ${ECHO_SECONDS} s …`);
    echoes.resetMeasures();
    const cpu = cpuMeter(echo.pid);
    await sleep(ECHO_SECONDS * 1000);
    const paced = echoes.measures();
    const usage = cpu();
    const rssLoaded = rssBytes(echo.pid);
    const open = echoes.open;
    echoes.tell('flood');
    await sleep(1000);
    echoes.resetMeasures();
    const floodStart = Date.now();
    await sleep(FLOOD_SECONDS * 1000);
    const flatOutPerSecond = (echoes.measures().counts['echo.received'] ?? 0) / ((Date.now() - floodStart) / 1000);
    const dropped = countsUnder(echoes.totals, 'sockets.dropped.');
    await echoes.stop();
    return { open, latency: summarize(paced.pushes), pacedPerSecond: (paced.counts['echo.received'] ?? 0) / usage.seconds, loadGeneratorLoopDelayP99Ms: paced.loopDelayP99Ms, usage, rssIdle, rssConnected, rssLoaded, rssPer1k: (rssLoaded - rssIdle) / (open / 1000), flatOutPerSecond, dropped };
  } finally {
    await echo.stop();
  }
}

function printProfile(profile: CpuProfile): void {
  if (PROFILE) saveProfile(profile, PROFILE);
  const summary = summarizeProfile(profile, 30);
  console.log(`\nServer CPU profile of the steady phase (${summary.durationMs} ms, saved to ${PROFILE}); % of wall time:`);
  console.log('  by area (self):');
  for (const l of summary.byArea) console.log(`    ${String(l.selfShare).padStart(5)}%  ${l.name}`);
  console.log('  by function (self):');
  for (const l of summary.bySelf) console.log(`    ${String(l.selfShare).padStart(5)}%  ${l.name}`);
  console.log('  by function (total, with callees):');
  for (const l of summary.byTotal) console.log(`    ${String(round((l.totalMs / summary.durationMs) * 100, 1)).padStart(5)}%  ${l.name}`);
}

const loadBefore = loadAverage();
const h = await measureHeyBlue();
const e = await measureEcho();
const rejectedTotal = Object.values(h.rejected).reduce((a, b) => a + b, 0);
console.log('');
console.log(`Hey Blue! at ${grouped(h.open)} sockets: ${grouped(h.acceptedPerSecond)} fixes/s accepted of ${grouped(h.sentPerSecond)}/s sent (${grouped(rejectedTotal)} rejected: ${JSON.stringify(h.rejected)})`);
console.log(`  fix → nearby.entered  p50 ${ms(h.entered.p50)} · p99 ${ms(h.entered.p99)} · max ${ms(h.entered.max)} ms (${grouped(h.entered.count)} pushes)`);
console.log(`  fix → any nearby.*    p50 ${ms(h.nearby.p50)} · p99 ${ms(h.nearby.p99)} · max ${ms(h.nearby.max)} ms (${grouped(h.nearby.count)} pushes; client-side over loopback; load-generator event-loop delay p99 up to ${ms(h.loadGeneratorLoopDelayP99Ms)} ms)`);
console.log(`  server: applying a fix p50 ${ms(h.fixApplyMs.p50)} · p99 ${ms(h.fixApplyMs.p99)} · mean ${ms(h.fixApplyMs.mean)} ms; event-loop delay p99 ${ms(h.serverLoopDelayMs.p99)} · max ${ms(h.serverLoopDelayMs.max)} ms`);
console.log(`  server CPU ${h.usage.processPercent}% (by thread ${JSON.stringify(h.usage.byThread)}; the event loop waited for a CPU ${h.usage.mainThreadWaitingPercent}% of the time); RSS ${mb(h.rssIdle)} → ${mb(h.rssLoaded)} MB = ${mb(h.rssPer1k)} MB per 1,000 connections (V8 heap used ${mb(h.heapIdle)} → ${mb(h.heapLoaded)} MB, garbage included)`);
console.log(`  sockets closed by the server: ${JSON.stringify(h.closed)}; load generator CPU ${h.usage.loadGeneratorPercent}% (its threads waited for a CPU ${h.usage.loadGeneratorWaitingPercent}%); machine CPU pressure ${h.usage.machinePressurePercent}% (load average ${loadBefore} at start)`);
console.log(`Echo anchor at ${grouped(e.open)} sockets, ${grouped(e.pacedPerSecond)} echoes/s: p50 ${ms(e.latency.p50)} · p99 ${ms(e.latency.p99)} · max ${ms(e.latency.max)} ms; CPU ${e.usage.processPercent}%; RSS ${mb(e.rssIdle)} → ${mb(e.rssConnected)} MB connected → ${mb(e.rssLoaded)} MB after traffic = ${mb(e.rssPer1k)} MB per 1,000; flat out ${grouped(e.flatOutPerSecond)} echoes/s; machine CPU pressure ${e.usage.machinePressurePercent}%; dropped ${JSON.stringify(e.dropped)}`);
if (h.profile) printProfile(h.profile);

console.log(JSON.stringify({
  bench: 'realtime',
  figures: {
    sockets: h.open,
    acceptedFixesPerSecond: round(h.acceptedPerSecond, 0),
    sentFixesPerSecond: round(h.sentPerSecond, 0),
    rejectedFixes: h.rejected,
    fixToNearbyEnteredMs: { p50: h.entered.p50, p99: h.entered.p99, max: h.entered.max, count: h.entered.count },
    fixToAnyNearbyMs: { p50: h.nearby.p50, p99: h.nearby.p99, max: h.nearby.max, count: h.nearby.count },
    serverFixApplyMs: { p50: round(h.fixApplyMs.p50, 3), p99: round(h.fixApplyMs.p99, 3), mean: round(h.fixApplyMs.mean, 3) },
    serverEventLoopDelayMs: { p99: round(h.serverLoopDelayMs.p99, 1), max: round(h.serverLoopDelayMs.max, 1) },
    serverCpuPercent: h.usage.processPercent,
    serverCpuPercentByThread: h.usage.byThread,
    serverWaitingForCpuPercent: h.usage.mainThreadWaitingPercent,
    serverRssMB: { beforeSockets: mb(h.rssIdle), atSockets: mb(h.rssLoaded), per1000Connections: mb(h.rssPer1k) },
    serverHeapUsedMB: { beforeSockets: mb(h.heapIdle), atSockets: mb(h.heapLoaded) },
    socketsClosedByServer: h.closed,
    loadGeneratorCpuPercent: h.usage.loadGeneratorPercent,
    loadGeneratorWaitingForCpuPercent: h.usage.loadGeneratorWaitingPercent,
    loadGeneratorLoopDelayP99Ms: round(h.loadGeneratorLoopDelayP99Ms, 1),
    rampSeconds: round(h.rampSeconds, 1),
  },
  anchors: {
    echoSockets: e.open,
    echoPacedPerSecond: round(e.pacedPerSecond, 0),
    echoPacedMs: { p50: e.latency.p50, p99: e.latency.p99, max: e.latency.max, count: e.latency.count },
    echoServerCpuPercent: e.usage.processPercent,
    echoServerRssMB: { beforeSockets: mb(e.rssIdle), connected: mb(e.rssConnected), atSockets: mb(e.rssLoaded), per1000Connections: mb(e.rssPer1k) },
    echoFlatOutPerSecond: round(e.flatOutPerSecond, 0),
    echoLoadGeneratorLoopDelayP99Ms: round(e.loadGeneratorLoopDelayP99Ms, 1),
  },
  ratios: {
    nearbyP99VsEchoP99: round(h.nearby.p99 / e.latency.p99),
    serverCpuPerMessageVsEcho: round(h.usage.processPercent / Math.max(1, h.acceptedPerSecond) / (e.usage.processPercent / Math.max(1, e.pacedPerSecond))),
    rssPer1000VsEcho: round(h.rssPer1k / Math.max(0.1, e.rssPer1k)),
    acceptedFixesVsEchoFlatOut: round(h.acceptedPerSecond / Math.max(1, e.flatOutPerSecond), 3),
  },
  targets: { fixToNearbyP99Ms: `< ${TARGET_P99_MS}`, met: h.nearby.p99 < TARGET_P99_MS && h.entered.p99 < TARGET_P99_MS },
  setup: { sockets: SOCKETS, officers: OFFICERS, citizens: CITIZENS, seconds: SECONDS, workers: WORKERS, ramp: RAMP, area: 'manhattan', askProbability: behaviour.askProbability, cores: os.availableParallelism(), loadAverage: loadBefore, machineCpuPressurePercent: h.usage.machinePressurePercent, echoMachineCpuPressurePercent: e.usage.machinePressurePercent, node: process.version },
}));
