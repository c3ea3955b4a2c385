import { DEFAULT_PRIVACY } from './privacy.ts';
import type { Profile } from './profile.ts';

/** A profile for domain tests; `overrides` replace parts of it. */
export function aProfile(overrides: Partial<Profile> = {}): Profile {
  const at = new Date('2026-11-21T10:00:00Z');
  return {
    accountId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    displayName: 'Ana',
    bio: 'Coffee with the neighbourhood team on Fridays.',
    precinct: null,
    avatarUpdatedAt: at,
    privacy: DEFAULT_PRIVACY,
    counters: { connectionsMade: 3, pointsEarned: 120, pointsSpent: 40, pointsDonated: 10, trophies: 2 },
    onboardedAt: at,
    language: 'en',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
