import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { HomePage } from '../features/home/home-page.tsx';
import { rewardsRoutes } from '../features/rewards/rewards-routes.tsx';
import { WelcomePage } from '../features/welcome/welcome-page.tsx';
import { AppLoading, AppShell } from './app-shell.tsx';
import { lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { PwaLayout } from './pwa-layout.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/**
 * Every route of the SPA: the PWA at `/` and the partner dashboard at `/dashboard`. The home is in the
 * first load; every other page is its own chunk, loaded when first visited (`lazyPage`), so a phone
 * opening the home does not download the dashboard, rewards, profile or sign-in (`npm run bench -- web`).
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    hydrateFallbackElement: <AppLoading />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: '/dashboard',
        lazy: lazyPage(() => import('./dashboard-layout.tsx'), (m) => m.DashboardLayout),
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, lazy: lazyPage(() => import('../features/dashboard/overview-page.tsx'), (m) => m.OverviewPage) },
          { path: 'organisations', lazy: lazyPage(() => import('../features/dashboard/organisations-page.tsx'), (m) => m.OrganisationsPage) },
          { path: 'organisations/:organisationId', lazy: lazyPage(() => import('../features/dashboard/organisation-page.tsx'), (m) => m.OrganisationPage) },
          { path: 'organisations/:organisationId/till', lazy: lazyPage(() => import('../features/dashboard/rewards/till-page.tsx'), (m) => m.TillPage) },
          { path: 'admin/approvals', lazy: lazyPage(() => import('../features/dashboard/approvals-page.tsx'), (m) => m.ApprovalsPage) },
          { path: 'admin/audit', lazy: lazyPage(() => import('../features/dashboard/audit-log-page.tsx'), (m) => m.AuditLogPage) },
          { path: 'admin/rules', lazy: lazyPage(() => import('../features/dashboard/rewards/rules-page.tsx'), (m) => m.RulesPage) },
          { path: 'admin/rules/new', lazy: lazyPage(() => import('../features/dashboard/rewards/rule-new-page.tsx'), (m) => m.NewRulePage) },
          { path: 'admin/rules/:ruleId', lazy: lazyPage(() => import('../features/dashboard/rewards/rule-edit-page.tsx'), (m) => m.RuleEditPage) },
          { path: 'admin/rewards-settings', lazy: lazyPage(() => import('../features/dashboard/rewards/rewards-settings-page.tsx'), (m) => m.RewardsSettingsPage) },
          { path: 'catalogue', lazy: lazyPage(() => import('../features/dashboard/catalogue-page.tsx'), (m) => m.CataloguePage) },
          { path: '*', element: <NotFoundPage area="dashboard" /> },
        ],
      },
      {
        path: '/',
        element: <PwaLayout />,
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'rewards', lazy: lazyPage(() => import('../features/rewards/rewards-page.tsx'), (m) => m.RewardsPage), children: rewardsRoutes },
          { path: 'profile', lazy: lazyPage(() => import('../features/profile/profile-page.tsx'), (m) => m.ProfilePage) },
          { path: 'welcome', element: <WelcomePage /> },
          { path: 'sign-in', lazy: lazyPage(() => import('../features/auth/sign-in-page.tsx'), (m) => m.SignInPage) },
          { path: 'setup/:token', lazy: lazyPage(() => import('../features/setup/setup-page.tsx'), (m) => m.SetupPage) },
          { path: 'invitations/:token', lazy: lazyPage(() => import('../features/invitations/invitation-page.tsx'), (m) => m.InvitationPage) },
          { path: 'dev/outbox', lazy: lazyPage(() => import('../features/dev/dev-outbox-page.tsx'), (m) => m.DevOutboxPage) },
          { path: '*', element: <NotFoundPage area="app" /> },
        ],
      },
    ],
  },
];

/** Builds the browser router for the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
