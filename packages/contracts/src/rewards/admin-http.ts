// The rewards module's HTTP shapes for platform admins: earning rules (versioned), their preview,
// the deployment's rewards settings and the ledger's audit.
import { Type, type Static } from 'typebox';
import { ConnectionKind } from '../connections/events.ts';
import { Nullable, Time, Uuid } from '../shared/http.ts';

/** The kinds of connection a rule can pay for: connections' own. */
export { ConnectionKind };

/** Which connections a rule counts, by whether their location was verified. */
export const LocationCheck = Type.Union([Type.Literal('any'), Type.Literal('verified'), Type.Literal('unverified')]);
export type LocationCheck = Static<typeof LocationCheck>;

/** A rule that pays only for a first connection (ever, or with this officer). */
export const RuleBonus = Type.Union([Type.Literal('none'), Type.Literal('first-ever'), Type.Literal('first-with-this-officer')]);
export type RuleBonus = Static<typeof RuleBonus>;

const RulePoints = Type.Integer({ minimum: 0, maximum: 10_000 });
const Cap = Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }));
const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM in the deployment’s time zone' });

/** Days (0 = Sunday … 6) and times in the deployment's time zone; from later than to spans midnight. */
export const TimeWindow = Type.Object({
  days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
  from: HourMinute,
  to: HourMinute,
}, { additionalProperties: false });
export type TimeWindow = Static<typeof TimeWindow>;

/** The fields of a rule as an admin writes it. */
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  active: Type.Boolean(),
  kinds: Type.Array(ConnectionKind, { minItems: 1, maxItems: 3, uniqueItems: true }),
  locationVerified: LocationCheck,
  points: Type.Object({ citizen: RulePoints, officer: RulePoints }, { additionalProperties: false }),
  timeWindow: Nullable(TimeWindow),
  area: Nullable(Type.Object({
    cells: Type.Array(Type.String({ pattern: '^[0-9a-f]{15}$', description: 'H3 cell' }), { maxItems: 5000 }),
    zips: Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 5000 }),
  }, { additionalProperties: false })),
  bonus: RuleBonus,
  caps: Type.Object({ perPairPerDay: Cap, perUserPerDay: Cap, budget: Cap }, { additionalProperties: false }),
};

/** An earning rule as an admin writes it: conditions, points per party, caps. */
export const RuleDefinition = Type.Object(ruleFields, { additionalProperties: false });
export type RuleDefinition = Static<typeof RuleDefinition>;

/** A saved rule: one version of it, and the points it has paid out. */
export const Rule = Type.Object({
  ...ruleFields,
  id: Uuid('the rule'),
  version: Type.Integer({ description: 'an edit is a new version; awards keep the version that paid them' }),
  spentPoints: Type.Integer({ description: 'points the rule has paid, all versions' }),
  updatedAt: Time(),
});
export type Rule = Static<typeof Rule>;

/** Which rule. */
export const RuleParams = Type.Object({ ruleId: Uuid() });
export type RuleParams = Static<typeof RuleParams>;

/** `GET /rewards/rules` and a rule's versions. */
export const RulesAnswer = Type.Object({ items: Type.Array(Rule) });
export type RulesAnswer = Static<typeof RulesAnswer>;

/** Creating and editing a rule answer it. */
export const RuleAnswer = Type.Object({ rule: Rule });
export type RuleAnswer = Static<typeof RuleAnswer>;

/** `POST /rewards/rules/preview`: a connection to try the rules on. */
export const PreviewInput = Type.Object({
  kind: ConnectionKind,
  locationVerified: Type.Boolean(),
  madeAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'when; now when absent' }))),
  cell: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  zip: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  firstEver: Type.Optional(Type.Boolean()),
  firstWithThisOfficer: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type PreviewInput = Static<typeof PreviewInput>;

/** One rule that would pay. */
export const PreviewLine = Type.Object({ ruleId: Uuid('the rule'), version: Type.Integer(), name: Type.String(), points: Type.Integer() });
export type PreviewLine = Static<typeof PreviewLine>;

/** What each side would earn under the rules in force (caps not applied). */
export const Preview = Type.Object({
  citizen: Type.Array(PreviewLine),
  officer: Type.Array(PreviewLine),
  totals: Type.Object({ citizen: Type.Integer(), officer: Type.Integer() }),
});
export type Preview = Static<typeof Preview>;

/** Deployment-wide rewards settings. */
export const RewardsSettings = Type.Object({
  citizenGiftsEnabled: Type.Boolean({ description: 'citizens may gift points to each other' }),
  giftDailyCap: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  donationDailyCap: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  pointValueCents: Type.Integer({ minimum: 0, maximum: 100_000, description: 'what a point is worth, settled with partners off-system' }),
  pairConnectionsPerDay: Type.Integer({ minimum: 1, maximum: 20, description: 'how many times the same officer and citizen may connect in a rolling day (whether or not the rules pay them)' }),
}, { additionalProperties: false });
export type RewardsSettings = Static<typeof RewardsSettings>;

/** Reading and saving the settings answer them. */
export const SettingsAnswer = Type.Object({ settings: RewardsSettings });
export type SettingsAnswer = Static<typeof SettingsAnswer>;

/** `GET /rewards/ledger/check`: conservation (the sum of all entries is 0) and accounts whose balance differs from their entries. */
export const LedgerCheck = Type.Object({
  sumOfEntries: Type.Integer({ description: '0 when no point was created or lost' }),
  accounts: Type.Integer(),
  mismatched: Type.Array(Type.Object({ accountId: Uuid(), kind: Type.String(), balance: Type.Integer(), entries: Type.Integer() })),
});
export type LedgerCheck = Static<typeof LedgerCheck>;
