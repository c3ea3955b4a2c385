/** The months a statement can be asked for, and the statement file's name. */

/** "2030-01" for a date, in the reader's own time zone. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The current month and the `count - 1` before it, newest first ("2030-03", "2030-02", …). */
export function recentMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let back = 0; back < count; back++) months.push(monthOf(new Date(now.getFullYear(), now.getMonth() - back, 1)));
  return months;
}

/** "January 2030" in the reader's language. */
export function monthLabel(month: string, language: string): string {
  const [year, index] = month.split('-').map(Number);
  if (year === undefined || index === undefined || Number.isNaN(year) || Number.isNaN(index)) return month;
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(new Date(year, index - 1, 1));
}

/** "heyblue-statement-corner-shop-2030-01.csv": the organisation's name made safe for a file name. */
export function statementFileName(organisationName: string, month: string): string {
  const slug = organisationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `heyblue-statement-${slug ? `${slug}-` : ''}${month}.csv`;
}
