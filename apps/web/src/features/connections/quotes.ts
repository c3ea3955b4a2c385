/** The quotes about community the celebration may show; their text and author are in the translations. */
export const quoteIds = ['peel', 'keller', 'king', 'teresa', 'tutu'] as const;
export type QuoteId = (typeof quoteIds)[number];

/** One quote at random (`random` in [0, 1), injectable for tests). */
export function pickQuote(random: () => number = Math.random): QuoteId {
  const index = Math.min(quoteIds.length - 1, Math.floor(random() * quoteIds.length));
  return quoteIds[index] ?? 'keller';
}
