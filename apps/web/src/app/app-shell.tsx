import { Outlet, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../ui/index.ts';
import './app-shell.css';

/**
 * Around both areas: a bar at the top while the next page's code is on its way (pages load when first
 * visited; on a slow network a tap would otherwise seem to do nothing).
 */
export function AppShell() {
  const { t } = useTranslation();
  const loading = useNavigation().state === 'loading';
  return (
    <>
      {loading ? <div className="hb-navigation-progress" role="progressbar" aria-label={t('app.loading')} /> : null}
      <Outlet />
    </>
  );
}

/** What a page loaded on its own shows until its code arrives, when the app is opened on it. */
export function AppLoading() {
  const { t } = useTranslation();
  return (
    <main id="main" className="hb-app-loading">
      <LoadingState label={t('app.loading')} />
    </main>
  );
}
