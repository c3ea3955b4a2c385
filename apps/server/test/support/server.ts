import { composeServer, type ComposeOverrides, type Server } from '../../src/composition.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { testConfig } from './config.ts';

/**
 * A composed server on an in-memory PGlite (no initdb on disk: seconds faster) unless settings pick a
 * PostgreSQL server. Every JSON answer is checked against its route's contract (`checkAnswers`), so
 * every suite that goes through the API also proves the web can decode what it receives.
 */
export async function composeTestServer(settings: Record<string, string> = {}, overrides: ComposeOverrides = {}): Promise<Server> {
  const config = testConfig(settings);
  const database = overrides.database ?? (config.database.kind === 'pglite' ? await openPglite(undefined) : undefined);
  return composeServer(config, { checkAnswers: true, ...overrides, database });
}
