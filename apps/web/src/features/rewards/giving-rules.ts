import type { Wallet } from '../../api/rewards.ts';

/** The longest gift message the server takes. */
export const giftMessageMax = 200;

/** The most one may donate now: the balance, and what is left of today's donation limit. */
export function donationMax(wallet: Wallet): number {
  return Math.max(0, Math.min(wallet.balance, wallet.donationDailyCap - wallet.donatedToday));
}

/** The most one may gift now: the balance, and what is left of today's gift limit. */
export function giftMax(wallet: Wallet): number {
  return Math.max(0, Math.min(wallet.balance, wallet.giftDailyCap - wallet.giftedToday));
}

/** A typed amount of points: a whole number from 1 to `max`, or undefined. */
export function parsePoints(typed: string, max: number): number | undefined {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const points = Number(text);
  return points >= 1 && points <= max ? points : undefined;
}

/** What is wrong with a gift before it is sent, if anything. */
export type GiftProblem = 'recipient-missing' | 'recipient-self' | 'points' | 'message-too-long';

/** Checks a gift form: someone else to give to, an amount within the limits, a message that fits. */
export function giftProblems(gift: { recipientId: string; points: string; message: string }, me: string, max: number): GiftProblem[] {
  const problems: GiftProblem[] = [];
  const recipient = gift.recipientId.trim();
  if (recipient === '') problems.push('recipient-missing');
  else if (recipient === me) problems.push('recipient-self');
  if (parsePoints(gift.points, max) === undefined) problems.push('points');
  // UTF-16 units, as the text box counts them (never more lenient than the server's count).
  if (gift.message.trim().length > giftMessageMax) problems.push('message-too-long');
  return problems;
}
