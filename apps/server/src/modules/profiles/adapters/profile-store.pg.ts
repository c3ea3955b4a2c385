import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { Profile } from '../domain/profile.ts';
import type { ProfileStore, Tx } from '../application/ports.ts';
import { sumByAccount, type CounterChange } from '../domain/counters.ts';

interface ProfileRow {
  account_id: string;
  display_name: string;
  bio: string | null;
  precinct: string | null;
  avatar_updated_at: Date | null;
  show_display_name: boolean;
  show_avatar: boolean;
  show_bio: boolean;
  show_connection_count: boolean;
  connections_made: number;
  points_earned: number;
  points_spent: number;
  points_donated: number;
  trophies: number;
  onboarded_at: Date | null;
  language: 'en' | 'es' | null;
  created_at: Date;
  updated_at: Date;
}

const PROFILE_COLUMNS = sql`account_id, display_name, bio, precinct, avatar_updated_at, show_display_name, show_avatar, show_bio, show_connection_count,
  connections_made, points_earned, points_spent, points_donated, trophies, onboarded_at, language, created_at, updated_at`;

function toProfile(row: ProfileRow): Profile {
  return {
    accountId: row.account_id,
    displayName: row.display_name,
    bio: row.bio,
    precinct: row.precinct,
    avatarUpdatedAt: row.avatar_updated_at,
    privacy: { displayName: row.show_display_name, avatar: row.show_avatar, bio: row.show_bio, connectionCount: row.show_connection_count },
    counters: { connectionsMade: row.connections_made, pointsEarned: row.points_earned, pointsSpent: row.points_spent, pointsDonated: row.points_donated, trophies: row.trophies },
    onboardedAt: row.onboarded_at,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creation and deletion of one account's profile take this lock, so a first read racing a deletion cannot bring the profile back. */
async function lockAccount(tx: Tx, accountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`profiles:${accountId}`}, 0))`.execute(sqlOf(tx));
}

/** Profiles' tables in schema `profiles`, through SQL. */
export function profileStore(): ProfileStore {
  return {
    async addToCounters(tx, changes) {
      const sums = sumByAccount(changes);
      if (sums.length === 0) return;
      const column = (pick: (c: CounterChange) => number | string) => sums.map(pick);
      // The rows are locked in the order of their ids before any is updated, so concurrent batches never wait on each other in a circle.
      await sql`with locked as materialized (select account_id from profiles.profiles where account_id = any(${column((c) => c.accountId)}::uuid[]) order by account_id for update)
        update profiles.profiles p set connections_made = p.connections_made + c.connections, points_earned = p.points_earned + c.earned,
          points_spent = p.points_spent + c.spent, points_donated = p.points_donated + c.donated
        from locked l join unnest(${column((c) => c.accountId)}::uuid[], ${column((c) => c.connectionsMade)}::int[], ${column((c) => c.pointsEarned)}::int[],
          ${column((c) => c.pointsSpent)}::int[], ${column((c) => c.pointsDonated)}::int[]) as c(account_id, connections, earned, spent, donated) on c.account_id = l.account_id
        where p.account_id = l.account_id`.execute(sqlOf(tx));
    },
    async markOfficer(tx, accountId, precinct, at) {
      await sql`update profiles.profiles set precinct = ${precinct}, show_bio = false, updated_at = ${at} where account_id = ${accountId}`.execute(sqlOf(tx));
    },
    async ensure(tx, profile, at) {
      await lockAccount(tx, profile.accountId);
      const { privacy } = profile;
      await sql`insert into profiles.profiles (account_id, display_name, show_display_name, show_avatar, show_bio, show_connection_count, onboarded_at, created_at, updated_at)
        select ${profile.accountId}, ${profile.displayName}, ${privacy.displayName}, ${privacy.avatar}, ${privacy.bio}, ${privacy.connectionCount}, ${profile.onboarded ? at : null}, ${at}, ${at}
        where not exists (select 1 from profiles.deleted_accounts where account_id = ${profile.accountId})
        on conflict (account_id) do ${profile.onboarded
          // A seeded account read before its event arrived got the "Neighbour" name: the event finishes it, unless the person already chose.
          ? sql`update set display_name = excluded.display_name, onboarded_at = excluded.onboarded_at where profiles.profiles.onboarded_at is null`
          : sql`nothing`}`.execute(sqlOf(tx));
      const found = await sql<{ found: boolean }>`select exists (select 1 from profiles.profiles where account_id = ${profile.accountId}) as found`.execute(sqlOf(tx));
      return found.rows[0]?.found === true;
    },
    async find(tx, accountId) {
      const result = await sql<ProfileRow>`select ${PROFILE_COLUMNS} from profiles.profiles where account_id = ${accountId}`.execute(sqlOf(tx));
      return result.rows[0] && toProfile(result.rows[0]);
    },
    async findMany(tx, accountIds) {
      if (accountIds.length === 0) return [];
      const result = await sql<ProfileRow>`select ${PROFILE_COLUMNS} from profiles.profiles where account_id = any(${[...accountIds]}::uuid[])`.execute(sqlOf(tx));
      return result.rows.map(toProfile);
    },
    async lock(tx, accountId) {
      const result = await sql<ProfileRow>`select ${PROFILE_COLUMNS} from profiles.profiles where account_id = ${accountId} for update`.execute(sqlOf(tx));
      return result.rows[0] && toProfile(result.rows[0]);
    },
    async update(tx, accountId, parts, at) {
      const { privacy } = parts;
      await sql`update profiles.profiles set display_name = ${parts.displayName}, bio = ${parts.bio},
        show_display_name = ${privacy.displayName}, show_avatar = ${privacy.avatar}, show_bio = ${privacy.bio}, show_connection_count = ${privacy.connectionCount},
        updated_at = ${at}
        where account_id = ${accountId}`.execute(sqlOf(tx));
    },
    async completeOnboarding(tx, accountId, parts, at) {
      await sql`update profiles.profiles set display_name = ${parts.displayName}, language = ${parts.language}, onboarded_at = coalesce(onboarded_at, ${at}), updated_at = ${at}
        where account_id = ${accountId}`.execute(sqlOf(tx));
    },
    async setAvatar(tx, accountId, image, at) {
      await sql`insert into profiles.avatars (account_id, image, updated_at) values (${accountId}, ${image}, ${at})
        on conflict (account_id) do update set image = excluded.image, updated_at = excluded.updated_at`.execute(sqlOf(tx));
      await sql`update profiles.profiles set avatar_updated_at = ${at}, updated_at = ${at} where account_id = ${accountId}`.execute(sqlOf(tx));
    },
    async removeAvatar(tx, accountId, at) {
      const removed = await sql`delete from profiles.avatars where account_id = ${accountId}`.execute(sqlOf(tx));
      if (Number(removed.numAffectedRows ?? 0n) === 0) return false;
      await sql`update profiles.profiles set avatar_updated_at = null, updated_at = ${at} where account_id = ${accountId}`.execute(sqlOf(tx));
      return true;
    },
    async findAvatar(tx, accountId) {
      const result = await sql<{ image: Uint8Array; updated_at: Date }>`select image, updated_at from profiles.avatars where account_id = ${accountId}`.execute(sqlOf(tx));
      const row = result.rows[0];
      return row && { image: Buffer.from(row.image.buffer, row.image.byteOffset, row.image.byteLength), updatedAt: row.updated_at };
    },
    async remove(tx, accountId, at) {
      await lockAccount(tx, accountId);
      await sql`delete from profiles.profiles where account_id = ${accountId}`.execute(sqlOf(tx));
      await sql`insert into profiles.deleted_accounts (account_id, deleted_at) values (${accountId}, ${at}) on conflict (account_id) do nothing`.execute(sqlOf(tx));
    },
  };
}
