import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ErrorState, LoadingState, PulseIcon } from '../../ui/index.ts';
import type { ServerMeta } from '../../api/meta.ts';
import { errorMessage, errorReference } from '../../i18n/error-messages.ts';
import { useServerMeta } from './use-server-meta.ts';
import './server-status-card.css';

function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function ServerFacts({ meta }: { meta: ServerMeta }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="hb-server-status__ready">
      <p className="hb-server-status__online">
        <span className="hb-server-status__dot" aria-hidden="true" />
        {t('status.online')}
      </p>
      <dl className="hb-server-status__facts">
        <div>
          <dt>{t('status.mode')}</dt>
          <dd data-testid="server-mode">{meta.mode}</dd>
        </div>
        <div>
          <dt>{t('status.version')}</dt>
          <dd>{meta.version}</dd>
        </div>
        <div>
          <dt>{t('status.time')}</dt>
          <dd>
            <time dateTime={meta.time}>{formatTime(meta.time, i18n.language)}</time>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Shows whether the API server answers, and which version and mode it runs. */
export function ServerStatusCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, retry } = useServerMeta();

  return (
    <Card className="hb-server-status" aria-labelledby={titleId} aria-busy={state.kind === 'loading'}>
      <h2 id={titleId} className="hb-server-status__title">
        <PulseIcon size={20} />
        {t('status.title')}
      </h2>
      {state.kind === 'loading' ? <LoadingState label={t('status.loading')} /> : null}
      {state.kind === 'ready' ? <ServerFacts meta={state.meta} /> : null}
      {state.kind === 'error' ? (
        <ErrorState
          title={t('status.errorTitle')}
          retryLabel={t('status.retry')}
          onRetry={retry}
          details={errorReference(t, state.error)}
        >
          {errorMessage(t, state.error)}
        </ErrorState>
      ) : null}
    </Card>
  );
}
