import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../../api/partner-rewards.ts';
import { formatNumber } from '../format.ts';
import { pointsLabel } from './rewards-labels.ts';

/** The organisation's points balance and what a point is worth (settled with Hey Blue! off-system). */
export function RewardsSummaryLine({ summary }: { summary: OrganisationSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <dl className="hb-dash-stats hb-pr-summary">
      <div>
        <dt>{t('partnerRewards.summary.balance')}</dt>
        <dd data-testid="rewards-balance">{pointsLabel(t, summary.balance, language)}</dd>
      </div>
      <div>
        <dt>{t('partnerRewards.summary.pointValue')}</dt>
        <dd>{t('partnerRewards.summary.cents', { count: summary.pointValueCents, cents: formatNumber(summary.pointValueCents, language) })}</dd>
      </div>
    </dl>
  );
}
