import { cappedPoints, pointsFor, ruleApplies, type ConnectionFacts, type ConnectionKind, type Party, type RuleVersion } from './earning-rules.ts';
import type { LocalMoment } from './local-time.ts';

/** A made connection to pay, with the event that told of it. */
export interface ConnectionToPay {
  readonly eventId: string;
  readonly connectionId: string;
  readonly officerId: string;
  readonly citizenId: string;
  readonly kind: ConnectionKind;
  readonly locationVerified: boolean;
  readonly cell: string | null;
  readonly zip: string | null;
  /** When it was made, in the deployment's time zone. */
  readonly at: LocalMoment;
}

/** The two people of a recorded connection. */
export interface Parties {
  readonly officerId: string;
  readonly citizenId: string;
}

/** What the ledger knew before a batch: the history its bonuses and caps look at. */
export interface PaidBefore {
  /** People with a connection recorded that is not one of the batch's. */
  readonly peopleSeen: ReadonlySet<string>;
  /** Pairs (`pairKey`) with a connection recorded that is not one of the batch's. */
  readonly pairsSeen: ReadonlySet<string>;
  /** The batch's connections already recorded (a redelivery), by connection id. */
  readonly recorded: ReadonlyMap<string, Parties>;
  /** Points paid, by `recipientDayKey` and `pairDayKey`. */
  readonly usage: ReadonlyMap<string, number>;
  /** Awards already written, by `awardKey` (a redelivered event's). */
  readonly awarded: ReadonlySet<string>;
  /** What each budgeted rule has paid in all, by rule id (read under the rule's lock). */
  readonly spent: ReadonlyMap<string, number>;
}

/** An award the batch pays. */
export interface PlannedAward {
  readonly source: ConnectionToPay;
  readonly rule: RuleVersion;
  readonly party: Party;
  readonly recipientId: string;
  readonly counterpartId: string;
  readonly points: number;
  /** A cap cut it below the rule's points. */
  readonly capped: boolean;
}

/** Why a party was paid nothing for a connection although a rule applied (the contract's reasons). */
export type UnpaidReason = 'pair-paid-today' | 'daily-limit-reached' | 'budget-spent';

/** A party a connection paid nothing because caps cut every rule that applied to it to zero. */
export interface UnpaidParty {
  readonly source: ConnectionToPay;
  readonly party: Party;
  readonly recipientId: string;
  readonly reason: UnpaidReason;
}

/** What a batch pays, and who it leaves unpaid by caps. */
export interface AwardPlan {
  readonly awards: PlannedAward[];
  readonly unpaid: UnpaidParty[];
}

/** The cap that left nothing: the pair's day first (the usual case: they met again), then the person's day, then the budget. */
function exhaustedCap(caps: RuleVersion['definition']['caps'], usage: { pairToday: number; recipientToday: number; spent: number }): UnpaidReason {
  if (caps.perPairPerDay !== null && usage.pairToday >= caps.perPairPerDay) return 'pair-paid-today';
  if (caps.perUserPerDay !== null && usage.recipientToday >= caps.perUserPerDay) return 'daily-limit-reached';
  return 'budget-spent';
}

/** The key of a pair of people, officer first (as the history is kept). */
export const pairKey = (officerId: string, citizenId: string): string => `${officerId}|${citizenId}`;
/** The key of what a rule paid a recipient on a local day. */
export const recipientDayKey = (ruleId: string, recipientId: string, day: string): string => `${ruleId}|${recipientId}|${day}`;
/** The key of what a rule paid a recipient on a local day for connections with one counterpart. */
export const pairDayKey = (ruleId: string, recipientId: string, counterpartId: string, day: string): string => `${ruleId}|${recipientId}|${counterpartId}|${day}`;
/** The key that makes an award unique: its source event, recipient and rule. */
export const awardKey = (eventId: string, recipientId: string, ruleId: string): string => `${eventId}|${recipientId}|${ruleId}`.toLowerCase();

/** The rules whose caps need what was paid before: those with a per-pair or per-person daily cap. */
export function dailyCapped(rules: readonly RuleVersion[]): RuleVersion[] {
  return rules.filter((r) => r.definition.caps.perPairPerDay !== null || r.definition.caps.perUserPerDay !== null);
}

/** The rules with a budget shared by everyone. */
export function budgeted(rules: readonly RuleVersion[]): RuleVersion[] {
  return rules.filter((r) => r.definition.caps.budget !== null);
}

/**
 * Pays a batch of connections as if each were paid alone, one after another in the batch's order: a
 * connection's bonuses see every connection before it (recorded or earlier in the batch), and its caps
 * count every award before it (written, or planned earlier in the batch). An award already written is
 * not planned again, and counts nothing new.
 */
export function planAwards(rules: readonly RuleVersion[], batch: readonly ConnectionToPay[], before: PaidBefore): AwardPlan {
  const history = new SeenBefore(before);
  const usage = new Map(before.usage);
  const spent = new Map(before.spent);
  const planned: PlannedAward[] = [];
  const unpaid: UnpaidParty[] = [];
  for (const connection of batch) {
    history.record(connection);
    const facts: ConnectionFacts = {
      kind: connection.kind, locationVerified: connection.locationVerified, cell: connection.cell, zip: connection.zip,
      firstEver: { citizen: !history.seenBefore(connection.citizenId, connection.connectionId), officer: !history.seenBefore(connection.officerId, connection.connectionId) },
      firstForPair: !history.pairBefore(connection),
    };
    const parties: Array<[Party, string, string]> = [['citizen', connection.citizenId, connection.officerId], ['officer', connection.officerId, connection.citizenId]];
    for (const [party, recipientId, counterpartId] of parties) {
      let paid = false;
      let cutBy: UnpaidReason | undefined;
      for (const rule of rules) {
        if (!ruleApplies(rule.definition, facts, party, connection.at)) continue;
        if (before.awarded.size > 0 && before.awarded.has(awardKey(connection.eventId, recipientId, rule.id))) {
          paid = true;
          continue;
        }
        // Only the caps a rule has are counted (most awards need no key built at all).
        const { caps } = rule.definition;
        const pair = caps.perPairPerDay === null ? null : pairDayKey(rule.id, recipientId, counterpartId, connection.at.day);
        const recipient = caps.perUserPerDay === null ? null : recipientDayKey(rule.id, recipientId, connection.at.day);
        const full = pointsFor(rule.definition, party);
        const used = { pairToday: pair === null ? 0 : (usage.get(pair) ?? 0), recipientToday: recipient === null ? 0 : (usage.get(recipient) ?? 0), spent: caps.budget === null ? 0 : (spent.get(rule.id) ?? 0) };
        const points = cappedPoints(full, caps, used);
        if (points <= 0) {
          cutBy ??= exhaustedCap(caps, used);
          continue;
        }
        paid = true;
        if (pair !== null) usage.set(pair, (usage.get(pair) ?? 0) + points);
        if (recipient !== null) usage.set(recipient, (usage.get(recipient) ?? 0) + points);
        if (caps.budget !== null) spent.set(rule.id, (spent.get(rule.id) ?? 0) + points);
        planned.push({ source: connection, rule, party, recipientId, counterpartId, points, capped: points < full });
      }
      if (!paid && cutBy) unpaid.push({ source: connection, party, recipientId, reason: cutBy });
    }
  }
  return { awards: planned, unpaid };
}

/** Connections recorded before the batch and in it so far: whether a person or a pair connected before a given connection. */
class SeenBefore {
  readonly #before: PaidBefore;
  /** Connections of the batch recorded so far (the recorded ones from the start), by person and by pair. */
  readonly #byPerson = new Map<string, Set<string>>();
  readonly #byPair = new Map<string, Set<string>>();
  readonly #known = new Set<string>();

  constructor(before: PaidBefore) {
    this.#before = before;
    for (const [connectionId, parties] of before.recorded) this.#add(connectionId, parties);
  }

  /** Records a connection as the one-at-a-time path does: a connection id already recorded keeps its first parties. */
  record(connection: ConnectionToPay): void {
    this.#add(connection.connectionId, connection);
  }

  seenBefore(personId: string, connectionId: string): boolean {
    return this.#before.peopleSeen.has(personId) || hasOther(this.#byPerson.get(personId), connectionId);
  }

  pairBefore(connection: ConnectionToPay): boolean {
    const key = pairKey(connection.officerId, connection.citizenId);
    return this.#before.pairsSeen.has(key) || hasOther(this.#byPair.get(key), connection.connectionId);
  }

  #add(connectionId: string, parties: Parties): void {
    if (this.#known.has(connectionId)) return;
    this.#known.add(connectionId);
    // A person is a party as officer or as citizen alike (as the recorded history is searched).
    for (const person of new Set([parties.officerId, parties.citizenId])) addTo(this.#byPerson, person, connectionId);
    addTo(this.#byPair, pairKey(parties.officerId, parties.citizenId), connectionId);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, connectionId: string): void {
  const set = map.get(key);
  if (set) set.add(connectionId);
  else map.set(key, new Set([connectionId]));
}

function hasOther(set: ReadonlySet<string> | undefined, connectionId: string): boolean {
  if (!set) return false;
  return set.size > 1 || (set.size === 1 && !set.has(connectionId));
}
