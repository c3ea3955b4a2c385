import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { DevOutboxPage } from '../features/dev/dev-outbox-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { InvitationPage } from '../features/invitations/invitation-page.tsx';
import { ProfilePage } from '../features/profile/profile-page.tsx';
import { RewardsPage } from '../features/rewards/rewards-page.tsx';
import { rewardsRoutes } from '../features/rewards/rewards-routes.tsx';
import { SetupPage } from '../features/setup/setup-page.tsx';
import { WelcomePage } from '../features/welcome/welcome-page.tsx';
import { ApprovalsPage } from '../features/dashboard/approvals-page.tsx';
import { AuditLogPage } from '../features/dashboard/audit-log-page.tsx';
import { CataloguePage } from '../features/dashboard/catalogue-page.tsx';
import { OrganisationPage } from '../features/dashboard/organisation-page.tsx';
import { OrganisationsPage } from '../features/dashboard/organisations-page.tsx';
import { OverviewPage } from '../features/dashboard/overview-page.tsx';
import { RewardsSettingsPage } from '../features/dashboard/rewards/rewards-settings-page.tsx';
import { RuleEditPage } from '../features/dashboard/rewards/rule-edit-page.tsx';
import { NewRulePage } from '../features/dashboard/rewards/rule-new-page.tsx';
import { RulesPage } from '../features/dashboard/rewards/rules-page.tsx';
import { TillPage } from '../features/dashboard/rewards/till-page.tsx';
import { DashboardLayout } from './dashboard-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PwaLayout } from './pwa-layout.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

/** Every route of the SPA: the PWA at `/` and the partner dashboard at `/dashboard`. */
export const routes: RouteObject[] = [
  {
    path: '/dashboard',
    element: <DashboardLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/:organisationId', element: <OrganisationPage /> },
      { path: 'organisations/:organisationId/till', element: <TillPage /> },
      { path: 'admin/approvals', element: <ApprovalsPage /> },
      { path: 'admin/audit', element: <AuditLogPage /> },
      { path: 'admin/rules', element: <RulesPage /> },
      { path: 'admin/rules/new', element: <NewRulePage /> },
      { path: 'admin/rules/:ruleId', element: <RuleEditPage /> },
      { path: 'admin/rewards-settings', element: <RewardsSettingsPage /> },
      { path: 'catalogue', element: <CataloguePage /> },
      { path: '*', element: <NotFoundPage area="dashboard" /> },
    ],
  },
  {
    path: '/',
    element: <PwaLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'rewards', element: <RewardsPage />, children: rewardsRoutes },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'welcome', element: <WelcomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'setup/:token', element: <SetupPage /> },
      { path: 'invitations/:token', element: <InvitationPage /> },
      { path: 'dev/outbox', element: <DevOutboxPage /> },
      { path: '*', element: <NotFoundPage area="app" /> },
    ],
  },
];

/** Builds the browser router for the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
