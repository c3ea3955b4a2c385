/** "4:57 PM" / "16:57": the time of day without seconds, for rewards tables where minutes are enough. */
export function formatClock(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date);
}
