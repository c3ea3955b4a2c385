import { BalanceCard } from './balance-card.tsx';
import { HistoryCard } from './history-card.tsx';
import { StatementCard } from './statement-card.tsx';

/** `/rewards`: the balance, the history and the monthly statement. */
export function WalletPage() {
  return (
    <>
      <BalanceCard />
      <HistoryCard />
      <StatementCard />
    </>
  );
}
