import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorReference } from '../../i18n/error-messages.ts';
import { codeIn } from '../../api/dev-outbox.ts';
import type { DevOutboxMessage } from '../../api/dev-outbox.ts';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  ErrorState,
  InboxIcon,
  LoadingState,
  MailIcon,
  Notice,
  PageHeader,
  PhoneIcon,
  RefreshIcon,
  WrenchIcon,
} from '../../ui/index.ts';
import { useDevOutbox } from './use-dev-outbox.ts';
import './dev-outbox-page.css';

const pollMs = 3_000;

function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

function Message({ message }: { message: DevOutboxMessage }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const code = codeIn(message.text);
  return (
    <Card as="article" className="hb-outbox-message" aria-labelledby={titleId}>
      <header className="hb-outbox-message__head">
        <Badge tone="primary">
          {message.channel === 'email' ? <MailIcon size={16} /> : <PhoneIcon size={16} />}
          {t(`devOutbox.channels.${message.channel}`)}
        </Badge>
        <time className="hb-outbox-message__time" dateTime={message.sentAt}>
          {formatTime(message.sentAt, i18n.language)}
        </time>
      </header>
      <h2 id={titleId} className="hb-outbox-message__subject">
        {message.subject}
      </h2>
      <dl className="hb-outbox-message__facts">
        <div>
          <dt>{t('devOutbox.to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>{t('devOutbox.purpose')}</dt>
          <dd>
            <code>{message.purpose}</code>
          </dd>
        </div>
        {code ? (
          <div>
            <dt>{t('devOutbox.code')}</dt>
            <dd className="hb-outbox-message__code" data-testid="outbox-code">
              {code}
            </dd>
          </div>
        ) : null}
      </dl>
      <pre className="hb-outbox-message__text">{message.text}</pre>
    </Card>
  );
}

/** `/dev/outbox`: what the development server would have emailed or texted, e.g. sign-in codes. */
export function DevOutboxPage() {
  const { t, i18n } = useTranslation();
  const { messages, error, loading, checkedAt, refresh } = useDevOutbox(pollMs);
  const listTitleId = useId();
  const gone = error?.status === 404;

  return (
    <div className="hb-stack hb-outbox">
      <PageHeader eyebrow={t('devOutbox.eyebrow')} title={t('devOutbox.title')} description={t('devOutbox.description')} />
      <Notice tone="warning" icon={<WrenchIcon />} title={t('devOutbox.warning')}>
        {t('devOutbox.warningBody')}
      </Notice>

      {gone ? (
        <ErrorState title={t('devOutbox.notHereTitle')} retryLabel={t('devOutbox.retry')} onRetry={refresh}>
          {t('devOutbox.notHereBody')}
        </ErrorState>
      ) : (
        <>
          <div className="hb-outbox__toolbar">
            <div className="hb-outbox__meta">
              <p>{t('devOutbox.autoRefresh')}</p>
              {checkedAt ? <p>{t('devOutbox.checkedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(checkedAt) })}</p> : null}
            </div>
            <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={loading && messages !== undefined} onClick={refresh}>
              {loading && messages !== undefined ? t('devOutbox.refreshing') : t('devOutbox.refresh')}
            </Button>
          </div>
          {error ? (
            <ErrorState
              title={t('devOutbox.errorTitle')}
              retryLabel={t('devOutbox.retry')}
              onRetry={refresh}
              details={errorReference(t, error)}
            >
              {t('devOutbox.errorBody')}
            </ErrorState>
          ) : null}
          {messages === undefined && !error ? <LoadingState label={t('devOutbox.loading')} /> : null}
          {messages !== undefined && messages.length === 0 ? (
            <EmptyState
              icon={<InboxIcon size={32} />}
              title={t('devOutbox.emptyTitle')}
              action={
                <ButtonLink to="/sign-in" variant="secondary">
                  {t('devOutbox.emptyAction')}
                </ButtonLink>
              }
            >
              <p>{t('devOutbox.emptyBody')}</p>
            </EmptyState>
          ) : null}
          {messages !== undefined && messages.length > 0 ? (
            <section className="hb-outbox__list" aria-labelledby={listTitleId}>
              <h2 id={listTitleId} className="hb-visually-hidden">
                {t('devOutbox.listLabel')}
              </h2>
              <p className="hb-outbox__count">{t('devOutbox.count', { count: messages.length })}</p>
              <ol className="hb-outbox__items">
                {messages.map((message) => (
                  <li key={message.id}>
                    <Message message={message} />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
