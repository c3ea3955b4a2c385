import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyOrganisation } from '../../../api/organisations.ts';
import { typeLabel } from '../labels.ts';
import { CatalogueCauses } from './catalogue-causes.tsx';
import type { CatalogueKind } from './catalogue-list.tsx';
import { CatalogueOffers } from './catalogue-offers.tsx';
import { organisationTabPath } from './rewards-paths.ts';

/** One organisation's part of the catalogue: its name and type, what it offers, and where to manage it. */
export function CatalogueSection({ organisation, kind }: { organisation: MyOrganisation; kind: CatalogueKind }) {
  const { t } = useTranslation();
  const titleId = useId();
  const caption = t('dashboard.catalogue.caption', { what: t(`partnerRewards.tabs.${kind}`), name: organisation.name });
  return (
    <section className="hb-stack" aria-labelledby={titleId} data-testid="catalogue-section">
      <div className="hb-dash-toolbar">
        <div className="hb-dash-card-head">
          <h2 id={titleId} className="hb-dash-section-title">
            {organisation.name}
          </h2>
          <p className="hb-dash-muted">{typeLabel(t, organisation.type)}</p>
        </div>
        <Link className="hb-dash-inline-link" to={organisationTabPath(organisation.id, kind === 'causes' ? 'causes' : 'offers')}>
          {t(`dashboard.catalogue.manage.${kind}`)}
        </Link>
      </div>
      {kind === 'causes' ? <CatalogueCauses organisationId={organisation.id} caption={caption} /> : <CatalogueOffers organisationId={organisation.id} kind={kind} caption={caption} />}
    </section>
  );
}
