import type { RouteObject } from 'react-router';
import { GivePage } from './give-page.tsx';
import { OfferPage } from './offer-page.tsx';
import { OffersPage } from './offers-page.tsx';
import { VoucherPage } from './voucher-page.tsx';
import { VouchersPage } from './vouchers-page.tsx';
import { WalletPage } from './wallet-page.tsx';

/** The pages under `/rewards` (the layout, `RewardsPage`, holds the header, the section links and the wallet). */
export const rewardsRoutes: RouteObject[] = [
  { index: true, element: <WalletPage /> },
  { path: 'offers', element: <OffersPage /> },
  { path: 'offers/:offerId', element: <OfferPage /> },
  { path: 'vouchers', element: <VouchersPage /> },
  { path: 'vouchers/:voucherId', element: <VoucherPage /> },
  { path: 'give', element: <GivePage /> },
];
