import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Movement, MovementKind } from '../../api/rewards.ts';
import { usePublicProfile } from '../connections/use-public-profile.ts';
import { formatWhen } from './format-when.ts';
import { signedPoints } from './points-text.ts';
import { ruleNameText } from './rule-name.ts';

function kindLabel(t: TFunction, kind: MovementKind): string {
  return t(`rewards.history.kinds.${kind}`);
}

/** The other person of a gift, by their public name: a gift's title (the server's "Gift" is not translated). */
function Counterpart({ movement }: { movement: Movement }) {
  const { t } = useTranslation();
  const profile = usePublicProfile(movement.counterpartId ?? '');
  const name = profile?.displayName ?? t('rewards.live.someone');
  return <p className="hb-rewards-row__title">{movement.kind === 'gift-sent' ? t('rewards.history.giftTo', { name }) : t('rewards.history.giftFrom', { name })}</p>;
}

/** One line of the history: what it was (an award names its rule), when, and the points in or out. */
export function MovementRow({ movement }: { movement: Movement }) {
  const { t, i18n } = useTranslation();
  const gift = movement.kind === 'gift-sent' || movement.kind === 'gift-received';
  return (
    <div className="hb-rewards-row" data-testid="movement" data-kind={movement.kind}>
      <div className="hb-rewards-row__main">
        <p className="hb-rewards-row__kind">{kindLabel(t, movement.kind)}</p>
        {gift ? <Counterpart movement={movement} /> : <p className="hb-rewards-row__title">{movement.kind === 'award' ? ruleNameText(t, movement.title) : movement.title}</p>}
        {movement.message ? <p className="hb-rewards-muted">{t('rewards.history.message', { message: movement.message })}</p> : null}
        {movement.voucherId ? <Link to={`/rewards/vouchers/${encodeURIComponent(movement.voucherId)}`}>{t('rewards.history.voucher')}</Link> : null}
        <p className="hb-rewards-muted">
          <time dateTime={movement.at}>{formatWhen(movement.at, i18n.language)}</time>
        </p>
      </div>
      <p className={movement.points >= 0 ? 'hb-rewards-row__points hb-rewards-row__points--in' : 'hb-rewards-row__points hb-rewards-row__points--out'}>
        {signedPoints(movement.points, i18n.language)}
      </p>
    </div>
  );
}
