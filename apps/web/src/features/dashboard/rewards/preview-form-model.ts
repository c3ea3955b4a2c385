/** The rule preview's form (a connection to try the rules on) and the request it sends. */
import type { ConnectionKind, PreviewInput } from '../../../api/partner-rewards.ts';
import { instantOfDateTimeInput } from './date-input.ts';

/** Everything the preview form holds. */
export interface PreviewFormValues {
  kind: ConnectionKind;
  locationVerified: boolean;
  /** A `datetime-local` value; empty for "now". */
  madeAt: string;
  cell: string;
  zip: string;
  firstEver: boolean;
  firstWithThisOfficer: boolean;
}

/** A verified proximity connection, now, nowhere in particular. */
export function emptyPreviewForm(): PreviewFormValues {
  return { kind: 'proximity', locationVerified: true, madeAt: '', cell: '', zip: '', firstEver: false, firstWithThisOfficer: false };
}

/** The preview request: optional parts only when given. */
export function previewInputOf(values: PreviewFormValues): PreviewInput {
  const madeAt = instantOfDateTimeInput(values.madeAt);
  const cell = values.cell.trim().toLowerCase();
  const zip = values.zip.trim();
  return {
    kind: values.kind,
    locationVerified: values.locationVerified,
    ...(madeAt ? { madeAt } : {}),
    ...(cell ? { cell } : {}),
    ...(zip ? { zip } : {}),
    firstEver: values.firstEver,
    firstWithThisOfficer: values.firstWithThisOfficer,
  };
}
