import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCauses } from '../../api/rewards.ts';
import type { Cause, DonationWithBalance } from '../../api/rewards.ts';
import { Button, Card, CheckCircleIcon, Notice, TextField } from '../../ui/index.ts';
import { CauseRow } from './cause-row.tsx';
import { DonateDialog } from './donate-dialog.tsx';
import { EmptyNote } from './empty-note.tsx';
import { PagedListView } from './paged-list-view.tsx';
import { usePointsText } from './points-text.ts';
import { useRewards } from './rewards-context.tsx';
import { usePagedList } from './use-paged-list.ts';

const pageSize = 10;

/** Causes to donate to: searchable, a page at a time, each with a "Donate" button. */
export function CausesCard() {
  const { t } = useTranslation();
  const points = usePointsText();
  const titleId = useId();
  const { session, wallet } = useRewards();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [donatingTo, setDonatingTo] = useState<Cause | undefined>(undefined);
  const [thanks, setThanks] = useState<{ cause: Cause; answer: DonationWithBalance } | undefined>(undefined);
  const load = useCallback((cursor: string | undefined, signal: AbortSignal) => listCauses(session, { q, cursor, limit: pageSize }, signal), [session, q]);
  const list = usePagedList(`causes ${q}`, load);
  const canDonate = wallet.state.status === 'ready';
  const news = useRef<HTMLDivElement>(null);
  // Focus goes to the thanks once given; after the dialog's own close event, which would hand it back to
  // a Donate button the list's reload may have replaced.
  useEffect(() => {
    if (!thanks) return undefined;
    const timer = setTimeout(() => news.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [thanks]);

  function done(cause: Cause, answer: DonationWithBalance) {
    setDonatingTo(undefined);
    setThanks({ cause, answer });
    list.reload();
  }

  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="causes-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.give.causes')}
      </h2>
      <p className="hb-rewards-muted">{t('rewards.give.causesBody')}</p>
      <div aria-live="polite" ref={news} tabIndex={-1} className="hb-rewards-news">
        {thanks ? (
          <Notice tone="success" icon={<CheckCircleIcon />}>
            {t('rewards.give.donated', { points: points(thanks.answer.donation.points), title: thanks.cause.title, balance: points(thanks.answer.balance) })}
          </Notice>
        ) : null}
      </div>
      <form
        role="search"
        className="hb-rewards-search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
        }}
      >
        <TextField type="search" label={t('rewards.give.search')} value={typed} onChange={(event) => setTyped(event.target.value)} enterKeyHint="search" />
        <Button type="submit" variant="secondary">
          {t('rewards.give.searchButton')}
        </Button>
      </form>
      <PagedListView
        list={list}
        labelledBy={titleId}
        loadingLabel={t('rewards.give.loading')}
        errorTitle={t('rewards.give.loadFailed')}
        empty={<EmptyNote title={t('rewards.give.emptyTitle')} body={t('rewards.give.emptyBody')} testId="causes-empty" />}
        itemKey={(cause) => cause.id}
        renderItem={(cause) => <CauseRow cause={cause} canDonate={canDonate} onDonate={setDonatingTo} />}
        testId="causes-list"
      />
      <DonateDialog cause={donatingTo} onClose={() => setDonatingTo(undefined)} onDone={done} />
    </Card>
  );
}
