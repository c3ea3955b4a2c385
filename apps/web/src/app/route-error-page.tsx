import { useTranslation } from 'react-i18next';
import { Brand, Button, PageHeader } from '../ui/index.ts';
import './route-error-page.css';

/** Shown when rendering a route throws: a way out instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="hb-route-error">
      <Brand />
      <PageHeader title={t('routeError.title')} description={t('routeError.body')} />
      <div>
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </div>
    </main>
  );
}
