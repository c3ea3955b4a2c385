import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';

/** The pages under `/rewards` (the layout, `RewardsPage`, holds the header, the section links and the wallet), each loaded when first visited. */
export const rewardsRoutes: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import('./wallet-page.tsx'), (m) => m.WalletPage) },
  { path: 'offers', lazy: lazyPage(() => import('./offers-page.tsx'), (m) => m.OffersPage) },
  { path: 'offers/:offerId', lazy: lazyPage(() => import('./offer-page.tsx'), (m) => m.OfferPage) },
  { path: 'vouchers', lazy: lazyPage(() => import('./vouchers-page.tsx'), (m) => m.VouchersPage) },
  { path: 'vouchers/:voucherId', lazy: lazyPage(() => import('./voucher-page.tsx'), (m) => m.VoucherPage) },
  { path: 'give', lazy: lazyPage(() => import('./give-page.tsx'), (m) => m.GivePage) },
];
