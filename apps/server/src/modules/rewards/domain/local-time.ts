/** A moment as the deployment's time zone sees it. */
export interface LocalMoment {
  /** `YYYY-MM-DD`: what "per day" caps count by. */
  readonly day: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// The last moments asked for, by time zone and minute: a batch of connections is made within a few minutes,
// and formatting a date in a time zone costs tens of microseconds.
const recent = new Map<string, LocalMoment>();
const RECENT_LIMIT = 1024;

/** `at` in `timeZone` (an IANA name, e.g. America/New_York). */
export function localMoment(at: Date, timeZone: string): LocalMoment {
  // Offsets in use today are whole minutes, so a local minute starts with a UTC minute.
  const key = `${timeZone}|${Math.floor(at.getTime() / 60_000)}`;
  const known = recent.get(key);
  if (known) return known;
  const moment = formatLocal(at, timeZone);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, moment);
  return moment;
}

function formatLocal(at: Date, timeZone: string): LocalMoment {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return {
    day: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

/** The first and the day after the last local day of `month` (`YYYY-MM`), or null when it is not a month. */
export function monthDays(month: string): { readonly first: string; readonly afterLast: string } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const m = Number(match[2]);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, afterLast: `${next}-01` };
}
