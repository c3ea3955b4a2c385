import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { startRegistration } from '@simplewebauthn/browser';
import { finishPasskeyRegistration, listPasskeys, removePasskey, startPasskeyRegistration } from '../../api/passkeys.ts';
import type { Passkey } from '../../api/passkeys.ts';
import type { Session } from '../../api/session.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, KeyIcon, Notice, RefreshIcon, TextField } from '../../ui/index.ts';
import { TrashIcon } from '../profile/icons.tsx';
import { useLoad } from '../profile/use-load.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { classifyPasskeyError, passkeyErrorMessage, passkeysSupported } from './passkey-errors.ts';
import './passkeys-card.css';

const nameMax = 60;

/** One passkey with its dates and a remove button that asks first. */
function PasskeyItem({ passkey, onRemove }: { passkey: Passkey; onRemove: (passkey: Passkey) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function remove() {
    setPending(true);
    try {
      await onRemove(passkey);
    } catch {
      // The card shows the error; stay in the confirmation so it can be tried again.
      setPending(false);
    }
  }

  return (
    <li className="hb-passkey">
      <span className="hb-passkey__icon" aria-hidden="true">
        <KeyIcon size={20} />
      </span>
      <div className="hb-passkey__text">
        <p className="hb-passkey__name">{passkey.name}</p>
        <p className="hb-passkey__meta">
          {t('passkeys.added', { date: formatDate(passkey.createdAt, i18n.language, 'medium') })}
          {' · '}
          {passkey.lastUsedAt ? t('passkeys.lastUsed', { date: formatDate(passkey.lastUsedAt, i18n.language, 'medium') }) : t('passkeys.neverUsed')}
        </p>
        {confirming ? (
          <div className="hb-passkey__confirm" role="group" aria-label={t('passkeys.removeTitle', { name: passkey.name })}>
            <p>{t('passkeys.removeBody')}</p>
            <div className="hb-passkey__actions">
              <Button ref={confirmButton} size="sm" variant="danger" loading={pending} onClick={() => void remove()}>
                {pending ? t('passkeys.removing') : t('passkeys.removeConfirm', { name: passkey.name })}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                aria-disabled={pending || undefined}
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => removeButton.current?.focus());
                }}
              >
                {t('passkeys.keep')}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
      {confirming ? null : (
        <Button
          ref={removeButton}
          size="sm"
          variant="ghost"
          className="hb-passkey__remove"
          icon={<TrashIcon size={20} />}
          title={t('passkeys.removeShort')}
          onClick={() => setConfirming(true)}
        >
          <span className="hb-visually-hidden">{t('passkeys.remove', { name: passkey.name })}</span>
        </Button>
      )}
    </li>
  );
}

/** Passkeys: sign in with the phone's lock instead of a code. Add (named), list, remove. */
export function PasskeysCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const titleId = useId();
  const supported = passkeysSupported();
  const list = useLoad((signal) => (supported ? listPasskeys(session, signal) : Promise.resolve([])), 'passkeys');
  const [name, setName] = useState('');
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | undefined>(undefined);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (adding) return;
    setAdding(true);
    setMessage(undefined);
    try {
      const { ceremonyId, options } = await startPasskeyRegistration(session);
      const response = await startRegistration({ optionsJSON: options });
      const trimmed = name.trim();
      const added = await finishPasskeyRegistration(session, { ceremonyId, response, ...(trimmed ? { name: trimmed } : {}) });
      setName('');
      setMessage({ tone: 'success', text: t('passkeys.addedMessage', { name: added.name }) });
      list.reload();
    } catch (cause) {
      setMessage({ tone: 'error', text: passkeyErrorMessage(t, classifyPasskeyError(cause), 'add') });
    } finally {
      setAdding(false);
    }
  }

  async function remove(passkey: Passkey) {
    setMessage(undefined);
    try {
      await removePasskey(session, passkey.id);
    } catch (cause) {
      setMessage({ tone: 'error', text: passkeyErrorMessage(t, classifyPasskeyError(cause), 'add') });
      throw cause;
    }
    if (list.state.status === 'ready') list.set(list.state.data.filter((item) => item.id !== passkey.id));
    setMessage({ tone: 'success', text: t('passkeys.removedMessage', { name: passkey.name }) });
  }

  return (
    <Card className="hb-passkeys" aria-labelledby={titleId}>
      <div className="hb-passkeys__head">
        <h2 id={titleId} className="hb-card__title">
          {t('passkeys.title')}
        </h2>
        <p className="hb-passkeys__lead">{t('passkeys.lead')}</p>
      </div>
      {!supported ? (
        <Notice tone="info" icon={<AlertIcon />}>
          {t('passkeys.unsupported')}
        </Notice>
      ) : (
        <>
          {list.state.status === 'loading' ? (
            <p className="hb-passkeys__note" role="status">
              {t('passkeys.loading')}
            </p>
          ) : list.state.status === 'error' ? (
            <div className="hb-passkeys__error" role="alert">
              <p>{t('passkeys.loadFailed', { reason: authErrorMessage(t, list.state.error) })}</p>
              <Button size="sm" variant="secondary" icon={<RefreshIcon />} onClick={list.reload}>
                {t('passkeys.retry')}
              </Button>
            </div>
          ) : list.state.data.length === 0 ? (
            <p className="hb-passkeys__empty">{t('passkeys.empty')}</p>
          ) : (
            <ul className="hb-passkeys__list" aria-label={t('passkeys.listLabel')}>
              {list.state.data.map((passkey) => (
                <PasskeyItem key={passkey.id} passkey={passkey} onRemove={remove} />
              ))}
            </ul>
          )}
          <form className="hb-passkeys__add" noValidate onSubmit={(event) => void add(event)} aria-busy={adding}>
            <TextField
              label={t('passkeys.nameLabel')}
              hint={t('passkeys.nameHint')}
              name="passkeyName"
              autoComplete="off"
              maxLength={nameMax}
              placeholder={t('passkeys.namePlaceholder')}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary" icon={<KeyIcon size={18} />} loading={adding}>
                {adding ? t('passkeys.adding') : t('passkeys.add')}
              </Button>
            </div>
          </form>
        </>
      )}
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'} icon={message.tone === 'error' ? <AlertIcon /> : <CheckCircleIcon />}>
          {message.text}
        </Notice>
      ) : null}
    </Card>
  );
}
