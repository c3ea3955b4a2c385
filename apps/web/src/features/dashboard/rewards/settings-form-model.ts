/** The rewards settings form (numbers as typed) and the settings it saves. */
import type { RewardsSettings } from '../../../api/partner-rewards.ts';

/** Everything the settings form holds. */
export interface SettingsFormValues {
  citizenGiftsEnabled: boolean;
  giftDailyCap: string;
  donationDailyCap: string;
  pointValueCents: string;
  pairConnectionsPerDay: string;
}

/** The number fields, each checked on its own. */
export type SettingsField = Exclude<keyof SettingsFormValues, 'citizenGiftsEnabled'>;

/** What is wrong with a number: not a whole number, or above what the server accepts. */
export type SettingsProblem = 'wholeNumber' | 'tooLarge' | 'tooSmall';

/** The most each field may be, as the server's schema says. */
const maxima: Record<SettingsField, number> = { giftDailyCap: 1_000_000, donationDailyCap: 1_000_000, pointValueCents: 100_000, pairConnectionsPerDay: 20 };
/** The least each field may be. */
const minima: Partial<Record<SettingsField, number>> = { pairConnectionsPerDay: 1 };

/** The form filled in from saved settings. */
export function settingsToForm(settings: RewardsSettings): SettingsFormValues {
  return {
    citizenGiftsEnabled: settings.citizenGiftsEnabled,
    giftDailyCap: String(settings.giftDailyCap),
    donationDailyCap: String(settings.donationDailyCap),
    pointValueCents: String(settings.pointValueCents),
    pairConnectionsPerDay: String(settings.pairConnectionsPerDay),
  };
}

/** Digits in groups of three ("1,000", "2.500", "10 000"): separators as either language writes them. */
const grouped = /^\d{1,3}([,.\s]\d{3})+$/;

function wholeNumber(value: string, max: number, min: number): number | SettingsProblem {
  const typed = value.trim();
  // "2.5" is not 25: a separator counts only between groups of three digits.
  const trimmed = grouped.test(typed) ? typed.replace(/[,.\s]/g, '') : typed;
  if (!/^\d+$/.test(trimmed)) return 'wholeNumber';
  const n = Number(trimmed);
  return n > max ? 'tooLarge' : n < min ? 'tooSmall' : n;
}

/** Checks the form: the settings to save, or what to fix in which field. */
export function readSettingsForm(values: SettingsFormValues): { ok: true; settings: RewardsSettings } | { ok: false; errors: Partial<Record<SettingsField, SettingsProblem>> } {
  const errors: Partial<Record<SettingsField, SettingsProblem>> = {};
  const read = (field: SettingsField): number => {
    const result = wholeNumber(values[field], maxima[field], minima[field] ?? 0);
    if (typeof result === 'number') return result;
    errors[field] = result;
    return 0;
  };
  const settings: RewardsSettings = {
    citizenGiftsEnabled: values.citizenGiftsEnabled,
    giftDailyCap: read('giftDailyCap'),
    donationDailyCap: read('donationDailyCap'),
    pointValueCents: read('pointValueCents'),
    pairConnectionsPerDay: read('pairConnectionsPerDay'),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
