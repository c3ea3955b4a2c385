import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format-date.ts';
import { CloseIcon, GiftIcon } from '../../ui/index.ts';
import { usePublicProfile } from '../connections/use-public-profile.ts';
import { ruleNameText } from './rule-name.ts';

/** What a toast tells: points a rule paid, or a gift. */
export type LiveNews = { kind: 'awarded'; points: number; ruleName: string } | { kind: 'gift'; points: number; senderId: string };

function useSentence(news: LiveNews): string {
  const { t, i18n } = useTranslation();
  const sender = usePublicProfile(news.kind === 'gift' ? news.senderId : '');
  const formatted = formatNumber(news.points, i18n.language);
  if (news.kind === 'awarded') return t('rewards.live.awarded', { count: news.points, formatted, rule: ruleNameText(t, news.ruleName) });
  return t('rewards.live.gift', { count: news.points, formatted, name: sender?.displayName ?? t('rewards.live.someone') });
}

/** One toast: "+10 points — First connection", with a button to dismiss it. */
export function LiveToast({ news, onDismiss }: { news: LiveNews; onDismiss: () => void }) {
  const { t } = useTranslation();
  const sentence = useSentence(news);
  return (
    <div className="hb-rewards-toast" data-testid="rewards-toast">
      <GiftIcon size={20} />
      <p className="hb-rewards-toast__text">{sentence}</p>
      <button type="button" className="hb-rewards-toast__close" onClick={onDismiss}>
        <CloseIcon size={18} />
        <span className="hb-visually-hidden">{t('rewards.live.dismiss')}</span>
      </button>
    </div>
  );
}
