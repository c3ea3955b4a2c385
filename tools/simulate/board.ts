// When each simulated person last sent a fix, in shared memory, so that any worker thread can tell how
// long ago the fix behind a push was sent — whichever party (citizen or officer) sent theirs later.

/** Now, in epoch ms with sub-millisecond precision (comparable across the worker threads of one process). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Per-person last-send times (µs since the epoch, stored atomically) indexed by the person's place in the cast. */
export class SendBoard {
  readonly #times: BigInt64Array;
  readonly #indexOf: ReadonlyMap<string, number>;

  /** `buffer` from `SendBoard.buffer(ids.length)`, shared by every worker; `ids` the cast's account ids in order. */
  constructor(buffer: SharedArrayBuffer, ids: readonly string[]) {
    this.#times = new BigInt64Array(buffer);
    this.#indexOf = new Map(ids.map((id, i) => [id, i]));
  }

  /** Shared memory for `people` people. */
  static buffer(people: number): SharedArrayBuffer {
    return new SharedArrayBuffer(people * BigInt64Array.BYTES_PER_ELEMENT);
  }

  indexOf(accountId: string): number | undefined {
    return this.#indexOf.get(accountId);
  }

  /** Person `index` sent a fix at `atMs`. */
  mark(index: number, atMs: number): void {
    Atomics.store(this.#times, index, BigInt(Math.round(atMs * 1000)));
  }

  /** When person `index` last sent a fix (ms), or 0 when never. */
  lastSent(index: number | undefined): number {
    if (index === undefined) return 0;
    return Number(Atomics.load(this.#times, index)) / 1000;
  }

  /**
   * How long ago the fix behind a push to `citizen` about `officerId` was sent: the later of the two
   * parties' last sends (a lower bound when a newer fix left before the push arrived, i.e. only when
   * latency nears the 1 s between fixes). Undefined when neither sent anything.
   */
  sinceCause(citizen: number, officerId: string, nowMs: number): number | undefined {
    const cause = Math.max(this.lastSent(citizen), this.lastSent(this.indexOf(officerId)));
    return cause > 0 ? nowMs - cause : undefined;
  }
}
