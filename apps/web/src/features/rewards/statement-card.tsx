import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, DownloadIcon, Notice, TextField } from '../../ui/index.ts';
import { useRewards } from './rewards-context.tsx';
import { errorMessage } from '../../i18n/error-messages.ts';
import { fetchStatement, saveBlob } from './statement-download.ts';
import { checkStatementMonth, monthOf, statementFileName } from './statement-month.ts';

type Outcome = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; month: string } | { kind: 'invalid' | 'future' } | { kind: 'failed'; error: ApiError };

/** Downloads one month's movements as a CSV file. */
export function StatementCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const { session } = useRewards();
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkStatementMonth(month, new Date());
    if (check !== 'ok') return setOutcome({ kind: check });
    setOutcome({ kind: 'running' });
    try {
      saveBlob(await fetchStatement(session, month.trim()), statementFileName(month.trim()));
      setOutcome({ kind: 'done', month: month.trim() });
    } catch (cause) {
      setOutcome({ kind: 'failed', error: toApiError(cause) });
    }
  }

  const invalid = outcome.kind === 'invalid' || outcome.kind === 'future';
  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="statement-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.statement.title')}
      </h2>
      <p className="hb-rewards-muted">{t('rewards.statement.body')}</p>
      <form className="hb-rewards-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          type="month"
          label={t('rewards.statement.month')}
          hint={t('rewards.statement.monthHint')}
          value={month}
          max={monthOf(new Date())}
          onChange={(event) => setMonth(event.target.value)}
          invalid={invalid}
          errorId={errorId}
          required
        />
        <div className="hb-rewards-actions">
          <Button type="submit" variant="secondary" icon={<DownloadIcon size={18} />} loading={outcome.kind === 'running'}>
            {outcome.kind === 'running' ? t('rewards.statement.downloading') : t('rewards.statement.download')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {invalid ? (
          <Notice tone="error" id={errorId} icon={<AlertIcon />}>
            {outcome.kind === 'future' ? t('rewards.statement.future') : t('rewards.statement.invalid')}
          </Notice>
        ) : null}
        {outcome.kind === 'failed' ? (
          <Notice tone="error" icon={<AlertIcon />}>
            {errorMessage(t, outcome.error)}
          </Notice>
        ) : null}
        {outcome.kind === 'done' ? (
          <Notice tone="success" icon={<CheckCircleIcon />}>
            {t('rewards.statement.done', { month: outcome.month })}
          </Notice>
        ) : null}
      </div>
    </Card>
  );
}
