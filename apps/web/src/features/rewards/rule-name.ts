import type { TFunction } from 'i18next';

/**
 * The earning rules a new deployment starts with (rewards' migrations seed them in English), by that
 * name, and the key of their name in every language.
 */
const seededRuleNames = {
  Connection: 'connection',
  'Met in person': 'metInPerson',
  'First connection': 'firstConnection',
} as const;

/** The seeded rule names, as the server stores them. */
export const seededRuleNameList: readonly string[] = Object.keys(seededRuleNames);

function isSeededRuleName(name: string): name is keyof typeof seededRuleNames {
  return Object.hasOwn(seededRuleNames, name);
}

/** A rule's name in the reader's language: a seeded rule's known name is translated; a name an admin wrote shows as written. */
export function ruleNameText(t: TFunction, name: string): string {
  return isSeededRuleName(name) ? t(`rewards.seededRules.${seededRuleNames[name]}`) : name;
}
