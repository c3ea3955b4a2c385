import type { Tx } from '../../../platform/db/tx.ts';
import type { CounterChange } from '../domain/counters.ts';
import type { Language, Privacy, Profile } from '../domain/profile.ts';

/** Where a store's method runs: an opaque handle (a transaction, or the database for a lone read); only adapters reach SQL through it. */
export type { Tx };

/** A stored picture. */
export interface AvatarRecord {
  readonly image: Buffer;
  readonly updatedAt: Date;
}

/** Profiles' storage. */
export interface ProfileStore {
  /** Creates the profile unless it exists or its account was deleted; true when it now exists. */
  ensure(tx: Tx, profile: { accountId: string; displayName: string; privacy: Privacy; onboarded: boolean }, at: Date): Promise<boolean>;
  find(tx: Tx, accountId: string): Promise<Profile | undefined>;
  /** The profiles of those accounts that have one, in one read. */
  findMany(tx: Tx, accountIds: readonly string[]): Promise<Profile[]>;
  /** Reads the profile and locks it for the rest of the transaction. */
  lock(tx: Tx, accountId: string): Promise<Profile | undefined>;
  update(tx: Tx, accountId: string, parts: { displayName: string; bio: string | null; privacy: Privacy }, at: Date): Promise<void>;
  /** Saves the welcome step's name and language, and when it was first done. */
  completeOnboarding(tx: Tx, accountId: string, parts: { displayName: string; language: Language }, at: Date): Promise<void>;
  setAvatar(tx: Tx, accountId: string, image: Buffer, at: Date): Promise<void>;
  /** Removes the picture; true when there was one. */
  removeAvatar(tx: Tx, accountId: string, at: Date): Promise<boolean>;
  findAvatar(tx: Tx, accountId: string): Promise<AvatarRecord | undefined>;
  /** A verified officer: their precinct is shown, and their bio hidden by default (officers show precinct and connections, nothing more). */
  markOfficer(tx: Tx, accountId: string, precinct: string, at: Date): Promise<void>;
  /** Adds to people's counters (the read model fed by connections' and rewards' events), one change per person, in one statement. */
  addToCounters(tx: Tx, changes: readonly CounterChange[]): Promise<void>;
  /** Deletes the profile and its picture, and remembers that the account is gone so nothing re-creates it. */
  remove(tx: Tx, accountId: string, at: Date): Promise<void>;
}
