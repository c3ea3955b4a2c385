import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { inviteMember, memberRoles } from '../../api/organisations.ts';
import type { Member, MemberRole, Organisation } from '../../api/organisations.ts';
import { AlertIcon, Badge, Button, Card, CheckCircleIcon, DataTable, MailIcon, Notice, SelectField, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { formatDate } from './format.ts';
import { roleLabel } from './labels.ts';

/** The members of an organisation. */
function MembersTable({ organisation, members }: { organisation: Organisation; members: Member[] }) {
  const { t, i18n } = useTranslation();
  const { account } = useSession();
  return (
    <DataTable caption={t('dashboard.members.caption', { name: organisation.name })} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.members.columns.email')}</th>
          <th scope="col">{t('dashboard.members.columns.role')}</th>
          <th scope="col">{t('dashboard.members.columns.since')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.accountId}>
            <th scope="row" className="hb-dash-cell-strong hb-dash-cell-wrap">
              {member.email ?? <span className="hb-table__muted">{t('dashboard.members.noEmail')}</span>}
              {member.accountId === account?.id ? <span className="hb-dash-you"> {t('dashboard.members.you')}</span> : null}
            </th>
            <td>
              <Badge tone={member.role === 'owner' ? 'primary' : 'neutral'}>{roleLabel(t, member.role)}</Badge>
            </td>
            <td>
              <time dateTime={member.since}>{formatDate(member.since, i18n.language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Invite someone by email, as staff or owner. */
function InviteForm({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const [sent, setSent] = useState<{ email: string; expiresAt: string } | undefined>(undefined);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    if (!address) {
      setError({ message: t('dashboard.invite.emailRequired'), field: true });
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    setSent(undefined);
    try {
      const invitation = await inviteMember(session, organisation.id, { email: address, role });
      setSent({ email: address, expiresAt: invitation.expiresAt });
      setEmail('');
    } catch (cause) {
      const apiError = toApiError(cause);
      const field = ['IDENTITY_ADDRESS_INVALID', 'IDENTITY_ALREADY_MEMBER', 'PLATFORM_VALIDATION_FAILED'].includes(apiError.code);
      setError({ message: dashboardErrorMessage(t, apiError), field });
      if (field) input.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <TextField
        ref={input}
        label={t('dashboard.invite.emailLabel')}
        name="invite-email"
        type="email"
        inputMode="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder={t('auth.signIn.emailPlaceholder')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        invalid={error?.field ?? false}
        errorId={errorId}
      />
      <SelectField
        label={t('dashboard.invite.roleLabel')}
        hint={role === 'owner' ? t('dashboard.invite.ownerHint') : t('dashboard.invite.staffHint')}
        name="invite-role"
        value={role}
        onChange={(event) => setRole(memberRoles.find((option) => option === event.target.value) ?? 'staff')}
        options={memberRoles.map((option) => ({ value: option, label: roleLabel(t, option) }))}
      />
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {error.message}
        </Notice>
      ) : null}
      {sent ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('dashboard.invite.sentTitle', { email: sent.email })}>
          {t('dashboard.invite.sentBody', { date: formatDate(sent.expiresAt, i18n.language) })}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" icon={pending ? undefined : <MailIcon size={20} />} loading={pending}>
          {pending ? t('dashboard.invite.sending') : t('dashboard.invite.submit')}
        </Button>
      </div>
    </form>
  );
}

export interface MembersPanelProps {
  organisation: Organisation;
  members: Member[];
  /** Owners of active organisations (and admins) may invite. */
  canInvite: boolean;
  /** Why not, when they may not. */
  inviteBlockedReason: 'owners-only' | 'after-approval' | undefined;
}

/** Members and, for owners, the invitation form. */
export function MembersPanel({ organisation, members, canInvite, inviteBlockedReason }: MembersPanelProps) {
  const { t } = useTranslation();
  const membersTitleId = useId();
  const inviteTitleId = useId();
  return (
    <div className="hb-dash-columns">
      <section className="hb-stack" aria-labelledby={membersTitleId}>
        <div className="hb-dash-card-head">
          <h2 id={membersTitleId} className="hb-dash-section-title">
            {t('dashboard.members.title')}
          </h2>
          <p className="hb-dash-muted">{t('dashboard.members.count', { count: members.length })}</p>
        </div>
        <MembersTable organisation={organisation} members={members} />
      </section>
      <Card className="hb-stack hb-dash-side-card" aria-labelledby={inviteTitleId}>
        <div className="hb-dash-card-head">
          <h2 id={inviteTitleId} className="hb-card__title">
            {t('dashboard.invite.title')}
          </h2>
          <p className="hb-dash-muted">{t('dashboard.invite.description')}</p>
        </div>
        {canInvite ? (
          <InviteForm organisation={organisation} />
        ) : (
          <Notice tone="info" icon={<AlertIcon />}>
            {inviteBlockedReason === 'after-approval' ? t('dashboard.invite.afterApproval') : t('dashboard.invite.ownersOnly')}
          </Notice>
        )}
        <p className="hb-dash-footnote">{t('dashboard.invite.footnote')}</p>
      </Card>
    </div>
  );
}
