/** A date and time in the reader's language, e.g. "May 17, 2030, 3:04 PM"; the raw text when it is not a date. */
export function formatWhen(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
