import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { removeAvatar, uploadAvatar } from '../../api/profiles.ts';
import type { OwnProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, CheckCircleIcon, Notice } from '../../ui/index.ts';
import { Avatar, useOwnAvatar } from './avatar.tsx';
import { CameraIcon, TrashIcon } from './icons.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { avatarProblem, avatarTypes } from './profile-rules.ts';
import './avatar-editor.css';

/** Answers about the file itself, after which another file is needed. */
const refusedFile: ReadonlySet<string> = new Set([
  'PROFILES_AVATAR_TOO_LARGE',
  'PROFILES_AVATAR_UNSUPPORTED_TYPE',
  'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE',
  'PROFILES_AVATAR_UNREADABLE',
  'PROFILES_AVATAR_FORM_INVALID',
]);

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; file: File; url: string }
  | { kind: 'uploading'; file: File; url: string }
  | { kind: 'confirm-remove' }
  | { kind: 'removing' };

export interface AvatarEditorProps {
  session: Session;
  profile: OwnProfile;
  onProfile: (profile: OwnProfile) => void;
  /** Shown between the picture and its buttons (the name and bio). */
  children?: ReactNode;
}

/** The profile picture with "add/change" (chosen, previewed, then uploaded) and "remove". */
export function AvatarEditor({ session, profile, onProfile, children }: AvatarEditorProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>(undefined);
  /** The picture just uploaded, shown until the server's copy has loaded (no flash of the initial). */
  const [uploaded, setUploaded] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const stored = useOwnAvatar(session, profile.avatarUrl);

  // Object URLs hold the file in memory: let each go when it is no longer shown.
  const previewUrl = step.kind === 'preview' || step.kind === 'uploading' ? step.url : undefined;
  useEffect(() => (previewUrl ? () => URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);
  useEffect(() => (uploaded ? () => URL.revokeObjectURL(uploaded) : undefined), [uploaded]);
  useEffect(() => {
    if (step.kind === 'preview') useButton.current?.focus();
    if (step.kind === 'confirm-remove') removeButton.current?.focus();
  }, [step.kind]);

  const shown = previewUrl ?? (profile.avatarUrl ? (stored ?? uploaded) : undefined);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Clear the input so choosing the same file again still counts as a change.
    event.target.value = '';
    if (!file) return;
    const problem = avatarProblem(file);
    if (problem) {
      setMessage({
        tone: 'error',
        text: problem === 'too-large' ? t('profileEdit.avatar.errors.tooLarge') : problem === 'empty' ? t('profileEdit.avatar.errors.unreadable') : t('profileEdit.avatar.errors.unsupportedType'),
      });
      return;
    }
    setMessage(undefined);
    setStep({ kind: 'preview', file, url: URL.createObjectURL(file) });
  }

  async function upload() {
    if (step.kind !== 'preview') return;
    setStep({ kind: 'uploading', file: step.file, url: step.url });
    setMessage(undefined);
    try {
      const updated = await uploadAvatar(session, step.file, step.file.name);
      // Keep a copy of the preview to show until the stored picture arrives.
      setUploaded(URL.createObjectURL(step.file));
      onProfile(updated);
      setStep({ kind: 'idle' });
      setMessage({ tone: 'success', text: t('profileEdit.avatar.saved') });
      requestAnimationFrame(() => chooseButton.current?.focus());
    } catch (cause) {
      const error = toApiError(cause);
      setMessage({ tone: 'error', text: errorMessage(t, error) });
      if (refusedFile.has(error.code)) {
        // The file itself was refused: trying it again cannot help, so go back to choosing one.
        setStep({ kind: 'idle' });
        requestAnimationFrame(() => chooseButton.current?.focus());
      } else {
        // Offline, busy, session trouble: the same file may well work in a moment.
        setStep({ kind: 'preview', file: step.file, url: step.url });
      }
    }
  }

  async function remove() {
    setStep({ kind: 'removing' });
    setMessage(undefined);
    try {
      await removeAvatar(session);
      onProfile({ ...profile, avatarUrl: null });
      setUploaded(undefined);
      setStep({ kind: 'idle' });
      setMessage({ tone: 'success', text: t('profileEdit.avatar.removed') });
      requestAnimationFrame(() => chooseButton.current?.focus());
    } catch (cause) {
      setStep({ kind: 'confirm-remove' });
      setMessage({ tone: 'error', text: errorMessage(t, toApiError(cause)) });
    }
  }

  function cancel() {
    setStep({ kind: 'idle' });
    setMessage(undefined);
    requestAnimationFrame(() => chooseButton.current?.focus());
  }

  return (
    <div className="hb-avatar-editor">
      <div className="hb-avatar-editor__picture" data-preview={previewUrl ? true : undefined}>
        <Avatar src={shown} name={profile.displayName} size="lg" alt={previewUrl ? t('profileEdit.avatar.previewAlt') : t('profileEdit.avatar.alt')} />
      </div>
      {children}
      <input
        ref={input}
        type="file"
        accept={avatarTypes.join(',')}
        hidden
        onChange={choose}
        data-testid="avatar-input"
      />
      {step.kind === 'preview' || step.kind === 'uploading' ? (
        <div className="hb-avatar-editor__confirm" role="group" aria-label={t('profileEdit.avatar.previewLabel')}>
          <p className="hb-avatar-editor__text">{t('profileEdit.avatar.previewText')}</p>
          <div className="hb-avatar-editor__actions">
            <Button ref={useButton} size="sm" loading={step.kind === 'uploading'} onClick={() => void upload()}>
              {step.kind === 'uploading' ? t('profileEdit.avatar.uploading') : t('profileEdit.avatar.use')}
            </Button>
            <Button size="sm" variant="secondary" aria-disabled={step.kind === 'uploading' || undefined} onClick={cancel}>
              {t('profileEdit.avatar.cancel')}
            </Button>
          </div>
        </div>
      ) : step.kind === 'confirm-remove' || step.kind === 'removing' ? (
        <div className="hb-avatar-editor__confirm" role="group" aria-label={t('profileEdit.avatar.removeTitle')}>
          <p className="hb-avatar-editor__text">{t('profileEdit.avatar.removeTitle')}</p>
          <div className="hb-avatar-editor__actions">
            <Button ref={removeButton} size="sm" variant="danger" loading={step.kind === 'removing'} onClick={() => void remove()}>
              {step.kind === 'removing' ? t('profileEdit.avatar.removing') : t('profileEdit.avatar.removeConfirm')}
            </Button>
            <Button size="sm" variant="secondary" aria-disabled={step.kind === 'removing' || undefined} onClick={cancel}>
              {t('profileEdit.avatar.keep')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="hb-avatar-editor__actions">
          <Button ref={chooseButton} size="sm" variant="secondary" icon={<CameraIcon />} aria-describedby={hintId} onClick={() => input.current?.click()}>
            {profile.avatarUrl ? t('profileEdit.avatar.change') : t('profileEdit.avatar.add')}
          </Button>
          {profile.avatarUrl ? (
            <Button size="sm" variant="ghost" icon={<TrashIcon />} onClick={() => setStep({ kind: 'confirm-remove' })}>
              {t('profileEdit.avatar.remove')}
            </Button>
          ) : null}
        </div>
      )}
      <p id={hintId} className="hb-avatar-editor__hint">
        {t('profileEdit.avatar.hint')}
      </p>
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'} icon={message.tone === 'error' ? <AlertIcon /> : <CheckCircleIcon />}>
          {message.text}
        </Notice>
      ) : null}
    </div>
  );
}
