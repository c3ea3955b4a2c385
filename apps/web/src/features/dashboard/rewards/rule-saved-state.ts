/** What a rule page tells the next page through the router's location state after a save. */
export interface SavedRuleState {
  savedRule: { name: string; version: number };
}

/** Builds the state to navigate with after saving a rule. */
export function savedRuleState(name: string, version: number): SavedRuleState {
  return { savedRule: { name, version } };
}

/** The saved rule a page was sent with, if any (the state is whatever the history entry holds). */
export function savedRuleOf(state: unknown): { name: string; version: number } | undefined {
  if (typeof state !== 'object' || state === null || !('savedRule' in state)) return undefined;
  const saved = state.savedRule;
  if (typeof saved !== 'object' || saved === null || !('name' in saved) || !('version' in saved)) return undefined;
  return typeof saved.name === 'string' && typeof saved.version === 'number' ? { name: saved.name, version: saved.version } : undefined;
}
