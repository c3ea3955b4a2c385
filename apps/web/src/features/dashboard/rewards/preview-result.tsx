import { useTranslation } from 'react-i18next';
import type { Preview, PreviewLine } from '../../../api/partner-rewards.ts';
import { pointsLabel } from './rewards-labels.ts';
import { ruleNameText } from '../../rewards/rule-name.ts';

/** One side's matched rules and total. */
function Side({ title, lines, total, testId }: { title: string; lines: PreviewLine[]; total: number; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="hb-pr-preview-side" data-testid={testId}>
      <h3 className="hb-pr-preview-side__title">{title}</h3>
      <p className="hb-pr-preview-side__total">{pointsLabel(t, total, i18n.language)}</p>
      {lines.length === 0 ? (
        <p className="hb-dash-muted">{t('partnerRewards.preview.noRules')}</p>
      ) : (
        <ul className="hb-pr-preview-lines">
          {lines.map((line) => (
            <li key={`${line.ruleId}-${line.version}`}>
              <span>
                {ruleNameText(t, line.name)} <span className="hb-table__muted">{t('partnerRewards.rules.version', { version: line.version })}</span>
              </span>
              <span className="hb-pr-preview-lines__points">{pointsLabel(t, line.points, i18n.language)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the citizen and the officer would each earn, and from which rules (caps not applied). */
export function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <div className="hb-stack" role="status">
      <div className="hb-pr-preview-sides">
        <Side title={t('partnerRewards.preview.citizen')} lines={preview.citizen} total={preview.totals.citizen} testId="preview-citizen" />
        <Side title={t('partnerRewards.preview.officer')} lines={preview.officer} total={preview.totals.officer} testId="preview-officer" />
      </div>
      <p className="hb-dash-footnote">{t('partnerRewards.preview.capsNote')}</p>
    </div>
  );
}
