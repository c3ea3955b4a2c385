import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/index.ts';
import type { Colleague } from './use-colleagues.ts';

export interface GiftRecipientProps {
  /** Officers choose among colleagues; citizens type an account id. */
  colleagues: readonly Colleague[] | undefined;
  value: string;
  onChange: (accountId: string) => void;
  invalid: boolean;
  errorId: string;
}

/** Who gets the gift: a colleague from the list, or a friend's account id. */
export function GiftRecipient({ colleagues, value, onChange, invalid, errorId }: GiftRecipientProps) {
  const { t } = useTranslation();
  if (colleagues) {
    const options = [
      { value: '', label: t('rewards.gift.chooseColleague') },
      ...colleagues.map((c) => ({ value: c.accountId, label: c.name ?? `${t('rewards.gift.anOfficer')} (${c.accountId.slice(0, 8)})` })),
    ];
    return <SelectField label={t('rewards.gift.colleague')} options={options} value={value} onChange={(event) => onChange(event.target.value)} invalid={invalid} errorId={errorId} required />;
  }
  return (
    <TextField
      label={t('rewards.gift.recipient')}
      hint={t('rewards.gift.recipientHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      invalid={invalid}
      errorId={errorId}
      required
    />
  );
}
