import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import { updateProfile } from '../../api/profiles.ts';
import type { OwnProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, Notice, TextAreaField, TextField } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { fieldOfError } from './profile-messages.ts';
import {
  bioMax,
  bioProblem,
  characterCount,
  displayNameMax,
  displayNameProblem,
  draftChanges,
  draftOf,
} from './profile-rules.ts';
import type { BioProblem, DisplayNameProblem, ProfileDraft } from './profile-rules.ts';
import './profile-form.css';

function nameMessage(t: TFunction, problem: DisplayNameProblem): string {
  switch (problem) {
    case 'empty':
      return t('profileEdit.form.nameEmpty');
    case 'too-long':
      return t('profileEdit.form.nameTooLong', { max: displayNameMax });
    case 'control-characters':
      return t('profileEdit.form.nameCharacters');
  }
}

function bioMessage(t: TFunction, problem: BioProblem): string {
  return problem === 'too-long' ? t('profileEdit.form.bioTooLong', { max: bioMax }) : t('profileEdit.form.bioCharacters');
}

type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface ProfileFormProps {
  session: Session;
  profile: OwnProfile;
  onProfile: (profile: OwnProfile) => void;
}

/** Display name and bio, checked as the person types (after a first try) and saved together. */
export function ProfileForm({ session, profile, onProfile }: ProfileFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const nameErrorId = useId();
  const bioErrorId = useId();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [touched, setTouched] = useState({ displayName: false, bio: false });
  const [serverField, setServerField] = useState<{ field: 'displayName' | 'bio'; message: string } | undefined>(undefined);
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const nameInput = useRef<HTMLInputElement>(null);
  const bioInput = useRef<HTMLTextAreaElement>(null);

  // A save elsewhere (e.g. the picture) brings a new profile: keep the draft unless it was edited.
  const saved = useRef(draftOf(profile));
  useEffect(() => {
    const next = draftOf(profile);
    setDraft((current) => (current.displayName === saved.current.displayName && current.bio === saved.current.bio ? next : current));
    saved.current = next;
  }, [profile]);

  const changes = draftChanges(profile, draft);
  const dirty = Object.keys(changes).length > 0;
  const nameProblem = displayNameProblem(draft.displayName);
  const bioIssue = bioProblem(draft.bio);
  const nameError = serverField?.field === 'displayName' ? serverField.message : touched.displayName && nameProblem ? nameMessage(t, nameProblem) : undefined;
  const bioError = serverField?.field === 'bio' ? serverField.message : touched.bio && bioIssue ? bioMessage(t, bioIssue) : undefined;
  const nameCount = characterCount(draft.displayName.trim());
  const bioCount = characterCount(draft.bio.trim());

  function edit(field: keyof ProfileDraft, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    if (serverField?.field === field) setServerField(undefined);
    if (save.kind === 'saved' || save.kind === 'failed') setSave({ kind: 'idle' });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.kind === 'saving') return;
    setTouched({ displayName: true, bio: true });
    if (nameProblem) {
      nameInput.current?.focus();
      return;
    }
    if (bioIssue) {
      bioInput.current?.focus();
      return;
    }
    if (!dirty) return;
    setSave({ kind: 'saving' });
    setServerField(undefined);
    try {
      const updated = await updateProfile(session, changes);
      saved.current = draftOf(updated);
      setDraft(draftOf(updated));
      setTouched({ displayName: false, bio: false });
      onProfile(updated);
      setSave({ kind: 'saved' });
    } catch (cause) {
      const error = toApiError(cause);
      const field = fieldOfError(error);
      const message = errorMessage(t, error);
      if (field) {
        setServerField({ field, message });
        setSave({ kind: 'idle' });
        (field === 'displayName' ? nameInput.current : bioInput.current)?.focus();
      } else {
        setSave({ kind: 'failed', message });
      }
    }
  }

  function discard() {
    setDraft(draftOf(profile));
    setTouched({ displayName: false, bio: false });
    setServerField(undefined);
    setSave({ kind: 'idle' });
    nameInput.current?.focus();
  }

  return (
    <Card className="hb-profile-form" aria-labelledby={titleId}>
      <div className="hb-profile-form__head">
        <h2 id={titleId} className="hb-card__title">
          {t('profileEdit.form.title')}
        </h2>
        <p className="hb-profile-form__lead">{t('profileEdit.form.lead')}</p>
      </div>
      <form className="hb-profile-form__form" noValidate onSubmit={(event) => void submit(event)} aria-busy={save.kind === 'saving'}>
        <div className="hb-profile-form__field">
          <TextField
            ref={nameInput}
            label={t('profileEdit.form.nameLabel')}
            hint={t('profileEdit.form.nameHint', { max: displayNameMax })}
            name="displayName"
            autoComplete="nickname"
            autoCapitalize="words"
            enterKeyHint="next"
            value={draft.displayName}
            onChange={(event) => edit('displayName', event.target.value)}
            onBlur={() => setTouched((current) => ({ ...current, displayName: true }))}
            invalid={nameError !== undefined}
            errorId={nameErrorId}
          />
          <div className="hb-profile-form__below">
            {nameError ? (
              <p id={nameErrorId} className="hb-profile-form__error">
                <AlertIcon size={16} />
                {nameError}
              </p>
            ) : (
              <span />
            )}
            <span className="hb-profile-form__count" data-over={nameCount > displayNameMax || undefined} aria-hidden="true">
              {nameCount}/{displayNameMax}
            </span>
          </div>
        </div>
        <div className="hb-profile-form__field">
          <TextAreaField
            ref={bioInput}
            label={t('profileEdit.form.bioLabel')}
            hint={t('profileEdit.form.bioHint', { max: bioMax })}
            name="bio"
            rows={4}
            value={draft.bio}
            onChange={(event) => edit('bio', event.target.value)}
            onBlur={() => setTouched((current) => ({ ...current, bio: true }))}
            invalid={bioError !== undefined}
            errorId={bioErrorId}
          />
          <div className="hb-profile-form__below">
            {bioError ? (
              <p id={bioErrorId} className="hb-profile-form__error">
                <AlertIcon size={16} />
                {bioError}
              </p>
            ) : (
              <span />
            )}
            <span className="hb-profile-form__count" data-over={bioCount > bioMax || undefined} aria-hidden="true">
              {bioCount}/{bioMax}
            </span>
          </div>
        </div>
        {save.kind === 'failed' ? (
          <Notice tone="error" role="alert" icon={<AlertIcon />}>
            {save.message}
          </Notice>
        ) : null}
        <div className="hb-profile-form__actions">
          <Button type="submit" loading={save.kind === 'saving'} aria-disabled={(!dirty && save.kind !== 'saving') || undefined}>
            {save.kind === 'saving' ? t('profileEdit.form.saving') : t('profileEdit.form.save')}
          </Button>
          {dirty && save.kind !== 'saving' ? (
            <Button variant="ghost" onClick={discard}>
              {t('profileEdit.form.discard')}
            </Button>
          ) : null}
          <p role="status" className="hb-profile-form__saved">
            {save.kind === 'saved' && !dirty ? (
              <>
                <CheckCircleIcon />
                {t('profileEdit.form.saved')}
              </>
            ) : null}
          </p>
        </div>
      </form>
    </Card>
  );
}
