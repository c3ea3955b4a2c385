import type { Clock } from '../../../platform/clock.ts';
import type { ConnectionsPush, LocationRejectionCode } from '@heyblue/contracts/connections';
import type { LiveMap, LiveNotice, LiveWindow } from '../domain/live-map.ts';
import { FixMemory } from '../domain/fix-memory.ts';
import { readFix } from '../domain/location-fix.ts';
import { checkTravel, TRAVEL_MEMORY_MS, type TravelFlag } from '../domain/travel-check.ts';
import type { LiveLink, LiveMessage } from './live-link.ts';
import { presentNotice } from './live-messages.ts';

/** One fix a second per person, with a burst of three so fixes bunched by a slow network (or a busy server) are not lost. */
export const FIXES_PER_SECOND = 1;
export const FIX_BURST = 3;
/** A phone sending too fast is told so at most this often; the rest are dropped silently (a reply per drop is what overloads a busy server). */
const TOO_FREQUENT_TELL_MS = 5000;
/** One fraud flag per person per minute is enough to see a pattern without flooding the table. */
const FLAG_INTERVAL_MS = 60_000;

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
 * instances, which also count them in their fix memory, so a person's allowance and last trusted fix
 * follow them across `location.stop`, sockets and instances (for 10 minutes). Nothing here touches
 * the database or logs a coordinate.
 */
export class LiveHub {
  readonly #deps: LiveHubDeps;
  readonly #memory = new FixMemory({ fixesPerSecond: FIXES_PER_SECOND, burst: FIX_BURST, ttlMs: TRAVEL_MEMORY_MS });
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
    const memory = this.#memory;
    if (!memory.hasAllowance(userId, now)) return memory.shouldTellTooFrequent(userId, now, TOO_FREQUENT_TELL_MS) ? 'CONNECTIONS_LOCATION_TOO_FREQUENT' : 'dropped';
    const reading = readFix(message, now, this.#deps.maxAccuracyM);
    if ('rejected' in reading) return reading.rejected;
    const { map } = this.#deps;
    const officerWindow = map.windowOf(userId);
    if (isOfficer && !officerWindow) return 'CONNECTIONS_NO_OPEN_WINDOW';
    // A fix refused before this (no window yet, out of range) spends no allowance, so the phone's next,
    // good fix need not wait; an implausible one does, or refused teleports would be free retries.
    const flag = checkTravel(memory.trustedFix(userId), reading.fix);
    if (flag) {
      memory.spend(userId, now);
      this.#flag(userId, flag, now);
      return 'CONNECTIONS_LOCATION_FLAGGED';
    }
    memory.trust(userId, reading.fix, now);
    if (!officerWindow) {
      map.moveCitizen(userId, reading.fix, true);
      this.#deps.link.publish({ t: 'fix', userId, officer: false, fix: reading.fix });
      return undefined;
    }
    map.moveOfficer(userId, reading.fix, true);
    // Other instances show the officer in the cell this one announced (its hysteresis decided it), so
    // citizens on every instance see the same cell.
    const area = map.areaOf(userId);
    this.#deps.link.publish(area ? { t: 'fix', userId, officer: true, fix: reading.fix, area } : { t: 'fix', userId, officer: true, fix: reading.fix });
    return undefined;
  }

  /**
   * The person stopped sharing, or their last socket here closed: their position leaves every live map
   * (officers keep theirs until their window closes). The fix memory keeps their allowance and last
   * trusted fix until it forgets them by itself.
   */
  stopSharing(userId: string): void {
    if (this.#deps.map.windowOf(userId)) return;
    this.#deps.map.forgetCitizen(userId);
    this.#deps.link.publish({ t: 'forget', userId });
  }

  /** The person's account is gone: their position and fix memory are forgotten on every instance now. */
  erase(userId: string): void {
    this.#erase(userId);
    this.#deps.link.publish({ t: 'erase', userId });
  }

  /** An officer's window opened or changed: every instance learns it. */
  openWindow(officerId: string, window: LiveWindow): void {
    this.#deps.map.openWindow(officerId, window);
    this.#deps.link.publish({ t: 'open', officerId, window });
  }

  /** An officer's window closed: everyone near is told, and the position is forgotten on every instance. */
  closeWindow(officerId: string): void {
    this.#deps.map.closeWindow(officerId);
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

  /** Whether the fix memory still holds this exact coordinate (retention tests). */
  remembersCoordinate(value: number): boolean {
    return this.#memory.holdsCoordinate(value);
  }

  /** Periodic housekeeping of the in-memory state; returns officers whose windows lapsed here. */
  sweep(): string[] {
    const now = this.#deps.clock.now().getTime();
    const lapsed = this.#deps.map.sweep(now);
    this.#memory.sweep(now);
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
        map.closeWindow(message.officerId);
        return;
      case 'fix':
        this.#memory.trust(message.userId, message.fix, this.#deps.clock.now().getTime());
        if (message.officer) map.moveOfficer(message.userId, message.fix, false, message.area);
        else map.moveCitizen(message.userId, message.fix, false);
        return;
      case 'forget':
        return map.forgetCitizen(message.userId);
      case 'erase':
        return this.#erase(message.userId);
      case 'meet':
        return map.startMeet(message.connectionId, message.a, message.b, message.untilMs);
      case 'online':
        this.#seenOnline.set(message.userId, this.#deps.clock.now().getTime());
        return;
    }
  }

  #erase(userId: string): void {
    this.#deps.map.closeWindow(userId);
    this.#deps.map.forgetCitizen(userId);
    this.#memory.forget(userId);
  }

  #flag(userId: string, flag: TravelFlag, now: number): void {
    const last = this.#lastFlaggedAt.get(userId);
    if (last !== undefined && now - last < FLAG_INTERVAL_MS) return;
    this.#lastFlaggedAt.set(userId, now);
    this.#deps.recordFlag(userId, flag);
  }
}
