import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import { decodeRosterReport, rosterPath } from '../../api/organisations.ts';
import type { Organisation, RejectedRow, RosterReport } from '../../api/organisations.ts';
import { authedUpload } from '../../api/upload.ts';
import {
  AlertIcon,
  Button,
  CheckCircleIcon,
  CloseIcon,
  DataTable,
  DownloadIcon,
  FileIcon,
  Notice,
  ProgressBar,
  UploadIcon,
} from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { downloadText, parseCsvRecords, rosterTemplate, toCsv } from './csv.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { formatBytes, formatNumber } from './format.ts';
import { describeRejection } from './roster-reasons.ts';

/** The server takes CSV bodies up to 5 MiB. */
export const maxRosterBytes = 5 * 1024 * 1024;
/** Rejected rows shown on the page; the download has them all. */
const shownRejections = 200;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'processing' }
  | { kind: 'done'; report: RosterReport; fileName: string; records: string[][] | undefined };

/** A rejected row's reason in the reader's language (the server's English when unknown). */
export function rejectionText(t: TFunction, reason: string): string {
  const known = describeRejection(reason);
  return known ? t(`dashboard.roster.reasons.${known.key}`, known.values) : reason;
}

function looksLikeCsv(file: File): boolean {
  return /\.(csv|txt)$/i.test(file.name) || ['text/csv', 'text/plain', 'application/vnd.ms-excel', ''].includes(file.type);
}

/** A row of the file as its cells, comma-separated, with empty cells said out loud. */
function RowCells({ cells }: { cells: string[] }) {
  const { t } = useTranslation();
  return cells.map((cell, index) => (
    <span key={index}>
      {index > 0 ? ', ' : null}
      {cell.trim() === '' ? <span className="hb-dash-empty-cell">{t('dashboard.report.emptyCell')}</span> : cell}
    </span>
  ));
}

/** The summary, the rejected rows and their download. */
function RosterReportView({ report, fileName, records }: { report: RosterReport; fileName: string; records: string[][] | undefined }) {
  const { t, i18n } = useTranslation();
  const rejectedTitleId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  const header = records?.[0];

  function download() {
    const rows = report.rejected.map((row: RejectedRow) => {
      const record = records?.[row.line - 1];
      return header ? [row.line, ...header.map((_, i) => record?.[i] ?? ''), rejectionText(t, row.reason)] : [row.line, rejectionText(t, row.reason)];
    });
    const head = header ? [t('dashboard.report.line'), ...header, t('dashboard.report.reason')] : [t('dashboard.report.line'), t('dashboard.report.reason')];
    downloadText(`${fileName.replace(/\.[^.]*$/, '') || 'roster'}-rejected-rows.csv`, toCsv([head, ...rows]));
  }

  const clean = report.rejected.length === 0;
  return (
    <div className="hb-stack" data-testid="roster-report">
      <Notice
        tone={clean ? 'success' : 'warning'}
        icon={clean ? <CheckCircleIcon /> : <AlertIcon />}
        title={t('dashboard.report.title', { file: fileName })}
      >
        {clean ? t('dashboard.report.allAccepted') : t('dashboard.report.someRejected', { count: report.rejected.length })}
      </Notice>
      <dl className="hb-dash-stats">
        <div>
          <dt>{t('dashboard.report.rows')}</dt>
          <dd data-testid="report-rows">{n(report.rows)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.report.accepted')}</dt>
          <dd data-testid="report-accepted">{n(report.accepted)}</dd>
        </div>
        <div data-tone={clean ? undefined : 'danger'}>
          <dt>{t('dashboard.report.rejected')}</dt>
          <dd data-testid="report-rejected">{n(report.rejected.length)}</dd>
        </div>
        <div data-tone={report.officersVerified > 0 ? 'success' : undefined}>
          <dt>{t('dashboard.report.verified')}</dt>
          <dd data-testid="report-verified">{n(report.officersVerified)}</dd>
        </div>
      </dl>
      {clean ? null : (
        <section className="hb-stack" aria-labelledby={rejectedTitleId}>
          <div className="hb-dash-toolbar">
            <div className="hb-dash-card-head">
              <h3 id={rejectedTitleId} className="hb-dash-subtitle">
                {t('dashboard.report.rejectedTitle')}
              </h3>
              <p className="hb-dash-muted">{t('dashboard.report.fixHint')}</p>
            </div>
            <Button variant="secondary" size="sm" icon={<DownloadIcon />} onClick={download}>
              {t('dashboard.report.download')}
            </Button>
          </div>
          <DataTable caption={t('dashboard.report.rejectedCaption')} captionHidden dense>
            <thead>
              <tr>
                <th scope="col" className="hb-table__num">
                  {t('dashboard.report.line')}
                </th>
                <th scope="col">{t('dashboard.report.row')}</th>
                <th scope="col">{t('dashboard.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.slice(0, shownRejections).map((row) => {
                const record = records?.[row.line - 1];
                return (
                  <tr key={row.line}>
                    <th scope="row" className="hb-table__num">
                      {row.line}
                    </th>
                    <td className="hb-table__mono">{record ? <RowCells cells={record} /> : '—'}</td>
                    <td>{rejectionText(t, row.reason)}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          {report.rejected.length > shownRejections ? (
            <p className="hb-dash-muted">{t('dashboard.report.truncated', { shown: n(shownRejections), count: report.rejected.length, total: n(report.rejected.length) })}</p>
          ) : null}
        </section>
      )}
    </div>
  );
}

export interface RosterUploadProps {
  organisation: Organisation;
  /** A roster was accepted (so the list can reload). */
  onUploaded: (report: RosterReport) => void;
}

/** Choose a CSV file, watch it upload, then read the report. */
export function RosterUpload({ organisation, onUploaded }: RosterUploadProps) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const controller = useRef<AbortController | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const hintId = useId();
  const inputId = useId();
  const chosenId = useId();

  useEffect(() => () => controller.current?.abort(), []);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(chosen);
    setError(undefined);
    if (phase.kind === 'done') setPhase({ kind: 'idle' });
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind === 'uploading' || phase.kind === 'processing') return;
    if (!file) {
      setError({ message: t('dashboard.upload.fileRequired'), field: true });
      fileInput.current?.focus();
      return;
    }
    if (!looksLikeCsv(file)) {
      setError({ message: t('dashboard.upload.notCsvFile'), field: true });
      fileInput.current?.focus();
      return;
    }
    if (file.size > maxRosterBytes) {
      setError({ message: t('dashboard.upload.fileTooBig', { size: formatBytes(file.size, i18n.language) }), field: true });
      fileInput.current?.focus();
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setError(undefined);
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    setAnnouncement(t('dashboard.upload.uploading'));
    // The rows' own text, so the report can show what each rejected line held.
    const records = file.text().then(parseCsvRecords, () => undefined);
    try {
      const report = await authedUpload(session, rosterPath(organisation.id), file, {
        headers: { 'Content-Type': 'text/csv' },
        signal: abort.signal,
        decode: decodeRosterReport,
        onProgress: (loaded, total) => setPhase((current) => (current.kind === 'uploading' ? { kind: 'uploading', loaded, total } : current)),
        onUploaded: () => {
          setPhase({ kind: 'processing' });
          setAnnouncement(t('dashboard.upload.processing'));
        },
      });
      setPhase({ kind: 'done', report, fileName: file.name, records: await records });
      setAnnouncement(t('dashboard.report.title', { file: file.name }));
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(report);
    } catch (cause) {
      setPhase({ kind: 'idle' });
      if (abort.signal.aborted) {
        setError({ message: t('dashboard.upload.cancelled'), field: false });
      } else {
        const apiError = toApiError(cause);
        setError({ message: dashboardErrorMessage(t, apiError), field: apiError.code === 'IDENTITY_ROSTER_NOT_CSV' });
      }
      setAnnouncement('');
    } finally {
      if (controller.current === abort) controller.current = undefined;
    }
  }

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  const percent = phase.kind === 'uploading' && phase.total > 0 ? (phase.loaded / phase.total) * 100 : 0;

  return (
    <div className="hb-stack" data-phase={phase.kind}>
      <form className="hb-dash-form" noValidate onSubmit={(event) => void upload(event)} aria-busy={busy}>
        <div className="hb-field">
          <label htmlFor={inputId} className="hb-field__label">
            {t('dashboard.upload.fileLabel')}
          </label>
          <p id={hintId} className="hb-field__hint">
            {t('dashboard.upload.fileHint')}
          </p>
          <div className="hb-dash-file" data-invalid={error?.field || undefined} data-busy={busy || undefined}>
            <span className="hb-dash-file__icon" aria-hidden="true">
              <FileIcon size={28} />
            </span>
            <span className="hb-dash-file__text" aria-hidden="true">
              {file ? (
                <>
                  <strong className="hb-dash-file__name">{file.name}</strong>
                  <span className="hb-dash-muted">
                    {formatBytes(file.size, i18n.language)} · {t('dashboard.upload.change')}
                  </span>
                </>
              ) : (
                <>
                  <strong>{t('dashboard.upload.choose')}</strong>
                  <span className="hb-dash-muted">{t('dashboard.upload.drop')}</span>
                </>
              )}
            </span>
            {/* The real input covers the zone, invisibly: a click opens the picker and a dropped file lands on it. */}
            <input
              ref={fileInput}
              id={inputId}
              className="hb-dash-file__input"
              type="file"
              name="roster"
              accept=".csv,text/csv"
              disabled={busy}
              aria-invalid={error?.field || undefined}
              aria-describedby={[hintId, file ? chosenId : '', error?.field ? errorId : ''].filter(Boolean).join(' ')}
              onChange={choose}
            />
          </div>
          {file ? (
            <p id={chosenId} className="hb-visually-hidden" data-testid="chosen-file">
              {t('dashboard.upload.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}
            </p>
          ) : null}
        </div>
        {error ? (
          <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
            {error.message}
          </Notice>
        ) : null}
        {phase.kind === 'uploading' ? (
          <div className="hb-dash-progress">
            <div className="hb-dash-progress__text">
              <span>{t('dashboard.upload.uploading')}</span>
              <span className="hb-dash-progress__numbers">
                {t('dashboard.upload.progress', {
                  percent: Math.floor(percent),
                  loaded: formatBytes(phase.loaded, i18n.language),
                  total: formatBytes(phase.total, i18n.language),
                })}
              </span>
            </div>
            <ProgressBar
              label={t('dashboard.upload.progressLabel')}
              value={percent}
              valueText={t('dashboard.upload.progress', {
                percent: Math.floor(percent),
                loaded: formatBytes(phase.loaded, i18n.language),
                total: formatBytes(phase.total, i18n.language),
              })}
            />
          </div>
        ) : null}
        {phase.kind === 'processing' ? (
          <div className="hb-dash-progress">
            <div className="hb-dash-progress__text">
              <span>{t('dashboard.upload.processing')}</span>
            </div>
            <ProgressBar label={t('dashboard.upload.processingLabel')} />
          </div>
        ) : null}
        <div className="hb-dash-actions">
          <Button type="submit" icon={busy ? undefined : <UploadIcon />} loading={busy}>
            {phase.kind === 'uploading' ? t('dashboard.upload.uploadingShort') : phase.kind === 'processing' ? t('dashboard.upload.processingShort') : t('dashboard.upload.submit')}
          </Button>
          {phase.kind === 'uploading' ? (
            <Button variant="ghost" icon={<CloseIcon size={18} />} onClick={() => controller.current?.abort()}>
              {t('dashboard.upload.cancel')}
            </Button>
          ) : (
            <Button variant="ghost" icon={<DownloadIcon />} onClick={() => downloadText('roster-template.csv', rosterTemplate())}>
              {t('dashboard.upload.template')}
            </Button>
          )}
        </div>
      </form>
      <p className="hb-visually-hidden" role="status">
        {announcement}
      </p>
      {phase.kind === 'done' ? <RosterReportView report={phase.report} fileName={phase.fileName} records={phase.records} /> : null}
    </div>
  );
}
