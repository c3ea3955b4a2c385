import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { HomePage } from '../features/home/home-page';
import { ProfilePage } from '../features/profile/profile-page';
import { RewardsPage } from '../features/rewards/rewards-page';
import { CataloguePage } from '../features/dashboard/catalogue-page';
import { OrganisationsPage } from '../features/dashboard/organisations-page';
import { OverviewPage } from '../features/dashboard/overview-page';
import { ReportsPage } from '../features/dashboard/reports-page';
import { DashboardLayout } from './dashboard-layout';
import { NotFoundPage } from './not-found-page';
import { PwaLayout } from './pwa-layout';
import { RouteErrorPage } from './route-error-page';

/** Every route of the SPA: the PWA at `/` and the partner dashboard at `/dashboard`. */
export const routes: RouteObject[] = [
  {
    path: '/dashboard',
    element: <DashboardLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'catalogue', element: <CataloguePage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: '*', element: <NotFoundPage area="dashboard" /> },
    ],
  },
  {
    path: '/',
    element: <PwaLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'rewards', element: <RewardsPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage area="app" /> },
    ],
  },
];

/** Builds the browser router for the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
