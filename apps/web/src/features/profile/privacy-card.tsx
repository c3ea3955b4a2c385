import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import { getPublicProfile, privacyParts, updateProfile } from '../../api/profiles.ts';
import type { OwnProfile, PrivacyPart, PublicProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { formatNumber } from '../../i18n/format-date.ts';
import { AlertIcon, Button, Card, Notice, RefreshIcon, Switch } from '../../ui/index.ts';
import { Avatar } from './avatar.tsx';
import { EyeIcon } from './icons.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useLoad } from './use-load.ts';
import './privacy-card.css';

function partLabel(t: TFunction, part: PrivacyPart): string {
  switch (part) {
    case 'displayName':
      return t('profileEdit.privacy.displayName');
    case 'avatar':
      return t('profileEdit.privacy.avatar');
    case 'bio':
      return t('profileEdit.privacy.bio');
    case 'connectionCount':
      return t('profileEdit.privacy.connectionCount');
  }
}

function partDescription(t: TFunction, part: PrivacyPart): string {
  switch (part) {
    case 'displayName':
      return t('profileEdit.privacy.displayNameHint');
    case 'avatar':
      return t('profileEdit.privacy.avatarHint');
    case 'bio':
      return t('profileEdit.privacy.bioHint');
    case 'connectionCount':
      return t('profileEdit.privacy.connectionCountHint');
  }
}

/** The public profile as a stranger gets it from the server: the proof of what the switches do. */
function PublicPreview({ view }: { view: PublicProfile }) {
  const { t, i18n } = useTranslation();
  const name = view.displayName ?? t('profileEdit.preview.anonymous');
  return (
    <div className="hb-public-preview" data-testid="public-preview">
      <Avatar src={view.avatarUrl} name={view.displayName ?? '?'} size="md" alt={view.avatarUrl ? t('profileEdit.preview.photoAlt') : ''} />
      <div className="hb-public-preview__text">
        <p className={view.displayName ? 'hb-public-preview__name' : 'hb-public-preview__name hb-public-preview__name--hidden'} data-testid="preview-name">
          {name}
        </p>
        {view.precinct ? <p className="hb-public-preview__meta">{t('profileEdit.card.precinct', { precinct: view.precinct })}</p> : null}
        {view.bio ? (
          <p className="hb-public-preview__bio" data-testid="preview-bio">
            {view.bio}
          </p>
        ) : null}
        {view.connectionsMade !== undefined ? (
          <p className="hb-public-preview__meta">
            {t('profileEdit.preview.connections', { count: view.connectionsMade, formatted: formatNumber(view.connectionsMade, i18n.language) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export interface PrivacyCardProps {
  session: Session;
  profile: OwnProfile;
  onProfile: (profile: OwnProfile) => void;
}

/** Show or hide each part of the profile, each switch saved at once, with the public view below. */
export function PrivacyCard({ session, profile, onProfile }: PrivacyCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const previewTitleId = useId();
  const [pending, setPending] = useState<PrivacyPart | undefined>(undefined);
  const [optimistic, setOptimistic] = useState<{ part: PrivacyPart; value: boolean } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Fetched again whenever the profile changes (a switch, a new name, a new picture).
  const previewKey = [profile.accountId, profile.updatedAt, profile.avatarUrl, ...privacyParts.map((part) => profile.privacy[part])].join('|');
  const preview = useLoad((signal) => getPublicProfile(profile.accountId, signal), previewKey);

  async function toggle(part: PrivacyPart, value: boolean) {
    if (pending) return;
    setPending(part);
    setOptimistic({ part, value });
    setError(undefined);
    try {
      onProfile(await updateProfile(session, { privacy: { [part]: value } }));
    } catch (cause) {
      setError(errorMessage(t, toApiError(cause)));
    } finally {
      setPending(undefined);
      setOptimistic(undefined);
    }
  }

  return (
    <Card className="hb-privacy" aria-labelledby={titleId}>
      <div className="hb-privacy__head">
        <h2 id={titleId} className="hb-card__title">
          {t('profileEdit.privacy.title')}
        </h2>
        <p className="hb-privacy__lead">{t('profileEdit.privacy.lead')}</p>
      </div>
      <div className="hb-privacy__switches">
        {privacyParts.map((part) => (
          <Switch
            key={part}
            label={partLabel(t, part)}
            description={partDescription(t, part)}
            checked={optimistic?.part === part ? optimistic.value : profile.privacy[part]}
            pending={pending === part}
            stateLabels={{ on: t('profileEdit.privacy.shown'), off: t('profileEdit.privacy.hidden') }}
            onChange={(value) => void toggle(part, value)}
          />
        ))}
      </div>
      <p className="hb-privacy__always">{t('profileEdit.privacy.alwaysPrivate')}</p>
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {error}
        </Notice>
      ) : null}
      <section className="hb-privacy__preview" aria-labelledby={previewTitleId} aria-busy={preview.state.status !== 'error' && (preview.state.status === 'loading' || preview.state.refreshing)}>
        <h3 id={previewTitleId} className="hb-privacy__preview-title">
          <EyeIcon size={18} />
          {t('profileEdit.preview.title')}
        </h3>
        {preview.state.status === 'loading' ? (
          <p className="hb-privacy__preview-note">{t('profileEdit.preview.loading')}</p>
        ) : preview.state.status === 'error' ? (
          <div className="hb-privacy__preview-error">
            <p>{t('profileEdit.preview.error')}</p>
            <Button size="sm" variant="secondary" icon={<RefreshIcon />} onClick={preview.reload}>
              {t('profileEdit.preview.retry')}
            </Button>
          </div>
        ) : (
          <PublicPreview view={preview.state.data} />
        )}
      </section>
    </Card>
  );
}
