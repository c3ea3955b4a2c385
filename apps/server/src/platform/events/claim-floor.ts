/**
 * Where the relay's next claim starts scanning the outbox.
 *
 * Rows the relay has published leave dead entries at the head of the pending index until a vacuum; under
 * a burst of 100,000+ events a claim that starts at the head walks all of them (100–500 ms a claim on
 * the PostgreSQL server). While claims come back full (a backlog), the next one starts past the highest
 * seq claimed at least `settleMs` ago: a transaction that took a seq earlier has committed by then, or
 * is found by the next whole scan. The whole pending index is scanned after a claim that was not full
 * (caught up: the relay then naps anyway), at least every `wholeScanMs`, and first of all — so rows that
 * commit late, rows backing off after a failure and rows a crashed relay leased are never left behind.
 */
export class ClaimFloor {
  readonly #settleMs: number;
  readonly #wholeScanMs: number;
  readonly #now: () => number;
  /** Highest seq of each recent claim, oldest first. */
  #claims: { at: number; seq: number }[] = [];
  #lastWholeScan = Number.NEGATIVE_INFINITY;
  #caughtUp = true;

  constructor(options: { settleMs?: number; wholeScanMs?: number; now?: () => number } = {}) {
    this.#settleMs = options.settleMs ?? 500;
    this.#wholeScanMs = options.wholeScanMs ?? 5_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** The seq the next claim scans past (0: the whole index). */
  next(): number {
    const now = this.#now();
    if (this.#caughtUp || now - this.#lastWholeScan >= this.#wholeScanMs) {
      this.#lastWholeScan = now;
      return 0;
    }
    while (this.#claims.length > 1 && now - (this.#claims[1]?.at ?? now) >= this.#settleMs) this.#claims.shift();
    const [settled] = this.#claims;
    return settled && now - settled.at >= this.#settleMs ? settled.seq : 0;
  }

  /** Records a claim: its highest seq and whether it came back full. */
  claimed(highestSeq: number | undefined, full: boolean): void {
    this.#caughtUp = !full;
    if (highestSeq !== undefined) this.#claims.push({ at: this.#now(), seq: highestSeq });
  }
}
