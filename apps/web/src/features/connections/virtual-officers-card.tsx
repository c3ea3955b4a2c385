import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { listVirtualOfficers } from '../../api/connections.ts';
import type { VirtualOfficer } from '../../api/connections.ts';
import { AlertIcon, Button, Card, ErrorState, LoadingState, Notice, SelectField } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { AskOfficerRow } from './ask-officer-row.tsx';

const pageSize = 10;

type Listing =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; officers: VirtualOfficer[]; nextCursor: string | null; more: 'idle' | 'loading' | ApiError };

function VirtualRow({ officer }: { officer: VirtualOfficer }) {
  const { t } = useTranslation();
  return (
    <AskOfficerRow officerId={officer.officerId} kind="virtual" testId="virtual-officer" variant="secondary" askText={t('connections.virtual.ask')} askLabel={(name) => t('connections.virtual.askLabel', { name })}>
      <p className="hb-person__meta">{officer.precinctName}</p>
      {officer.zip ? <p className="hb-person__meta">{t('connections.virtual.serves', { zip: officer.zip })}</p> : null}
    </AskOfficerRow>
  );
}

/** Officers taking chats now, by precinct, a page at a time; the citizen asks one to chat. */
export function VirtualOfficersCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const { session } = useSignedInConnections();
  const [precinctId, setPrecinctId] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  // Precincts seen so far, so the filter keeps its options while filtered.
  const [precincts, setPrecincts] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    const controller = new AbortController();
    setListing({ status: 'loading' });
    listVirtualOfficers(session, { precinctId: precinctId || undefined, limit: pageSize }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setListing({ status: 'ready', officers: page.items, nextCursor: page.nextCursor, more: 'idle' });
        setPrecincts((known) => new Map([...known, ...page.items.map((o): [string, string] => [o.precinctId, o.precinctName])]));
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setListing({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [session, precinctId, attempt]);

  async function loadMore() {
    if (listing.status !== 'ready' || !listing.nextCursor) return;
    const current = listing;
    setListing({ ...current, more: 'loading' });
    try {
      const page = await listVirtualOfficers(session, { precinctId: precinctId || undefined, cursor: current.nextCursor ?? undefined, limit: pageSize });
      const seen = new Set(current.officers.map((o) => o.officerId));
      setListing({ status: 'ready', officers: [...current.officers, ...page.items.filter((o) => !seen.has(o.officerId))], nextCursor: page.nextCursor, more: 'idle' });
    } catch (cause) {
      setListing({ ...current, more: toApiError(cause) });
    }
  }

  const options = useMemo(
    () => [
      { value: '', label: t('connections.virtual.allPrecincts') },
      ...[...precincts].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
    ],
    [precincts, t],
  );

  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="virtual-card">
      <h2 id={titleId} className="hb-card__title">
        {t('connections.virtual.title')}
      </h2>
      <p className="hb-connections__muted">{t('connections.virtual.intro')}</p>
      {precincts.size > 1 || precinctId ? (
        <SelectField label={t('connections.virtual.precinct')} options={options} value={precinctId} onChange={(event) => setPrecinctId(event.target.value)} />
      ) : null}
      {listing.status === 'loading' ? <LoadingState label={t('connections.virtual.loading')} /> : null}
      {listing.status === 'error' ? (
        <ErrorState title={t('connections.virtual.loadFailed')} retryLabel={t('connections.virtual.retry')} onRetry={() => setAttempt((n) => n + 1)}>
          <p>{errorMessage(t, listing.error)}</p>
        </ErrorState>
      ) : null}
      {listing.status === 'ready' && listing.officers.length === 0 ? (
        <div className="hb-connections__empty">
          <p className="hb-connections__empty-title">{t('connections.virtual.emptyTitle')}</p>
          <p className="hb-connections__muted">{t('connections.virtual.emptyBody')}</p>
        </div>
      ) : null}
      {listing.status === 'ready' && listing.officers.length > 0 ? (
        <ul className="hb-connections__list" aria-labelledby={titleId}>
          {listing.officers.map((officer) => (
            <VirtualRow key={officer.officerId} officer={officer} />
          ))}
        </ul>
      ) : null}
      {listing.status === 'ready' && typeof listing.more === 'object' ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, listing.more)}
        </Notice>
      ) : null}
      {listing.status === 'ready' && listing.nextCursor ? (
        <div className="hb-connections__actions">
          <Button variant="secondary" loading={listing.more === 'loading'} onClick={() => void loadMore()}>
            {t('connections.virtual.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
