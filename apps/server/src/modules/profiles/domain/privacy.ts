import type { Privacy } from './profile.ts';

/**
 * What a new profile shows. Everything shown starts out impersonal — a "Neighbour" name, no picture,
 * no bio — so showing it costs nothing until the person adds something of their own, and what they
 * add is theirs to hide. The connection count is shown: celebrating connections is the point.
 */
export const DEFAULT_PRIVACY: Privacy = Object.freeze({ displayName: true, avatar: true, bio: true, connectionCount: true });

/** The parts of a profile a person can show or hide. */
export const PRIVACY_PARTS = ['displayName', 'avatar', 'bio', 'connectionCount'] as const;

/** Privacy settings after a partial change: what the change names is replaced, the rest kept. */
export function withPrivacyChange(current: Privacy, change: Partial<Privacy>): Privacy {
  return {
    displayName: change.displayName ?? current.displayName,
    avatar: change.avatar ?? current.avatar,
    bio: change.bio ?? current.bio,
    connectionCount: change.connectionCount ?? current.connectionCount,
  };
}
