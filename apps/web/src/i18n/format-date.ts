/** A date in the reader's language, e.g. "3 March 2030"; the raw text when it is not a date. */
export function formatDate(iso: string, language: string, style: 'long' | 'medium' = 'long'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: style }).format(date);
}

/** A number in the reader's language, e.g. "1,234" or "1.234". */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
