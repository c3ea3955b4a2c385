import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { listOrganisationOffers, updateOffer } from '../../../api/partner-rewards.ts';
import type { Offer, OfferStatus } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, CheckCircleIcon, Notice, PlusIcon, TagIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { OfferDialog } from './offer-dialog.tsx';
import { OffersTable } from './offers-table.tsx';
import { rewardsErrorMessage } from './rewards-errors.ts';
import { StockDialog } from './stock-dialog.tsx';
import { usePagedList } from './use-paged-list.ts';

export interface OffersPanelProps {
  organisationId: string;
  /** A municipality's offers are schemes. */
  scheme: boolean;
}

type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; offer: Offer };

/** An organisation's offers (or schemes): the list, and creating, editing, pausing, archiving and restocking them. */
export function OffersPanel({ organisationId, scheme }: OffersPanelProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const offers = usePagedList(`offers:${organisationId}`, (page, signal) => listOrganisationOffers(session, organisationId, page, signal));
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [stocking, setStocking] = useState<Offer | undefined>(undefined);
  const [archiving, setArchiving] = useState<Offer | undefined>(undefined);
  const [pending, setPending] = useState<{ offerId: string; status: OfferStatus } | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const words = scheme ? 'schemes' : 'offers';

  async function changeStatus(offer: Offer, status: OfferStatus) {
    if (pending) return;
    setPending({ offerId: offer.id, status });
    setDone(undefined);
    setFailure(undefined);
    try {
      const saved = await updateOffer(session, organisationId, offer.id, { status });
      offers.replace(saved);
      setDone(t(`partnerRewards.offers.statusChanged.${status}`, { title: saved.title }));
      setArchiving(undefined);
    } catch (cause) {
      setFailure(rewardsErrorMessage(t, toApiError(cause)));
      setArchiving(undefined);
    } finally {
      setPending(undefined);
    }
  }

  function saved(offer: Offer, created: boolean, pictureProblem?: string) {
    if (created) offers.prepend(offer);
    else offers.replace(offer);
    setEditing({ kind: 'closed' });
    if (pictureProblem) {
      setDone(undefined);
      setFailure(t('partnerRewards.image.notSaved', { title: offer.title, reason: pictureProblem }));
      return;
    }
    setFailure(undefined);
    setDone(created ? t(`partnerRewards.${words}.created`, { title: offer.title }) : t('partnerRewards.offers.saved', { title: offer.title }));
  }

  const newButton = (
    <Button icon={<PlusIcon />} onClick={() => setEditing({ kind: 'new' })}>
      {t(`partnerRewards.${words}.new`)}
    </Button>
  );
  return (
    <ListPanel
      words={words}
      list={offers}
      emptyIcon={<TagIcon size={32} />}
      newButton={newButton}
      notices={
        <>
          {done ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
              {done}
            </Notice>
          ) : null}
          {failure ? (
            <Notice tone="error" role="alert" icon={<AlertIcon />}>
              {failure}
            </Notice>
          ) : null}
        </>
      }
      renderItems={(items) => (
        <OffersTable
          caption={t(`partnerRewards.${words}.title`)}
          offers={items}
          pending={pending}
          onEdit={(offer) => setEditing({ kind: 'edit', offer })}
          onStock={setStocking}
          onStatus={(offer, status) => (status === 'archived' ? setArchiving(offer) : void changeStatus(offer, status))}
        />
      )}
    >
      <OfferDialog
        organisationId={organisationId}
        offer={editing.kind === 'edit' ? editing.offer : undefined}
        open={editing.kind !== 'closed'}
        scheme={scheme}
        onClose={() => setEditing({ kind: 'closed' })}
        onSaved={saved}
      />
      <StockDialog
        organisationId={organisationId}
        offer={stocking}
        onClose={() => setStocking(undefined)}
        onSaved={(offer) => {
          offers.replace(offer);
          setStocking(undefined);
          setDone(t('partnerRewards.stock.saved', { title: offer.title, count: offer.stockLeft }));
        }}
      />
      <ConfirmDialog
        open={archiving !== undefined}
        title={t('partnerRewards.offers.archiveTitle', { title: archiving?.title ?? '' })}
        body={t('partnerRewards.offers.archiveBody')}
        confirmLabel={t('partnerRewards.offers.archive')}
        pending={pending?.status === 'archived'}
        onConfirm={() => archiving && void changeStatus(archiving, 'archived')}
        onClose={() => setArchiving(undefined)}
      />
    </ListPanel>
  );
}
