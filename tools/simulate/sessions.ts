// The signed-in accounts the simulator plays: read from (and written back to) the JSON-lines file that
// `heyblue seed --sessions-file` writes.
import fs from 'node:fs';

/** One signed-in seed account. */
export interface Session {
  readonly email: string;
  readonly accountId: string;
  readonly role: 'citizen' | 'officer';
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Reads a sessions file (one JSON object per line). */
export function readSessions(file: string): Session[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i): Session => {
      const s = JSON.parse(line) as Partial<Session>;
      if (typeof s.accountId !== 'string' || typeof s.accessToken !== 'string' || typeof s.refreshToken !== 'string' || (s.role !== 'citizen' && s.role !== 'officer')) {
        throw new Error(`${file}:${i + 1} is not a seeded session`);
      }
      return { email: s.email ?? '', accountId: s.accountId, role: s.role, accessToken: s.accessToken, refreshToken: s.refreshToken };
    });
}

/**
 * Writes the file again with the tokens that were refreshed during the run: refresh tokens work once,
 * so the next run would otherwise present spent ones (and have the session family revoked as stolen).
 */
export function writeBackRefreshed(file: string, refreshed: readonly Session[]): void {
  if (refreshed.length === 0) return;
  const latest = new Map(refreshed.map((s) => [s.accountId, s]));
  const lines = readSessions(file).map((s) => JSON.stringify(latest.get(s.accountId) ?? s));
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${lines.join('\n')}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** The officers and citizens the run plays, first ones of the file; an error says what is missing. */
export function pickCast(sessions: readonly Session[], officers: number, citizens: number): { officers: Session[]; citizens: Session[] } {
  const o = sessions.filter((s) => s.role === 'officer');
  const c = sessions.filter((s) => s.role === 'citizen');
  if (o.length < officers || c.length < citizens) throw new Error(`the sessions file has ${o.length} officers and ${c.length} citizens; asked for ${officers} and ${citizens}`);
  return { officers: o.slice(0, officers), citizens: c.slice(0, citizens) };
}

/**
 * One seed run writes all its events in one statement, which PostgreSQL's wire protocol caps at 65,535
 * parameters (8 per event): so seed in batches of at most 8,000 events (a citizen makes one event, an
 * officer two: created and verified; each batch one more for its precinct).
 */
export function seedBatches(citizens: number, officers: number, maxEvents = 8000): Array<{ citizens: number; officers: number }> {
  const batches: Array<{ citizens: number; officers: number }> = [];
  let c = citizens;
  let o = officers;
  while (c > 0 || o > 0 || batches.length === 0) {
    let room = maxEvents - 1;
    const takeO = Math.min(o, Math.floor(room / 2));
    room -= takeO * 2;
    const takeC = Math.min(c, room);
    batches.push({ citizens: takeC, officers: takeO });
    c -= takeC;
    o -= takeO;
    if (takeC === 0 && takeO === 0) break;
  }
  return batches;
}
