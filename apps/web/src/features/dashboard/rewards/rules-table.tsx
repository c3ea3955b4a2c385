import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../api/partner-rewards.ts';
import { Badge, DataTable } from '../../../ui/index.ts';
import { formatDate, formatNumber } from '../format.ts';
import { rulePath } from './rewards-paths.ts';
import { ruleNameText } from '../../rewards/rule-name.ts';

/** Every earning rule: its version, whether it pays, what each side earns, and what it has paid out. */
export function RulesTable({ rules }: { rules: Rule[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <DataTable caption={t('partnerRewards.rules.caption')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('partnerRewards.rules.columns.name')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.version')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.status')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.citizen')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.officer')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.spent')}</th>
          <th scope="col">{t('partnerRewards.rules.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id} data-rule-id={rule.id}>
            <th scope="row" className="hb-dash-cell-wrap hb-pr-rule-cell">
              <Link to={rulePath(rule.id)} className="hb-dash-cell-strong">
                {ruleNameText(t, rule.name)}
              </Link>
              <br />
              <span className="hb-table__muted">{rule.kinds.map((kind) => t(`partnerRewards.connectionKinds.${kind}`)).join(', ')}</span>
            </th>
            <td className="hb-dash-cell-nowrap" data-testid="rule-version">
              {t('partnerRewards.rules.version', { version: rule.version })}
            </td>
            <td>
              <Badge tone={rule.active ? 'success' : 'neutral'}>{rule.active ? t('partnerRewards.ruleStatuses.active') : t('partnerRewards.ruleStatuses.inactive')}</Badge>
            </td>
            <td className="hb-dash-cell-nowrap">{formatNumber(rule.points.citizen, language)}</td>
            <td className="hb-dash-cell-nowrap">{formatNumber(rule.points.officer, language)}</td>
            <td className="hb-dash-cell-nowrap">
              {formatNumber(rule.spentPoints, language)}
              {rule.caps.budget !== null ? <span className="hb-table__muted"> / {formatNumber(rule.caps.budget, language)}</span> : null}
            </td>
            <td className="hb-dash-cell-nowrap">
              <time dateTime={rule.updatedAt}>{formatDate(rule.updatedAt, language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
