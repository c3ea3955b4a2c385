// A profile as the domain sees it: what a person shows others, what they hide, and what they did.

/** Which parts of a profile others may see; each is the person's own choice. */
export interface Privacy {
  readonly displayName: boolean;
  readonly avatar: boolean;
  readonly bio: boolean;
  readonly connectionCount: boolean;
}

/** The read model other modules feed through their events. */
export interface Counters {
  readonly connectionsMade: number;
  readonly pointsEarned: number;
  readonly pointsSpent: number;
  readonly pointsDonated: number;
  readonly trophies: number;
}

/** One person's profile. */
export interface Profile {
  readonly accountId: string;
  readonly displayName: string;
  /** Null when they wrote none. */
  readonly bio: string | null;
  /** The precinct of a verified officer (always public: it is what makes them an officer); null for citizens. */
  readonly precinct: string | null;
  /** When the picture last changed; null when there is none. */
  readonly avatarUpdatedAt: Date | null;
  readonly privacy: Privacy;
  readonly counters: Counters;
  /** When its person went through the welcome step; null until then. */
  readonly onboardedAt: Date | null;
  /** The language they read, once they chose one. */
  readonly language: Language | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The languages the app speaks. */
export type Language = 'en' | 'es';
