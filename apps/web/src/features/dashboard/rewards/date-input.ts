/** Converts between `<input type="date">` values (YYYY-MM-DD, the reader's own day) and ISO instants. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local day of an ISO instant, as a date input's value ('' when it is not a date). */
export function dateInputOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localDay(value: string, offsetDays: number): string {
  const [year = NaN, month = NaN, day = NaN] = value.split('-').map(Number);
  return new Date(year, month - 1, day + offsetDays).toISOString();
}

/** The first instant of the day a date input names, in the reader's time zone. */
export function startOfDateInput(value: string): string {
  return localDay(value, 0);
}

/** The first instant after the day a date input names: an offer that "ends on" a day is open all of it. */
export function endOfDateInput(value: string): string {
  return localDay(value, 1);
}

/** A `datetime-local` input's value (YYYY-MM-DDTHH:MM, local) as an ISO instant; undefined when empty or not a time. */
export function instantOfDateTimeInput(value: string): string | undefined {
  if (value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
