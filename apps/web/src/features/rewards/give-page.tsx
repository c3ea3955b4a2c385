import { BalanceLine } from './balance-line.tsx';
import { CausesCard } from './causes-card.tsx';
import { GiftCard } from './gift-card.tsx';

/** `/rewards/give`: donate to a cause, and gift points where allowed. */
export function GivePage() {
  return (
    <>
      <BalanceLine />
      <CausesCard />
      <GiftCard />
    </>
  );
}
