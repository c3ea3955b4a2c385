import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { downloadStatement } from '../../../api/partner-rewards.ts';
import { Button, Card, DownloadIcon, SelectField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { downloadText } from '../csv.ts';
import { monthLabel, recentMonths, statementFileName } from './months.ts';
import { OutcomeNotice } from './outcome-notice.tsx';
import type { Outcome } from './outcome-notice.tsx';
import { rewardsErrorMessage } from './rewards-errors.ts';

/** How many months back a statement can be picked. */
const monthsBack = 24;

/** Picks a month and downloads that month's donations with their money value, as CSV. */
export function StatementDownload({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const months = useMemo(() => recentMonths(new Date(), monthsBack), []);
  const [month, setMonth] = useState(months[0] ?? '');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Outcome<{ file: string }> | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !month) return;
    setPending(true);
    setResult(undefined);
    try {
      const csv = await downloadStatement(session, organisationId, month);
      const file = statementFileName(organisationName, month);
      // The server's CSV may already start with a byte-order mark; downloadText adds its own.
      downloadText(file, csv.replace(/^\uFEFF/, ''));
      setResult({ ok: true, file });
    } catch (cause) {
      setResult({ ok: false, message: rewardsErrorMessage(t, toApiError(cause)) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="hb-stack hb-dash-side-card" aria-labelledby={titleId}>
      <div className="hb-dash-card-head">
        <h2 id={titleId} className="hb-card__title">
          {t('partnerRewards.statement.title')}
        </h2>
        <p className="hb-dash-muted">{t('partnerRewards.statement.description')}</p>
      </div>
      <form className="hb-dash-inline-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <SelectField
          label={t('partnerRewards.statement.month')}
          name="statement-month"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          options={months.map((value) => ({ value, label: monthLabel(value, i18n.language) }))}
        />
        <Button type="submit" variant="secondary" icon={pending ? undefined : <DownloadIcon />} loading={pending}>
          {pending ? t('partnerRewards.statement.downloading') : t('partnerRewards.statement.download')}
        </Button>
      </form>
      <OutcomeNotice outcome={result} success={({ file }) => t('partnerRewards.statement.downloaded', { file })} />
    </Card>
  );
}
