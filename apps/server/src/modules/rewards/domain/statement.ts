import { localMoment } from './local-time.ts';

/** The kinds a person's history shows. */
export type MovementKind = 'award' | 'redemption' | 'refund' | 'donation' | 'gift-sent' | 'gift-received' | 'adjustment';

/** A transfer's kind from the person's side: a hold is a redemption; a gift is sent or received by its sign. */
export function movementKind(kind: string, points: number): MovementKind {
  if (kind === 'gift') return points < 0 ? 'gift-sent' : 'gift-received';
  if (kind === 'hold' || kind === 'redemption' || kind === 'settle-hold') return 'redemption';
  if (kind === 'award' || kind === 'refund' || kind === 'donation' || kind === 'adjustment') return kind;
  return 'adjustment';
}

/** A field for CSV: quoted when it holds a separator, a quote or a line break; formula-looking text defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines from rows of fields. */
export function csvOf(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A person's monthly statement: one line per movement with local date and time, and the running total. */
export function statementCsv(movements: ReadonlyArray<{ at: string; kind: string; title: string; points: number; id: string }>, timeZone: string): string {
  let net = 0;
  const rows: Array<Array<string | number | null>> = [['date', 'time', 'kind', 'what', 'points', 'net this month', 'transfer']];
  for (const m of movements) {
    net += m.points;
    const local = localMoment(new Date(m.at), timeZone);
    const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
    const mm = String(local.minutes % 60).padStart(2, '0');
    rows.push([local.day, `${hh}:${mm}`, m.kind, m.title, m.points, net, m.id]);
  }
  return csvOf(rows);
}

/** A charity's monthly statement: each donation, the total, and its money value at the points' rate. */
export function charityStatementCsv(input: { organisationName: string; month: string; pointValueCents: number; donations: ReadonlyArray<{ localDay: string; causeTitle: string; points: number; id: string }> }): string {
  const total = input.donations.reduce((sum, d) => sum + d.points, 0);
  const money = (points: number): string => ((points * input.pointValueCents) / 100).toFixed(2);
  const rows: Array<Array<string | number | null>> = [
    ['statement', input.organisationName, input.month],
    ['point value (cents)', input.pointValueCents],
    [],
    ['date', 'cause', 'points', 'value', 'donation'],
    ...input.donations.map((d) => [d.localDay, d.causeTitle, d.points, money(d.points), d.id]),
    [],
    ['total', '', total, money(total), `${input.donations.length} donations`],
  ];
  return csvOf(rows);
}
