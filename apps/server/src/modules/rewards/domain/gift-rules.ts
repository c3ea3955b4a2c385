/** Who may gift whom: officers to fellow officers; citizens to citizens only where an admin enabled it; never oneself. */
export function giftRefusal(sender: { id: string; officer: boolean }, recipient: { id: string; officer: boolean }, citizenGiftsEnabled: boolean): 'REWARDS_GIFT_TO_SELF' | 'REWARDS_GIFTS_NOT_ALLOWED' | null {
  if (sender.id === recipient.id) return 'REWARDS_GIFT_TO_SELF';
  if (sender.officer) return recipient.officer ? null : 'REWARDS_GIFTS_NOT_ALLOWED';
  if (!citizenGiftsEnabled || recipient.officer) return 'REWARDS_GIFTS_NOT_ALLOWED';
  return null;
}
