import { useTranslation } from 'react-i18next';
import type { Cause } from '../../api/rewards.ts';
import { Badge, Button, ProgressBar } from '../../ui/index.ts';
import { CatalogueArt } from './catalogue-art.tsx';
import { usePointsText } from './points-text.ts';

/** A cause: its picture (or a drawing), its charity, what it collected (of its goal), and a button to donate. */
export function CauseRow({ cause, canDonate, onDonate }: { cause: Cause; canDonate: boolean; onDonate: (cause: Cause) => void }) {
  const { t } = useTranslation();
  const points = usePointsText();
  const received = points(cause.receivedPoints);
  const progress = cause.goalPoints ? t('rewards.give.receivedOfGoal', { received, goal: points(cause.goalPoints) }) : t('rewards.give.received', { received });
  return (
    <div className="hb-rewards-row hb-cause-row" data-testid="cause">
      <div className="hb-cause-row__media">
        {cause.imageUrl ? <img src={cause.imageUrl} alt="" width={800} height={500} loading="lazy" decoding="async" /> : <CatalogueArt of="cause" />}
      </div>
      <div className="hb-rewards-row__main">
        <p className="hb-rewards-row__title">{cause.title}</p>
        <p className="hb-rewards-muted">{cause.organisationName}</p>
        {cause.kind === 'family' ? (
          <p className="hb-rewards-badges">
            <Badge tone="primary">{t('rewards.give.family')}</Badge>
          </p>
        ) : null}
        {cause.description ? <p>{cause.description}</p> : null}
        <p className="hb-rewards-muted">{progress}</p>
        {cause.goalPoints ? <ProgressBar label={t('rewards.give.progress')} value={(100 * cause.receivedPoints) / cause.goalPoints} valueText={progress} /> : null}
      </div>
      {canDonate ? (
        <Button size="sm" variant="secondary" onClick={() => onDonate(cause)} aria-label={t('rewards.give.donateTo', { title: cause.title })}>
          {t('rewards.give.donate')}
        </Button>
      ) : null}
    </div>
  );
}
