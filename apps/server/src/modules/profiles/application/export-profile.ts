import type { Profile } from '../domain/profile.ts';
import { getOwnProfile } from './get-own-profile.ts';
import type { ProfilesDeps } from './profiles-deps.ts';

/** Everything this module stores about a person, for "download my data". */
export interface ProfileExport {
  readonly profile: Profile;
  /** The stored picture as a `data:image/webp;base64,…` URL, or null. */
  readonly avatarDataUrl: string | null;
}

/** Collects the caller's profile data for export. */
export async function exportProfile(deps: ProfilesDeps, accountId: string): Promise<ProfileExport> {
  const profile = await getOwnProfile(deps, accountId);
  const avatar = profile.avatarUpdatedAt ? await deps.store.findAvatar(deps.db, accountId) : undefined;
  return { profile, avatarDataUrl: avatar ? `data:image/webp;base64,${avatar.image.toString('base64')}` : null };
}
