import type { Fix } from './location-fix.ts';

export interface FixMemoryOptions {
  /** Fixes a second a person may have used, on average. */
  readonly fixesPerSecond: number;
  /** How many may come at once (fixes bunched by a slow network or a busy server). */
  readonly burst: number;
  /** A trusted fix is forgotten this long after it was trusted, and a person this long after their last fix spent any allowance. */
  readonly ttlMs: number;
}

/** One person's record: a token bucket of fixes and the last fix that passed every check. */
interface Remembered {
  tokens: number;
  refilledAt: number;
  /** When they were last told they send too fast. */
  toldAt: number;
  /** When a fix last spent allowance (server time): the record lives until `ttlMs` after. */
  spentAt: number;
  trusted: Fix | undefined;
  /** When the trusted fix was trusted (server time). */
  trustedAt: number;
}

/**
 * What the server remembers of a person's fixes to judge their next one: their allowance of fixes and
 * their last trusted fix. It outlives a `location.stop`, a socket, a window and (fed with the fixes other
 * instances accepted) the instance a person is on, so stopping and starting again wins nothing. It is
 * memory only: a trusted fix is forgotten `ttlMs` after it was trusted, the rest `ttlMs` after the
 * person's last fix.
 */
export class FixMemory {
  readonly #options: FixMemoryOptions;
  readonly #people = new Map<string, Remembered>();

  constructor(options: FixMemoryOptions) {
    this.#options = options;
  }

  /** Whether a fix from this person may be looked at now (at least one fix of allowance left). */
  hasAllowance(userId: string, nowMs: number): boolean {
    const person = this.#people.get(userId);
    return !person || this.#refill(person, nowMs) >= 1;
  }

  /** For a person sending too fast: true at most once per `intervalMs` (the times they should be told so). */
  shouldTellTooFrequent(userId: string, nowMs: number, intervalMs: number): boolean {
    const person = this.#of(userId, nowMs);
    if (nowMs - person.toldAt < intervalMs) return false;
    person.toldAt = nowMs;
    return true;
  }

  /** The last fix that passed every check, while remembered. */
  trustedFix(userId: string): Fix | undefined {
    return this.#people.get(userId)?.trusted;
  }

  /** A fix was looked at and refused as implausible: it still spends allowance (a refused teleport is no free retry). */
  spend(userId: string, nowMs: number): void {
    const person = this.#of(userId, nowMs);
    this.#refill(person, nowMs);
    person.tokens = Math.max(0, person.tokens - 1);
    person.spentAt = nowMs;
  }

  /** A fix passed every check, here or on another instance: it spends allowance and becomes the one the next is judged by. */
  trust(userId: string, fix: Fix, nowMs: number): void {
    this.spend(userId, nowMs);
    const person = this.#of(userId, nowMs);
    person.trusted = fix;
    person.trustedAt = nowMs;
  }

  /** Forgets a person at once (their account was deleted). */
  forget(userId: string): void {
    this.#people.delete(userId);
  }

  /** Forgets trusted fixes, and then people, older than the time to live. */
  sweep(nowMs: number): void {
    const before = nowMs - this.#options.ttlMs;
    for (const [userId, person] of this.#people) {
      if (person.trustedAt <= before) person.trusted = undefined;
      if (person.spentAt <= before) this.#people.delete(userId);
    }
  }

  /** Whether any record still holds this exact coordinate (retention tests). */
  holdsCoordinate(value: number): boolean {
    for (const person of this.#people.values()) if (person.trusted?.lat === value || person.trusted?.lon === value) return true;
    return false;
  }

  /** How many people are remembered (metrics and tests). */
  get size(): number {
    return this.#people.size;
  }

  #of(userId: string, nowMs: number): Remembered {
    let person = this.#people.get(userId);
    if (!person) {
      person = { tokens: this.#options.burst, refilledAt: nowMs, toldAt: -Infinity, spentAt: nowMs, trusted: undefined, trustedAt: -Infinity };
      this.#people.set(userId, person);
    }
    return person;
  }

  #refill(person: Remembered, nowMs: number): number {
    const { burst, fixesPerSecond } = this.#options;
    person.tokens = Math.min(burst, person.tokens + (Math.max(0, nowMs - person.refilledAt) / 1000) * fixesPerSecond);
    person.refilledAt = Math.max(person.refilledAt, nowMs);
    return person.tokens;
  }
}
