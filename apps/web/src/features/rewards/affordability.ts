import type { TFunction } from 'i18next';
import { formatNumber } from '../../i18n/format-date.ts';

/** Whether the wallet covers a price, or how many points are missing. */
export type Affordability = { readonly canAfford: true } | { readonly canAfford: false; readonly pointsToGo: number };

/** Whether `balance` points pay for `price`, or how many more it takes. */
export function affordability(price: number, balance: number): Affordability {
  return balance >= price ? { canAfford: true } : { canAfford: false, pointsToGo: price - Math.max(0, balance) };
}

/** "You can afford this", or "80 points to go", in the reader's language. */
export function affordText(t: TFunction, language: string, price: number, balance: number): string {
  const verdict = affordability(price, balance);
  return verdict.canAfford ? t('rewards.offers.canAfford') : t('rewards.offers.pointsToGo', { count: verdict.pointsToGo, formatted: formatNumber(verdict.pointsToGo, language) });
}
