/** A month as the statement wants it, YYYY-MM, in the person's own time zone. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Whether a typed month can be asked for: a real YYYY-MM that has begun. */
export type MonthCheck = 'ok' | 'invalid' | 'future';

/** Checks a month before asking for its statement (browsers without a month picker let people type anything). */
export function checkStatementMonth(value: string, now: Date): MonthCheck {
  const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!match) return 'invalid';
  const month = Number(match[2]);
  if (Number(match[1]) < 2000 || month < 1 || month > 12) return 'invalid';
  return value.trim() > monthOf(now) ? 'future' : 'ok';
}

/** The file name a statement is saved as. */
export function statementFileName(month: string): string {
  return `heyblue-statement-${month}.csv`;
}
