import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../api/partner-rewards.ts';
import { Card } from '../../../ui/index.ts';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { ruleSummary } from './rule-summary.ts';

/** A rule's versions, newest first: when each was saved and what it paid. */
export function RuleVersions({ versions }: { versions: Rule[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const language = i18n.language;
  return (
    <Card className="hb-stack hb-dash-side-card" aria-labelledby={titleId}>
      <div className="hb-dash-card-head">
        <h2 id={titleId} className="hb-card__title">
          {t('partnerRewards.ruleEditor.versionsTitle')}
        </h2>
        <p className="hb-dash-muted">{t('partnerRewards.ruleEditor.versionsBody')}</p>
      </div>
      <ol className="hb-pr-versions" data-testid="rule-versions">
        {versions.map((version) => (
          <li key={version.version} className="hb-pr-versions__item">
            <p className="hb-pr-versions__head">
              <span className="hb-dash-cell-strong">{t('partnerRewards.rules.version', { version: version.version })}</span>
              <time dateTime={version.updatedAt} className="hb-dash-muted">
                {formatDate(version.updatedAt, language)} {formatClock(version.updatedAt, language)}
              </time>
            </p>
            <p className="hb-dash-muted">{ruleSummary(t, version, language)}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
