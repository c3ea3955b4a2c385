/** The stock left after adding or removing `amount` vouchers; undefined when the amount is not a whole number above 0. Never below 0. */
export function adjustedStock(stockLeft: number, direction: 'add' | 'remove', amount: string): number | undefined {
  const trimmed = amount.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  if (n === 0) return undefined;
  return direction === 'add' ? stockLeft + n : Math.max(0, stockLeft - n);
}
