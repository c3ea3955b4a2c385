/** A message to a person, by email or SMS. */
export interface OutgoingMessage {
  readonly channel: 'email' | 'sms';
  /** Email address or E.164 phone number. */
  readonly to: string;
  /** What the message is for; lets logs and the dev outbox group messages without reading them. */
  readonly purpose: 'sign-in-code' | 'phone-verification' | 'invitation' | 'first-admin-link';
  /** Email subject (ignored for SMS). */
  readonly subject: string;
  /** Plain-text body (the SMS text). */
  readonly text: string;
}

/** Sends messages to people; adapters: SMTP, an HTTP SMS provider, or the development outbox. */
export interface DeliveryPort {
  /** Which channels can be used in this deployment. */
  readonly channels: ReadonlySet<'email' | 'sms'>;
  /** Resolves once the provider has accepted the message; throws if it refused. */
  send(message: OutgoingMessage): Promise<void>;
}
