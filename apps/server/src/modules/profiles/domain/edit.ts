import type { ProfileField } from '@heyblue/contracts/profiles';
import { normaliseBio } from './bio.ts';
import { normaliseDisplayName } from './display-name.ts';
import { PRIVACY_PARTS, withPrivacyChange } from './privacy.ts';
import type { Privacy, Profile } from './profile.ts';

/** What a person asked to change; absent parts stay as they are. */
export interface ProfileEdit {
  readonly displayName?: string;
  readonly bio?: string;
  readonly privacy?: Partial<Privacy>;
}

/** The editable parts after an edit, and which of them really changed. */
export interface EditOutcome {
  readonly displayName: string;
  readonly bio: string | null;
  readonly privacy: Privacy;
  readonly changed: readonly ProfileField[];
}

/** Applies an edit: each part is normalised (or refused), and only what differs counts as changed. */
export function applyEdit(profile: Profile, edit: ProfileEdit): EditOutcome {
  const displayName = edit.displayName === undefined ? profile.displayName : normaliseDisplayName(edit.displayName);
  const bio = edit.bio === undefined ? profile.bio : normaliseBio(edit.bio);
  const privacy = edit.privacy === undefined ? profile.privacy : withPrivacyChange(profile.privacy, edit.privacy);
  const changed: ProfileField[] = [];
  if (displayName !== profile.displayName) changed.push('displayName');
  if (bio !== profile.bio) changed.push('bio');
  if (PRIVACY_PARTS.some((part) => privacy[part] !== profile.privacy[part])) changed.push('privacy');
  return { displayName, bio, privacy, changed };
}
