import type { rewardsErrors } from '@heyblue/contracts/rewards';

/** Largest picture upload for an offer or a cause (8 MiB: a phone's photo as it is). */
export const CATALOGUE_IMAGE_MAX_BYTES = 8 * 1024 * 1024;

/** What an offer's or cause's picture may be: a JPEG, PNG or WebP of at most 8 MiB and 8000 pixels a side, judged by its bytes. */
export const CATALOGUE_IMAGE_LIMITS = { maxBytes: CATALOGUE_IMAGE_MAX_BYTES, maxSide: 8000, formats: ['jpeg', 'png', 'webp'] } as const;

/** Pictures are kept 800×500 (16:10, the catalogue card's shape, sharp on a phone's screen), cropped to cover. */
export const CATALOGUE_IMAGE_SIZE = { width: 800, height: 500 } as const;

/** Rewards' answer to each reason an upload cannot become a picture (platform/images). */
export const CATALOGUE_IMAGE_REFUSALS = {
  'too-large': 'REWARDS_IMAGE_TOO_LARGE',
  'unsupported-type': 'REWARDS_IMAGE_UNSUPPORTED_TYPE',
  'dimensions-too-large': 'REWARDS_IMAGE_DIMENSIONS_TOO_LARGE',
  unreadable: 'REWARDS_IMAGE_UNREADABLE',
} as const satisfies Record<string, keyof typeof rewardsErrors>;
