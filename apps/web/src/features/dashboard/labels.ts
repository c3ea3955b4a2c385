import type { TFunction } from 'i18next';
import type { MemberRole, OrganisationStatus, OrganisationType } from '../../api/organisations.ts';

/** "Retailer", "Police precinct"… */
export function typeLabel(t: TFunction, type: OrganisationType): string {
  return t(`dashboard.types.${type}`);
}

/** "Pending review", "Active", "Not approved". */
export function statusLabel(t: TFunction, status: OrganisationStatus): string {
  return t(`dashboard.statuses.${status}`);
}

/** The badge colour of a status. */
export function statusTone(status: OrganisationStatus): 'warning' | 'success' | 'danger' {
  return status === 'pending' ? 'warning' : status === 'active' ? 'success' : 'danger';
}

/** "Owner", "Staff". */
export function roleLabel(t: TFunction, role: MemberRole | 'admin'): string {
  return t(`dashboard.roles.${role}`);
}

const knownActions = [
  'account.created',
  'account.deleted',
  'accounts.seeded',
  'admin.granted',
  'member.invited',
  'member.joined',
  'officer.verified',
  'officer-domain.approved',
  'officer-domain.requested',
  'organisation.approved',
  'organisation.rejected',
  'organisation.requested',
  'passkey.added',
  'passkey.removed',
  'phone.device-bound',
  'phone.verified',
  'roster.uploaded',
  'session.reuse-detected',
  'sign-in',
  'sign-out',
  'sign-out-everywhere',
] as const;

type KnownAction = (typeof knownActions)[number];

function isKnownAction(action: string): action is KnownAction {
  return knownActions.some((known) => known === action);
}

/** Audit actions in words ("Roster uploaded"); an unknown action is shown by its code. */
export function actionLabel(t: TFunction, action: string): string {
  if (!isKnownAction(action)) return action;
  // Translation keys cannot hold dots, so `roster.uploaded` lives at `dashboard.audit.actions.roster_uploaded`.
  const key = action.replaceAll('.', '_').replaceAll('-', '_') as Keyify<KnownAction>;
  return t(`dashboard.audit.actions.${key}`);
}

type Replace<S extends string, From extends string, To extends string> = S extends `${infer Head}${From}${infer Tail}` ? `${Head}${To}${Replace<Tail, From, To>}` : S;
type Keyify<S extends string> = Replace<Replace<S, '.', '_'>, '-', '_'>;
