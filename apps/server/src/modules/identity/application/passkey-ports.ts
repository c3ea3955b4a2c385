import type { Tx } from './ports.ts';

/** A stored passkey. */
export interface PasskeyRecord {
  readonly credentialId: string;
  readonly accountId: string;
  readonly publicKey: Uint8Array<ArrayBuffer>;
  readonly counter: number;
  readonly transports: string[];
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/** A WebAuthn ceremony in progress. */
export interface Ceremony {
  readonly id: string;
  readonly purpose: 'register' | 'authenticate';
  readonly accountId: string | null;
  readonly challenge: string;
  readonly rpId: string;
  readonly origin: string;
}

/** Passkeys and WebAuthn ceremonies. */
export interface PasskeyStore {
  startCeremony(tx: Tx, ceremony: Ceremony & { expiresAt: Date }): Promise<void>;
  /** Takes a live ceremony (marking it used): each challenge is answered once. */
  takeCeremony(tx: Tx, id: string, purpose: Ceremony['purpose'], now: Date): Promise<Ceremony | undefined>;
  listFor(tx: Tx, accountId: string): Promise<PasskeyRecord[]>;
  find(tx: Tx, credentialId: string): Promise<PasskeyRecord | undefined>;
  insert(tx: Tx, passkey: { credentialId: string; accountId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string }): Promise<void>;
  recordUse(tx: Tx, credentialId: string, counter: number, at: Date): Promise<void>;
  remove(tx: Tx, accountId: string, credentialId: string): Promise<boolean>;
}
