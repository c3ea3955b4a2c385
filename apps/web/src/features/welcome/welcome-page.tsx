import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { toApiError } from '../../api/api-error.ts';
import { completeWelcome } from '../../api/profiles.ts';
import type { OwnProfile } from '../../api/profiles.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { Button, Card, LoadingState, Notice, PageHeader, SegmentedControl, TextField } from '../../ui/index.ts';
import { safeNextPath, signInPath } from '../auth/next-path.ts';
import { useSession } from '../auth/session-context.tsx';
import { AvatarEditor } from '../profile/avatar-editor.tsx';
import { useOwnProfile } from '../profile/own-profile-context.tsx';
import { displayNameMax, displayNameProblem } from '../profile/profile-rules.ts';
import './welcome-page.css';

/** "Neighbour K7QZ" is the name we gave; the welcome step starts them on an empty field instead. */
const givenName = /^Neighbour [A-Z2-9]{4}$/;

/** What the name field starts with: the officer's suggested public name, their own name if they already chose one, else nothing. */
export function initialName(profile: Pick<OwnProfile, 'displayName' | 'suggestedName'>): string {
  return profile.suggestedName ?? (givenName.test(profile.displayName) ? '' : profile.displayName);
}

/**
 * The welcome step after a first sign-in: a name of one's own (an officer verified by a roster is
 * offered a safe public form of it, never the full name), a picture if they like, and a language.
 */
export function WelcomePage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const { profile, settled } = useOwnProfile();
  if (status === 'signed-out') return <Navigate to={signInPath('/welcome')} replace />;
  if (!profile) return settled ? <Navigate to="/" replace /> : <LoadingState label={t('welcome.loading')} />;
  return <WelcomeForm key={profile.accountId} profile={profile} />;
}

function WelcomeForm({ profile }: { profile: OwnProfile }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const { setProfile } = useOwnProfile();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [name, setName] = useState(() => initialName(profile));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const errorId = useId();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const problem = displayNameProblem(name);
  const nameError = touched && problem ? t(`welcome.name.${problem}`, { max: displayNameMax }) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem || saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await completeWelcome(session, { displayName: name, language });
      setProfile(saved);
      await navigate(safeNextPath(params.get('next')), { replace: true });
    } catch (cause) {
      setFailure(errorMessage(t, toApiError(cause)));
      setSaving(false);
    }
  }

  return (
    <div className="hb-stack hb-welcome">
      <PageHeader title={t('welcome.title')} description={t('welcome.description')} />
      <form className="hb-stack" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <Card className="hb-stack">
          <h2 className="hb-welcome__step">{t('welcome.name.title')}</h2>
          {profile.suggestedName ? (
            <Notice tone="info" title={t('welcome.name.suggestedTitle')}>
              {t('welcome.name.suggested', { name: profile.suggestedName })}
            </Notice>
          ) : null}
          <TextField
            label={t('welcome.name.label')}
            hint={t('welcome.name.hint')}
            name="displayName"
            autoComplete="nickname"
            value={name}
            maxLength={displayNameMax * 2}
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setTouched(true)}
            invalid={nameError !== undefined}
            errorId={errorId}
            required
          />
          {nameError ? (
            <p id={errorId} className="hb-welcome__error" role="alert">
              {nameError}
            </p>
          ) : null}
        </Card>
        <Card className="hb-stack">
          <h2 className="hb-welcome__step">{t('welcome.language.title')}</h2>
          <SegmentedControl<Language>
            legend={t('welcome.language.legend')}
            legendVisible={false}
            options={[
              { value: 'en', label: 'English' },
              { value: 'es', label: 'Español' },
            ]}
            value={language}
            onChange={(next) => void i18n.changeLanguage(next)}
          />
        </Card>
        <Card className="hb-stack">
          <h2 className="hb-welcome__step">{t('welcome.picture.title')}</h2>
          <p className="hb-welcome__hint">{t('welcome.picture.hint')}</p>
          {/* The placeholder's initial is the name being typed, not the "Neighbour" one we gave. */}
          <AvatarEditor session={session} profile={{ ...profile, displayName: name.trim() || profile.displayName }} onProfile={setProfile} />
        </Card>
        {failure ? (
          <Notice tone="error" role="alert">
            {failure}
          </Notice>
        ) : null}
        <Button type="submit" block loading={saving}>
          {t('welcome.continue')}
        </Button>
      </form>
    </div>
  );
}
