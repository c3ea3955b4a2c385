import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { deleteAccount, exportAccount } from '../../api/account.ts';
import { exportProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, Notice, TextField } from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { FileDownIcon, TrashIcon } from './icons.tsx';
import { combineExports, isDeleteConfirmed, myDataFileName, myDataJson } from './my-data.ts';
import './your-data-card.css';

/** Saves text as a file through a temporary link (works for blobs in every current browser). */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download my data" as one JSON file. */
function DownloadSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'done' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  async function download() {
    if (state.kind === 'working') return;
    setState({ kind: 'working' });
    try {
      const [identity, profiles] = await Promise.all([exportAccount(session), exportProfile(session)]);
      saveFile(myDataFileName, myDataJson(combineExports(identity, profiles, new Date())));
      setState({ kind: 'done' });
    } catch (cause) {
      setState({ kind: 'failed', message: authErrorMessage(t, toApiError(cause)) });
    }
  }

  return (
    <div className="hb-data__section">
      <h3 className="hb-data__subtitle">{t('data.download.title')}</h3>
      <p className="hb-data__text">{t('data.download.body')}</p>
      <div>
        <Button variant="secondary" icon={<FileDownIcon />} loading={state.kind === 'working'} onClick={() => void download()}>
          {state.kind === 'working' ? t('data.download.working') : t('data.download.action')}
        </Button>
      </div>
      {state.kind === 'failed' ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {state.message}
        </Notice>
      ) : null}
      <p role="status" className="hb-data__done">
        {state.kind === 'done' ? (
          <>
            <CheckCircleIcon />
            {t('data.download.done', { file: myDataFileName })}
          </>
        ) : null}
      </p>
    </div>
  );
}

/** "Delete my account": what goes, what stays (anonymously), then type the word to confirm. */
function DeleteSection({ session, onDeleted }: { session: Session; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const panelTitleId = useId();
  const errorId = useId();
  const word = t('data.delete.word');
  const confirmed = isDeleteConfirmed(typed, word);

  useEffect(() => {
    if (open) panelTitle.current?.focus();
  }, [open]);

  function cancel() {
    setOpen(false);
    setTyped('');
    setTried(false);
    setError(undefined);
    requestAnimationFrame(() => openButton.current?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!confirmed) {
      setTried(true);
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await deleteAccount(session);
    } catch (cause) {
      setError(authErrorMessage(t, toApiError(cause)));
      setPending(false);
      return;
    }
    // The server has ended every session; forget this one here too (its cookie with it).
    await session.signOut().catch(() => undefined);
    onDeleted();
  }

  const typedWrong = tried && !confirmed;

  return (
    <div className="hb-data__section">
      <h3 className="hb-data__subtitle">{t('data.delete.title')}</h3>
      <p className="hb-data__text">{t('data.delete.body')}</p>
      {open ? (
        <form className="hb-data__delete" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={panelTitleId} aria-busy={pending}>
          <h4 id={panelTitleId} ref={panelTitle} tabIndex={-1} className="hb-data__delete-title">
            {t('data.delete.confirmTitle')}
          </h4>
          <div className="hb-data__lists">
            <div>
              <p className="hb-data__list-title">{t('data.delete.removedTitle')}</p>
              <ul className="hb-data__list">
                <li>{t('data.delete.removed.account')}</li>
                <li>{t('data.delete.removed.profile')}</li>
                <li>{t('data.delete.removed.signIn')}</li>
                <li>{t('data.delete.removed.sessions')}</li>
              </ul>
            </div>
            <div>
              <p className="hb-data__list-title">{t('data.delete.keptTitle')}</p>
              <ul className="hb-data__list">
                <li>{t('data.delete.kept.record')}</li>
                <li>{t('data.delete.kept.securityLog')}</li>
              </ul>
            </div>
          </div>
          <p className="hb-data__text">{t('data.delete.downloadFirst')}</p>
          <TextField
            ref={input}
            label={t('data.delete.typeLabel', { word })}
            name="confirm"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            invalid={typedWrong}
            errorId={errorId}
          />
          {typedWrong ? (
            <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
              {t('data.delete.typeMismatch', { word })}
            </Notice>
          ) : null}
          {error ? (
            <Notice tone="error" role="alert" icon={<AlertIcon />}>
              {error}
            </Notice>
          ) : null}
          <div className="hb-data__delete-actions">
            <Button type="submit" variant="danger" icon={<TrashIcon />} loading={pending}>
              {pending ? t('data.delete.deleting') : t('data.delete.confirm')}
            </Button>
            <Button variant="secondary" aria-disabled={pending || undefined} onClick={cancel}>
              {t('data.delete.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button ref={openButton} variant="ghost" className="hb-data__delete-open" icon={<TrashIcon />} onClick={() => setOpen(true)}>
            {t('data.delete.open')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The person's data: take a copy, or delete the account. */
export function YourDataCard({ session, onDeleted }: { session: Session; onDeleted: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card className="hb-data" aria-labelledby={titleId}>
      <h2 id={titleId} className="hb-card__title">
        {t('data.title')}
      </h2>
      <DownloadSection session={session} />
      <hr className="hb-data__rule" />
      <DeleteSection session={session} onDeleted={onDeleted} />
    </Card>
  );
}
