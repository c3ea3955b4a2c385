import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestKind } from '../../api/connections.ts';
import { AlertIcon, Button, CheckIcon, Notice } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { Person } from './person.tsx';
import { useAskToConnect } from './use-ask-to-connect.ts';

export interface AskOfficerRowProps {
  officerId: string;
  kind: RequestKind;
  testId: string;
  /** The button's text and its accessible name (with the officer's shown name). */
  askText: string;
  askLabel: (name: string) => string;
  variant?: 'primary' | 'secondary';
  /** What is shown under the officer's name (precinct, band, area). */
  children: ReactNode;
}

/** One officer in a list with a button to ask them to connect: "asked" once a request is pending, the refusal when it fails. */
export function AskOfficerRow({ officerId, kind, testId, askText, askLabel, variant, children }: AskOfficerRowProps) {
  const { t } = useTranslation();
  const { name, pending, busy, error, ask } = useAskToConnect(officerId, kind);
  return (
    <li className="hb-connections__row" data-testid={testId}>
      <div className="hb-connections__row-main">
        <Person accountId={officerId} role="officer">
          {children}
        </Person>
        {pending ? (
          <span className="hb-connections__done">
            <CheckIcon size={18} />
            {t('connections.nearby.asked')}
          </span>
        ) : (
          <Button size="sm" {...(variant ? { variant } : {})} loading={busy} onClick={() => void ask()} aria-label={askLabel(name)}>
            {askText}
          </Button>
        )}
      </div>
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, error)}
        </Notice>
      ) : null}
    </li>
  );
}
