// A process's resident memory and CPU time from /proc (Linux), the same way for every process measured.
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident set size in bytes. */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** User + system CPU seconds used so far: by all threads, or (`mainThread`) by the thread running the event loop. */
export function cpuSeconds(pid: number, mainThread = false): number {
  const stat = fs.readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at state (field 3); utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The machine's 1-minute load average (what else was running during a measurement). */
export function loadAverage(): number {
  return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Seconds the process's main thread (or all its threads) was ready to run but waited for a CPU (other work on the machine). */
export function runQueueWaitSeconds(pid: number, allThreads = false): number {
  const wait = (file: string): number => {
    try {
      return Number(fs.readFileSync(file, 'utf8').split(' ')[1] ?? 0) / 1e9;
    } catch {
      return 0;
    }
  };
  if (!allThreads) return wait(`/proc/${pid}/schedstat`);
  return fs.readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => sum + wait(`/proc/${pid}/task/${tid}/schedstat`), 0);
}

/** Seconds (since boot) during which some runnable task waited for a CPU, machine-wide (pressure stall information). */
export function cpuPressureSeconds(): number {
  const total = /some .*total=(\d+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
  return Number(total ?? 0) / 1e6;
}

/** CPU seconds used so far by each kind of thread of a process, by thread name (`node`, `V8Worker`, `libuv-worker`, …). */
export function cpuSecondsByThread(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = tid === String(pid) ? 'event loop' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '').trim();
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // the thread ended
    }
  }
  return out;
}
