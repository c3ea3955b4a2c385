import { createContext, use, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Session } from '../../api/session.ts';
import type { SocketClient } from '../../api/ws.ts';
import { useConnections } from '../connections/connections-context.tsx';
import { useWallet } from './use-wallet.ts';
import type { UseWallet } from './use-wallet.ts';

/** What the rewards pages share: the session, who I am, the wallet and the live socket. */
export interface RewardsContextValue {
  session: Session;
  me: string;
  wallet: UseWallet;
  /** The app's socket (shared with connections), for pushes; undefined until it is created. */
  socket: SocketClient | undefined;
}

const RewardsContext = createContext<RewardsContextValue | undefined>(undefined);

/** Keeps the wallet for the rewards pages and follows the pushes that change it. */
export function RewardsProvider({ session, me, children }: { session: Session; me: string; children: ReactNode }) {
  const wallet = useWallet(session);
  const connections = useConnections();
  const socket = connections?.socket;
  const { update, reload } = wallet;

  useEffect(() => {
    if (!socket) return undefined;
    const offs = [
      socket.on('points.awarded', (message) => update((w) => ({ ...w, balance: message.balance }))),
      // A gift carries no balance, and a failed voucher's refund none either: read the wallet again.
      socket.on('gift.received', reload),
      socket.on('voucher.changed', (message) => {
        if (message.status === 'failed') reload();
      }),
      // Back after a gap: pushes may have been missed.
      socket.on('welcome', reload),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [socket, update, reload]);

  const value = useMemo<RewardsContextValue>(() => ({ session, me, wallet, socket }), [session, me, wallet, socket]);
  return <RewardsContext value={value}>{children}</RewardsContext>;
}

/** The rewards pages' shared state (only inside a signed-in `RewardsProvider`). */
export function useRewards(): RewardsContextValue {
  const value = use(RewardsContext);
  if (!value) throw new Error('useRewards needs a <RewardsProvider> above it');
  return value;
}
