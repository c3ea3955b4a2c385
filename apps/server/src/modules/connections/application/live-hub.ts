import type { Clock } from '../../../platform/clock.ts';
import type { ConnectionsPush, LocationRejectionCode } from '@heyblue/contracts/connections';
import type { LiveMap, LiveNotice, LiveWindow } from '../domain/live-map.ts';
import { readFix } from '../domain/location-fix.ts';
import { checkTravel, type TravelFlag } from '../domain/travel-check.ts';
import type { LiveLink, LiveMessage } from './live-link.ts';
import { presentNotice } from './live-messages.ts';

/** One fix a second per person, with a burst of three so fixes bunched by a slow network (or a busy server) are not lost. */
export const FIXES_PER_SECOND = 1;
export const FIX_BURST = 3;
/** A phone sending too fast is told so at most this often; the rest are dropped silently (a reply per drop is what overloads a busy server). */
const TOO_FREQUENT_TELL_MS = 5000;
/** One fraud flag per person per minute is enough to see a pattern without flooding the table. */
const FLAG_INTERVAL_MS = 60_000;

/** A person's allowance of fixes (a token bucket) and when they were last told they send too fast. */
interface FixAllowance {
  tokens: number;
  refilledAt: number;
  toldAt: number;
}

/** What became of a fix: used (undefined), refused with a code to tell the phone, or dropped without a word. */
export type FixOutcome = LocationRejectionCode | 'dropped' | undefined;

export interface LiveHubDeps {
  readonly map: LiveMap;
  readonly link: LiveLink;
  readonly clock: Clock;
  readonly maxAccuracyM: number;
  /** Sends a websocket message to a person, wherever their socket is. */
  readonly push: (userId: string, message: ConnectionsPush) => void;
  /** Records a fraud flag (asynchronously; failures are logged, never thrown at the socket). */
  readonly recordFlag: (accountId: string, flag: TravelFlag) => void;
  /** Counts each fix by outcome (`accepted` or the rejection code) and how long accepting it took. */
  readonly observe?: (outcome: string, seconds: number) => void;
}

/**
 * The real-time path: location fixes in, "near / not near" out. Every fix is checked (ranges, age,
 * accuracy, rate, travel) before it reaches the live map; accepted fixes are replicated to the other
 * instances. Nothing here touches the database or logs a coordinate.
 */
export class LiveHub {
  readonly #deps: LiveHubDeps;
  readonly #allowances = new Map<string, FixAllowance>();
  readonly #lastFlaggedAt = new Map<string, number>();
  readonly #seenOnline = new Map<string, number>();

  constructor(deps: LiveHubDeps) {
    this.#deps = deps;
    deps.link.listen((message) => this.#applyRemote(message));
  }

  /** The live map's notices become websocket pushes (the map is built with this as its `notify`). */
  static noticeSink(push: LiveHubDeps['push']): (notice: LiveNotice) => void {
    return (notice) => {
      const message = presentNotice(notice);
      push(message.to, message.push);
    };
  }

  /** A location message from a socket on this instance; returns the code it was refused with, `dropped` when refused silently, or undefined when used. */
  receiveLocation(userId: string, isOfficer: boolean, message: Readonly<Record<string, unknown>>): FixOutcome {
    const started = performance.now();
    const outcome = this.#receive(userId, isOfficer, message);
    this.#deps.observe?.(outcome ?? 'accepted', (performance.now() - started) / 1000);
    return outcome;
  }

  #receive(userId: string, isOfficer: boolean, message: Readonly<Record<string, unknown>>): FixOutcome {
    const now = this.#deps.clock.now().getTime();
    const allowance = this.#allowanceOf(userId, now);
    if (allowance.tokens < 1) {
      if (now - allowance.toldAt < TOO_FREQUENT_TELL_MS) return 'dropped';
      allowance.toldAt = now;
      return 'CONNECTIONS_LOCATION_TOO_FREQUENT';
    }
    const reading = readFix(message, now, this.#deps.maxAccuracyM);
    if ('rejected' in reading) return reading.rejected;
    const { map } = this.#deps;
    const officerWindow = map.windowOf(userId);
    if (isOfficer && !officerWindow) return 'CONNECTIONS_NO_OPEN_WINDOW';
    const flag = checkTravel(map.fixOf(userId), reading.fix);
    if (flag) {
      this.#flag(userId, flag, now);
      return 'CONNECTIONS_LOCATION_FLAGGED';
    }
    // Only a fix that is used spends the allowance: a refused one (no window yet, out of range) must not
    // make the phone's next, good fix wait.
    allowance.tokens -= 1;
    if (officerWindow) map.moveOfficer(userId, reading.fix, true);
    else map.moveCitizen(userId, reading.fix, true);
    this.#deps.link.publish({ t: 'fix', userId, officer: officerWindow !== undefined, fix: reading.fix });
    return undefined;
  }

  /** The person stopped sharing, or their last socket here closed: their position is forgotten everywhere (officers keep theirs until their window closes). */
  stopSharing(userId: string): void {
    if (this.#deps.map.windowOf(userId)) return;
    this.#forget(userId);
    this.#deps.link.publish({ t: 'forget', userId });
  }

  /** An officer's window opened or changed: every instance learns it. */
  openWindow(officerId: string, window: LiveWindow): void {
    this.#deps.map.openWindow(officerId, window);
    this.#deps.link.publish({ t: 'open', officerId, window });
  }

  /** An officer's window closed: everyone near is told, and the position is forgotten on every instance. */
  closeWindow(officerId: string): void {
    this.#closeLocally(officerId);
    this.#deps.link.publish({ t: 'close', officerId });
  }

  /** After a proximity connection the two see each other's position until `untilMs`. */
  startMeet(connectionId: string, officerId: string, citizenId: string, untilMs: number): void {
    this.#deps.map.startMeet(connectionId, officerId, citizenId, untilMs);
    this.#deps.link.publish({ t: 'meet', connectionId, a: officerId, b: citizenId, untilMs });
  }

  /** A person's socket opened here: other instances stop any disconnect grace they run for them. */
  cameOnline(userId: string): void {
    this.#seenOnline.set(userId, this.#deps.clock.now().getTime());
    this.#deps.link.publish({ t: 'online', userId });
  }

  /** When the person was last seen coming online on any instance (ms), for disconnect grace. */
  lastSeenOnline(userId: string): number | undefined {
    return this.#seenOnline.get(userId);
  }

  /** Periodic housekeeping of the in-memory state; returns officers whose windows lapsed here. */
  sweep(): string[] {
    const now = this.#deps.clock.now().getTime();
    const lapsed = this.#deps.map.sweep(now);
    for (const userId of lapsed) this.#forgetRate(userId);
    for (const [userId, allowance] of this.#allowances) if (allowance.refilledAt < now - 10 * 60_000 && !this.#deps.map.fixOf(userId)) this.#forgetRate(userId);
    for (const [userId, at] of this.#lastFlaggedAt) if (at < now - FLAG_INTERVAL_MS) this.#lastFlaggedAt.delete(userId);
    for (const [userId, at] of this.#seenOnline) if (at < now - 10 * 60_000) this.#seenOnline.delete(userId);
    return lapsed;
  }

  #applyRemote(message: LiveMessage): void {
    const { map } = this.#deps;
    switch (message.t) {
      case 'open':
        return map.openWindow(message.officerId, message.window);
      case 'close':
        return this.#closeLocally(message.officerId);
      case 'fix':
        if (message.officer) map.moveOfficer(message.userId, message.fix, false);
        else map.moveCitizen(message.userId, message.fix, false);
        return;
      case 'forget':
        return this.#forget(message.userId);
      case 'meet':
        return map.startMeet(message.connectionId, message.a, message.b, message.untilMs);
      case 'online':
        this.#seenOnline.set(message.userId, this.#deps.clock.now().getTime());
        return;
    }
  }

  #closeLocally(officerId: string): void {
    this.#deps.map.closeWindow(officerId);
    this.#forgetRate(officerId);
  }

  #forget(userId: string): void {
    this.#deps.map.forgetCitizen(userId);
    this.#forgetRate(userId);
  }

  #forgetRate(userId: string): void {
    this.#allowances.delete(userId);
  }

  #allowanceOf(userId: string, now: number): FixAllowance {
    let allowance = this.#allowances.get(userId);
    if (!allowance) {
      allowance = { tokens: FIX_BURST, refilledAt: now, toldAt: -Infinity };
      this.#allowances.set(userId, allowance);
      return allowance;
    }
    allowance.tokens = Math.min(FIX_BURST, allowance.tokens + (Math.max(0, now - allowance.refilledAt) / 1000) * FIXES_PER_SECOND);
    allowance.refilledAt = now;
    return allowance;
  }

  #flag(userId: string, flag: TravelFlag, now: number): void {
    const last = this.#lastFlaggedAt.get(userId);
    if (last !== undefined && now - last < FLAG_INTERVAL_MS) return;
    this.#lastFlaggedAt.set(userId, now);
    this.#deps.recordFlag(userId, flag);
  }
}
