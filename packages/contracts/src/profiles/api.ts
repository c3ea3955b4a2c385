// Profiles' module API: what other modules may ask profiles synchronously (docs/adr/0013-module-apis.md).

/** What anyone may see of a person at a glance, exactly as their privacy settings allow. */
export interface PublicCard {
  readonly accountId: string;
  /** Absent when the person hides it. */
  readonly displayName?: string;
  /** Where their picture is served (versioned, so it caches well); absent when hidden or when there is none. */
  readonly avatarUrl?: string;
  /** A verified officer, or anyone else. */
  readonly role: 'officer' | 'citizen';
  /** A verified officer's precinct (always public); absent for citizens. */
  readonly precinct?: string;
}

/**
 * Profiles' answers for other modules, given to them by the composition root. Each call runs in a
 * transaction of its own (a read). Call it before opening a transaction of yours: on the embedded
 * database there is one connection, and a call made while your transaction holds it waits for itself.
 */
export interface ProfilesApi {
  /** The public card of one account; null when it has no profile (unknown or deleted). */
  card(accountId: string): Promise<PublicCard | null>;
  /** The public cards of several accounts in one read, by account id; accounts without a profile are absent. */
  cards(accountIds: readonly string[]): Promise<ReadonlyMap<string, PublicCard>>;
}
