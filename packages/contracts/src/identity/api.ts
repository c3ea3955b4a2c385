// Identity's module API: what other modules may ask identity synchronously (docs/adr/0013-module-apis.md).
import type { MemberAddedV1, OrganisationApprovedV1 } from './events.ts';

/** A person's place in a partner organisation, as identity knows it at the moment of the call. */
export interface Membership {
  readonly organisationId: string;
  readonly accountId: string;
  /** Their role in the organisation. */
  readonly role: MemberAddedV1['role'];
  /** The organisation itself; only an `active` one has been approved by an admin. */
  readonly organisation: {
    readonly type: OrganisationApprovedV1['type'];
    readonly name: string;
    readonly status: 'pending' | 'active' | 'rejected';
  };
}

/**
 * Identity's answers for other modules, given to them by the composition root. Each call runs in a
 * transaction of its own (a read). Call it before opening a transaction of yours: on the embedded
 * database there is one connection, and a call made while your transaction holds it waits for itself.
 */
export interface IdentityApi {
  /** Whether `accountId` is a member of `organisationId` and with which role; null when not (or either is unknown or deleted). */
  membership(organisationId: string, accountId: string): Promise<Membership | null>;
  /**
   * The full name the verifying precinct's roster gives an officer (matched by email), or null (not an
   * officer, verified by domain or claim, or deleted). Personal data: never publish it as it is —
   * profiles turns it into a suggestion ("Jane D.") the officer confirms or changes.
   */
  rosterNameOf(accountId: string): Promise<string | null>;
}
