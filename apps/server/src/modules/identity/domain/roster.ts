/** The columns a roster file must have, in any order. */
export const ROSTER_COLUMNS = ['name', 'email', 'badge_number', 'department'] as const;
/** The largest roster one upload may hold. */
export const MAX_ROSTER_ROWS = 20_000;

/** A valid roster row. */
export interface RosterEntry {
  readonly name: string;
  readonly email: string;
  readonly badgeNumber: string;
  readonly department: string;
}

/** A rejected row: where it is in the file and why. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const BADGE = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

/** Which required columns a header lacks (names compared trimmed and case-insensitively). */
export function missingRosterColumns(header: readonly string[]): string[] {
  const present = new Set(header.map((h) => h.trim().toLowerCase()));
  return ROSTER_COLUMNS.filter((c) => !present.has(c));
}

/**
 * Checks rows one by one: good rows are kept, each bad one is reported with its line number and reason;
 * an email already seen earlier in the file is a bad row (the first one wins).
 */
export function validateRoster(rows: ReadonlyArray<{ line: number; values: Readonly<Record<string, string | undefined>> }>): { accepted: RosterEntry[]; rejected: RejectedRow[] } {
  const accepted: RosterEntry[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const name = (values.name ?? '').trim();
    const email = (values.email ?? '').trim().toLowerCase();
    const badgeNumber = (values.badge_number ?? '').trim();
    const department = (values.department ?? '').trim();
    const reason =
      name.length === 0 ? 'name is empty'
      : name.length > 100 ? 'name is longer than 100 characters'
      : !EMAIL.test(email) || email.length > 254 ? `email "${email}" is not a valid address`
      : !BADGE.test(badgeNumber) ? `badge number "${badgeNumber}" must be 1–32 letters, digits or dashes`
      : department.length === 0 ? 'department is empty'
      : department.length > 100 ? 'department is longer than 100 characters'
      : seen.has(email) ? `email ${email} already appears on line ${seen.get(email)}`
      : null;
    if (reason) {
      rejected.push({ line, reason });
      continue;
    }
    seen.set(email, line);
    accepted.push({ name, email, badgeNumber, department });
  }
  return { accepted, rejected };
}

/** The domain of an email address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A domain officers' emails may have: lower-case labels, at least one dot. */
export function isValidDomain(domain: string): boolean {
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain);
}
