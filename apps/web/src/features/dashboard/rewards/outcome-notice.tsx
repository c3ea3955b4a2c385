import { AlertIcon, CheckCircleIcon, Notice } from '../../../ui/index.ts';

/** How a form's last submission ended: done (with what the form needs to say so), or failed with a message to show. */
export type Outcome<Done extends object = object> = ({ ok: true } & Done) | { ok: false; message: string };

export interface OutcomeNoticeProps<Done extends object> {
  outcome: Outcome<Done> | undefined;
  /** The line that says it worked. */
  success: (done: { ok: true } & Done) => string;
}

/** Under a form: a success line (status) or the failure (alert) of its last submission; nothing before the first. */
export function OutcomeNotice<Done extends object>({ outcome, success }: OutcomeNoticeProps<Done>) {
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
        {success(outcome)}
      </Notice>
    );
  }
  return (
    <Notice tone="error" role="alert" icon={<AlertIcon />}>
      {outcome.message}
    </Notice>
  );
}
