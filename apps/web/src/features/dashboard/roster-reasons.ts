/** Why the server refused a roster row, as a translation key and its values. */
export interface RejectionReason {
  key: 'nameEmpty' | 'nameTooLong' | 'departmentEmpty' | 'departmentTooLong' | 'emailInvalid' | 'badgeInvalid' | 'duplicateEmail';
  values: { value?: string; line?: number };
}

const fixed: Record<string, RejectionReason['key']> = {
  'name is empty': 'nameEmpty',
  'name is longer than 100 characters': 'nameTooLong',
  'department is empty': 'departmentEmpty',
  'department is longer than 100 characters': 'departmentTooLong',
};

/**
 * Recognises the server's English reasons (see the server's roster validation) so they can be shown
 * in the reader's language; undefined for a reason this app does not know, which is then shown as is.
 */
export function describeRejection(reason: string): RejectionReason | undefined {
  const key = fixed[reason];
  if (key) return { key, values: {} };
  const email = /^email "(.*)" is not a valid address$/s.exec(reason);
  if (email) return { key: 'emailInvalid', values: { value: email[1] ?? '' } };
  const badge = /^badge number "(.*)" must be 1–32 letters, digits or dashes$/s.exec(reason);
  if (badge) return { key: 'badgeInvalid', values: { value: badge[1] ?? '' } };
  const duplicate = /^email (.+) already appears on line (\d+)$/s.exec(reason);
  if (duplicate) return { key: 'duplicateEmail', values: { value: duplicate[1] ?? '', line: Number(duplicate[2]) } };
  return undefined;
}

/** The columns the server says a roster lacks, from its IDENTITY_ROSTER_NOT_CSV message. */
export function missingColumnsOf(message: string): string[] | undefined {
  const match = /missing: ([a-z_, ]+)\.?$/i.exec(message);
  return match?.[1]
    ?.split(',')
    .map((column) => column.trim())
    .filter(Boolean);
}
