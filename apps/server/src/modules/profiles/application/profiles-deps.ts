import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { profilesEvents } from '@heyblue/contracts/profiles';
import type { UnitOfWork } from '../../../platform/events/unit-of-work.ts';
import type { AvatarImages, ProfileStore } from './ports.ts';

/** What profiles' use cases need. */
export interface ProfilesDeps {
  readonly db: Db;
  readonly store: ProfileStore;
  readonly images: AvatarImages;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWork<typeof profilesEvents>;
}

/** Who asked: the signed-in account and the request, for event metadata. */
export interface Caller {
  readonly accountId: string;
  readonly correlationId: string;
}
