import { bandFor, isNear, type Band } from './bands.ts';
import type { Fix } from './location-fix.ts';
import { distanceM, ProximityIndex } from './proximity-index.ts';
import { SlotMap } from './slot-map.ts';

/** An officer's coarse area: the snapping cell and its centre. The only place a citizen learns. */
export interface SnappedCell {
  readonly cell: string;
  readonly lat: number;
  readonly lon: number;
}

/** Snaps a position to its coarse cell (H3 resolution 8 in production). */
export interface Snapper {
  snap(lat: number, lon: number): SnappedCell;
  /** How far a position lies outside a cell, in metres (0 inside it). */
  metresOutside(cell: string, lat: number, lon: number): number;
}

/**
 * An officer stays in the cell they were announced in until a fix lands this far past its edge (5σ of
 * GPS noise of σ 10 m a coordinate): noise at an edge no longer flips them between two cells, which
 * told colluding citizens that they stood on the edge (ADR 0014).
 */
export const OFFICER_CELL_HYSTERESIS_M = 50;

/** An open availability window as the live map needs it. */
export interface LiveWindow {
  readonly windowId: string;
  readonly precinctName: string;
  readonly inPerson: boolean;
  readonly virtual: boolean;
  readonly closesAtMs: number;
}

/** What the live map tells: a citizen's nearby officers changed, or a meeting party moved. */
export type LiveNotice =
  | { readonly kind: 'entered' | 'changed'; readonly citizenId: string; readonly officerId: string; readonly band: Band; readonly area: SnappedCell; readonly window: LiveWindow }
  | { readonly kind: 'left'; readonly citizenId: string; readonly officerId: string }
  | { readonly kind: 'meet'; readonly toId: string; readonly fromId: string; readonly connectionId: string; readonly fix: Fix; readonly untilMs: number };

/** A nearby officer as a citizen currently knows them. */
export interface NearbyEntry {
  readonly officerId: string;
  readonly band: Band;
  readonly area: SnappedCell;
  readonly window: LiveWindow;
}

/** Grid cell of the officer index (see the constructor). */
const OFFICER_CELL_M = 500;
/**
 * A citizen who moved less than this since their last nearby query is not queried again: officers
 * coming and going reach them from the officer's side, so only their own small moves are skipped
 * (entering, leaving or changing band at most this late, well inside the 250 m and 100 m margins).
 */
const REQUERY_M = 15;

export interface LiveMapOptions {
  /** Near means the officer's cell centre is within this of the citizen. */
  readonly radiusM: number;
  /** An officer stops being near only past radius + this (hysteresis). */
  readonly leaveMarginM: number;
  /** A citizen is told of at most this many officers, nearest first. */
  readonly maxNearby: number;
  /** A citizen's position is forgotten when no fix came for this long. */
  readonly citizenTtlMs: number;
  readonly snapper: Snapper;
  /** An officer changes cell only once a fix is this far past the edge of the one they were announced in (default OFFICER_CELL_HYSTERESIS_M). */
  readonly cellHysteresisM?: number;
  readonly notify: (notice: LiveNotice) => void;
}

interface OfficerState {
  window: LiveWindow;
  area: SnappedCell | undefined;
  /** Local citizens currently told about this officer. */
  readonly watchers: Set<string>;
}

interface Meet {
  readonly connectionId: string;
  readonly otherId: string;
  readonly untilMs: number;
}

/**
 * Everyone's live position, in memory only: available officers indexed by their snapped cell centre,
 * this instance's citizens by their own position, and for each local citizen the officers they were
 * told about. Officer coordinates are never compared with a citizen's — only their cell centre is.
 * Positions are dropped when a window closes or a citizen goes quiet.
 */
export class LiveMap {
  readonly #options: LiveMapOptions;
  readonly #slots = new SlotMap();
  readonly #officerIndex: ProximityIndex;
  readonly #citizenIndex: ProximityIndex;
  readonly #fixes = new Map<string, Fix>();
  readonly #officers = new Map<string, OfficerState>();
  readonly #told = new Map<string, Map<string, Band>>();
  readonly #meets = new Map<string, Meet>();
  /** Where each local citizen's last nearby query was made. */
  readonly #queriedAt = new Map<string, { lat: number; lon: number }>();
  readonly #outIds: Int32Array;
  readonly #outDist: Float64Array;
  #visitingOfficer = '';
  #visitingState: OfficerState | undefined;

  constructor(options: LiveMapOptions) {
    this.#options = options;
    // Nearest-first queries prune best with cells about half the radius (measured: a citizen's update at
    // 40 officers/km² costs ~30 µs with 500 m cells, ~50 µs with 1,250 m); the citizen index is only
    // scanned whole-radius (forEachWithin), where bigger cells mean fewer lookups.
    this.#officerIndex = new ProximityIndex({ cellSizeM: OFFICER_CELL_M });
    this.#citizenIndex = new ProximityIndex({ cellSizeM: options.radiusM + options.leaveMarginM });
    this.#outIds = new Int32Array(options.maxNearby);
    this.#outDist = new Float64Array(options.maxNearby);
  }

  /** An officer became available (or a replica learnt so); a position already known is placed. */
  openWindow(officerId: string, window: LiveWindow): void {
    const existing = this.#officers.get(officerId);
    if (existing) {
      existing.window = window;
      if (!window.inPerson) this.#unplace(officerId, existing);
      return;
    }
    this.#officers.set(officerId, { window, area: undefined, watchers: new Set() });
  }

  /** The window closed: citizens who were told are told the officer left, and the position is forgotten. */
  closeWindow(officerId: string): boolean {
    const state = this.#officers.get(officerId);
    if (!state) return false;
    this.#unplace(officerId, state);
    this.#officers.delete(officerId);
    this.#forgetPosition(officerId);
    this.#endMeet(officerId);
    return true;
  }

  /** The open window of an officer, if any. */
  windowOf(officerId: string): LiveWindow | undefined {
    return this.#officers.get(officerId)?.window;
  }

  /** Officers available for virtual connections, with their window. */
  *virtualOfficers(): IterableIterator<[string, LiveWindow]> {
    for (const [officerId, state] of this.#officers) if (state.window.virtual) yield [officerId, state.window];
  }

  /**
   * An available officer moved (`local`: the fix came in on this instance, not from a replica, which
   * passes the cell the officer's own instance `announced`); only a change of cell reaches the index and
   * the citizens, and only past the hysteresis. False when they have no open window.
   */
  moveOfficer(officerId: string, fix: Fix, local: boolean, announced?: SnappedCell): boolean {
    const state = this.#officers.get(officerId);
    if (!state) return false;
    this.#fixes.set(officerId, fix);
    if (local) this.#forwardToMeet(officerId, fix);
    if (!state.window.inPerson) return true;
    const area = announced ?? this.#cellFor(state.area, fix);
    if (state.area?.cell === area.cell) return true;
    state.area = area;
    this.#officerIndex.upsert(this.#slots.acquire(officerId), area.lat, area.lon);
    this.#reconsiderWatchers(officerId, state, area);
    this.#visitingOfficer = officerId;
    this.#visitingState = state;
    this.#citizenIndex.forEachWithin(area.lat, area.lon, this.#options.radiusM, this.#visitCitizen);
    this.#visitingState = undefined;
    return true;
  }

  /** A citizen moved. Local citizens (whose socket is on this instance) are indexed and told what changed near them. */
  moveCitizen(citizenId: string, fix: Fix, local: boolean): void {
    this.#fixes.set(citizenId, fix);
    if (!local) return;
    this.#forwardToMeet(citizenId, fix);
    this.#citizenIndex.upsert(this.#slots.acquire(citizenId), fix.lat, fix.lon);
    const queried = this.#queriedAt.get(citizenId);
    if (queried) {
      if (distanceM(queried.lat, queried.lon, fix.lat, fix.lon) < REQUERY_M) return;
      queried.lat = fix.lat;
      queried.lon = fix.lon;
    } else {
      this.#queriedAt.set(citizenId, { lat: fix.lat, lon: fix.lon });
    }
    const { radiusM, leaveMarginM, maxNearby } = this.#options;
    const count = this.#officerIndex.nearest(fix.lat, fix.lon, radiusM + leaveMarginM, maxNearby, this.#outIds, this.#outDist);
    let told = this.#told.get(citizenId);
    if (told) {
      for (const [officerId, band] of told) {
        const at = this.#indexOfResult(officerId, count);
        const state = this.#officers.get(officerId);
        if (at < 0 || !state?.area) {
          this.#leave(citizenId, officerId, told);
          continue;
        }
        const next = bandFor(this.#outDist[at] ?? Infinity, band);
        if (next !== band) {
          told.set(officerId, next);
          this.#options.notify({ kind: 'changed', citizenId, officerId, band: next, area: state.area, window: state.window });
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const d = this.#outDist[i] ?? Infinity;
      if (!isNear(d, radiusM, false, leaveMarginM)) break;
      const officerId = this.#slots.nameOf(this.#outIds[i] ?? -1);
      const state = officerId === undefined ? undefined : this.#officers.get(officerId);
      if (!officerId || !state?.area || told?.has(officerId)) continue;
      if (!told) this.#told.set(citizenId, (told = new Map()));
      if (told.size >= maxNearby) break;
      this.#enter(citizenId, officerId, state, d, told);
    }
  }

  /** A person stopped sharing (or their last socket closed): their position goes, and nobody is told anything more about them. */
  forgetCitizen(citizenId: string): void {
    const told = this.#told.get(citizenId);
    for (const officerId of told?.keys() ?? []) this.#officers.get(officerId)?.watchers.delete(citizenId);
    this.#told.delete(citizenId);
    this.#queriedAt.delete(citizenId);
    this.#forgetPosition(citizenId);
  }

  /**
   * The officers near a citizen, nearest band first: what they were told when their socket is on this
   * instance, otherwise worked out afresh from their replicated position (same radius, no hysteresis).
   */
  nearbyOf(citizenId: string): NearbyEntry[] {
    const entries: NearbyEntry[] = [];
    const told = this.#told.get(citizenId);
    const fix = this.#fixes.get(citizenId);
    if (told) {
      for (const [officerId, band] of told) {
        const state = this.#officers.get(officerId);
        if (state?.area) entries.push({ officerId, band, area: state.area, window: state.window });
      }
    } else if (fix && !this.#officers.has(citizenId)) {
      const count = this.#officerIndex.nearest(fix.lat, fix.lon, this.#options.radiusM, this.#options.maxNearby, this.#outIds, this.#outDist);
      for (let i = 0; i < count; i++) {
        const officerId = this.#slots.nameOf(this.#outIds[i] ?? -1);
        const state = officerId === undefined ? undefined : this.#officers.get(officerId);
        if (officerId && state?.area) entries.push({ officerId, band: bandFor(this.#outDist[i] ?? Infinity, undefined), area: state.area, window: state.window });
      }
    }
    return entries.sort((a, b) => (a.band === b.band ? 0 : a.band === 'within-500m' ? -1 : 1));
  }

  /** The band between a citizen and an officer by the latest positions (cell centre, with the leave margin), or undefined when not near. */
  bandBetween(citizenId: string, officerId: string): Band | undefined {
    const fix = this.#fixes.get(citizenId);
    const area = this.#officers.get(officerId)?.area;
    if (!fix || !area) return undefined;
    const d = distanceM(fix.lat, fix.lon, area.lat, area.lon);
    return isNear(d, this.#options.radiusM, true, this.#options.leaveMarginM) ? bandFor(d, undefined) : undefined;
  }

  /** The latest accepted fix of a person, while the map holds one. */
  fixOf(userId: string): Fix | undefined {
    return this.#fixes.get(userId);
  }

  /** The officer's current cell, while available in person and placed. */
  areaOf(officerId: string): SnappedCell | undefined {
    return this.#officers.get(officerId)?.area;
  }

  /** After a proximity connection, each party's moves are passed to the other until `untilMs`. */
  startMeet(connectionId: string, a: string, b: string, untilMs: number): void {
    this.#meets.set(a, { connectionId, otherId: b, untilMs });
    this.#meets.set(b, { connectionId, otherId: a, untilMs });
  }

  /** Closes windows past their time, forgets quiet citizens and ended meetings; returns the officers whose window lapsed. */
  sweep(nowMs: number): string[] {
    const lapsed: string[] = [];
    for (const [officerId, state] of this.#officers) if (state.window.closesAtMs <= nowMs) lapsed.push(officerId);
    for (const officerId of lapsed) this.closeWindow(officerId);
    for (const [userId, fix] of this.#fixes) {
      if (!this.#officers.has(userId) && fix.at < nowMs - this.#options.citizenTtlMs) this.forgetCitizen(userId);
    }
    for (const [userId, meet] of this.#meets) if (meet.untilMs <= nowMs) this.#meets.delete(userId);
    return lapsed;
  }

  /** Whether any structure still holds this exact coordinate (retention tests). */
  holdsCoordinate(value: number): boolean {
    if (this.#officerIndex.holdsCoordinate(value) || this.#citizenIndex.holdsCoordinate(value)) return true;
    for (const fix of this.#fixes.values()) if (fix.lat === value || fix.lon === value) return true;
    for (const point of this.#queriedAt.values()) if (point.lat === value || point.lon === value) return true;
    return false;
  }

  /** Counts for metrics: available officers, placed officers, people with a position. */
  get stats(): { readonly available: number; readonly placed: number; readonly positions: number } {
    return { available: this.#officers.size, placed: this.#officerIndex.size, positions: this.#fixes.size };
  }

  readonly #visitCitizen = (slot: number, d: number): void => {
    const state = this.#visitingState;
    const citizenId = this.#slots.nameOf(slot);
    if (!state || citizenId === undefined || state.watchers.has(citizenId)) return;
    let told = this.#told.get(citizenId);
    if (!told) this.#told.set(citizenId, (told = new Map()));
    if (told.size < this.#options.maxNearby) this.#enter(citizenId, this.#visitingOfficer, state, d, told);
  };

  #enter(citizenId: string, officerId: string, state: OfficerState, d: number, told: Map<string, Band>): void {
    if (!state.area) return;
    const band = bandFor(d, undefined);
    told.set(officerId, band);
    state.watchers.add(citizenId);
    this.#options.notify({ kind: 'entered', citizenId, officerId, band, area: state.area, window: state.window });
  }

  #leave(citizenId: string, officerId: string, told: Map<string, Band>): void {
    told.delete(officerId);
    this.#officers.get(officerId)?.watchers.delete(citizenId);
    this.#options.notify({ kind: 'left', citizenId, officerId });
  }

  #reconsiderWatchers(officerId: string, state: OfficerState, area: SnappedCell): void {
    for (const citizenId of state.watchers) {
      const fix = this.#fixes.get(citizenId);
      const told = this.#told.get(citizenId);
      if (!told) continue;
      const d = fix ? distanceM(fix.lat, fix.lon, area.lat, area.lon) : Infinity;
      if (!isNear(d, this.#options.radiusM, true, this.#options.leaveMarginM)) {
        this.#leave(citizenId, officerId, told);
        continue;
      }
      const band = bandFor(d, told.get(officerId));
      told.set(officerId, band);
      this.#options.notify({ kind: 'changed', citizenId, officerId, band, area, window: state.window });
    }
  }

  /** The cell an officer announced in `current` is to be shown in after this fix: the same one until the fix is clearly past its edge. */
  #cellFor(current: SnappedCell | undefined, fix: Fix): SnappedCell {
    const { snapper, cellHysteresisM = OFFICER_CELL_HYSTERESIS_M } = this.#options;
    const snapped = snapper.snap(fix.lat, fix.lon);
    if (!current || snapped.cell === current.cell || snapper.metresOutside(current.cell, fix.lat, fix.lon) >= cellHysteresisM) return snapped;
    return current;
  }

  #unplace(officerId: string, state: OfficerState): void {
    for (const citizenId of state.watchers) {
      const told = this.#told.get(citizenId);
      if (told) this.#leave(citizenId, officerId, told);
    }
    state.watchers.clear();
    state.area = undefined;
    const slot = this.#slots.slotOf(officerId);
    if (slot !== undefined) this.#officerIndex.remove(slot);
  }

  #forgetPosition(userId: string): void {
    this.#fixes.delete(userId);
    const slot = this.#slots.slotOf(userId);
    if (slot === undefined) return;
    this.#officerIndex.remove(slot);
    this.#citizenIndex.remove(slot);
    this.#slots.release(userId);
  }

  #endMeet(userId: string): void {
    const meet = this.#meets.get(userId);
    this.#meets.delete(userId);
    if (meet && this.#meets.get(meet.otherId)?.otherId === userId) this.#meets.delete(meet.otherId);
  }

  #forwardToMeet(userId: string, fix: Fix): void {
    const meet = this.#meets.get(userId);
    if (!meet) return;
    if (meet.untilMs <= fix.at) {
      this.#meets.delete(userId);
      return;
    }
    this.#options.notify({ kind: 'meet', toId: meet.otherId, fromId: userId, connectionId: meet.connectionId, fix, untilMs: meet.untilMs });
  }

  #indexOfResult(officerId: string, count: number): number {
    const slot = this.#slots.slotOf(officerId);
    for (let i = 0; i < count; i++) if (this.#outIds[i] === slot) return i;
    return -1;
  }
}
