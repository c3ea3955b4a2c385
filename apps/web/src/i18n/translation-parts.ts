// The translations load in two parts. `first` is what the first load needs: every top-level group of
// en.json / es.json except those listed here, so a group added later is in the first load unless it is
// moved out on purpose. `pages` holds the groups only lazily loaded pages use (the dashboard, sign-in
// with passkeys, setup, invitations, the dev outbox and parts of the profile); every lazily loaded
// page loads it with its code (app/router.tsx). A key looked up before its part is loaded is logged as
// an error (i18n/setup.ts), which the browser tests fail on.

/** The top-level groups of the translations that only lazily loaded pages use. */
export const pagesGroups = ['dashboard', 'partnerRewards', 'officerClaim', 'passkeys', 'phone', 'data', 'setup', 'invitation', 'devOutbox'] as const;

/** The parts a language's translation is loaded in. */
export const translationParts = ['first', 'pages'] as const;

export type TranslationPart = (typeof translationParts)[number];

/** The part a top-level group belongs to. */
export function partOf(group: string): TranslationPart {
  return pagesGroups.some((pages) => pages === group) ? 'pages' : 'first';
}
