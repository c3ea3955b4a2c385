/** The name of the file "Download my data" saves. */
export const myDataFileName = 'heyblue-my-data.json';

/** Everything Hey Blue! keeps about a person, from each part of the service, in one document. */
export interface MyData {
  format: 'heyblue-my-data';
  version: 1;
  exportedAt: string;
  /** Account, sessions and security log (`GET /api/v1/me/export`). */
  identity: unknown;
  /** Profile, privacy settings, counts and picture (`GET /api/v1/profiles/me/export`). */
  profiles: unknown;
}

/** Puts the identity and profiles exports together into one document. */
export function combineExports(identity: unknown, profiles: unknown, exportedAt: Date): MyData {
  return { format: 'heyblue-my-data', version: 1, exportedAt: exportedAt.toISOString(), identity, profiles };
}

/** The document as the downloaded file's text: indented, so people can read it. */
export function myDataJson(data: MyData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Whether the person typed the confirmation word (e.g. DELETE, or ELIMINAR in Spanish). Spaces
 * around and letter case do not matter; the word itself does.
 */
export function isDeleteConfirmed(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}
