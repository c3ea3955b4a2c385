import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format-date.ts';

/** "1 point", "1,250 points" in the reader's language. */
export function usePointsText(): (points: number) => string {
  const { t, i18n } = useTranslation();
  return useCallback((points: number) => t('rewards.points', { count: points, formatted: formatNumber(points, i18n.language) }), [t, i18n.language]);
}

/** A signed amount for the history: "+10", "−120" (a real minus sign). */
export function signedPoints(points: number, language: string): string {
  const sign = points > 0 ? '+' : points < 0 ? '\u2212' : '';
  return `${sign}${formatNumber(Math.abs(points), language)}`;
}
