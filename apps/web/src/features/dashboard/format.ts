/** Dates, times and sizes as the dashboard shows them, in the reader's language. */

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "21 Nov 2026" — or the raw text when it is not a date. */
export function formatDate(iso: string, language: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date) : iso;
}

/** "10:29:21" — for logs, where seconds matter. */
export function formatTime(iso: string, language: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(date) : '';
}

/** "1.2 MB", "830 kB", "12 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, language: string): string {
  const units = [
    { size: 1e9, unit: 'gigabyte' },
    { size: 1e6, unit: 'megabyte' },
    { size: 1e3, unit: 'kilobyte' },
  ] as const;
  for (const { size, unit } of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
}

/** A whole number in the reader's format ("20,000" / "20.000"). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
