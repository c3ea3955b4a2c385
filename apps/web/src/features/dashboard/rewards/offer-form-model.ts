/**
 * The offer form's values (text, as typed) and their conversion to and from the API's offer: what
 * to check before sending, and on edit, only the fields that changed (so an untouched stock field
 * never resets the stock left while vouchers are being redeemed).
 */
import { offerCategories } from '../../../api/rewards.ts';
import type { Offer, OfferCategory, OfferInput, OfferLocation, OfferPatch } from '../../../api/partner-rewards.ts';
import { dateInputOf, endOfDateInput, startOfDateInput } from './date-input.ts';

/** One location row: a name and its coordinates, as typed. */
export interface LocationRow {
  /** Keeps React's list stable while rows are added and removed. */
  key: string;
  name: string;
  lat: string;
  lon: string;
}

/** Everything the offer form holds. */
export interface OfferFormValues {
  title: string;
  description: string;
  /** One of the fixed list; empty until chosen. */
  category: OfferCategory | '';
  pricePoints: string;
  stock: string;
  perUserLimit: string;
  startsOn: string;
  endsOn: string;
  voucherValidDays: string;
  locations: LocationRow[];
  issuerUrl: string;
}

/** The form's fields that can be wrong on their own. */
export type OfferField = Exclude<keyof OfferFormValues, 'locations'>;

/** What is wrong with a value: each has its own sentence in the translations. */
export type OfferProblem =
  | 'required'
  | 'tooLong'
  | 'wholeNumber'
  | 'positive'
  | 'tooLarge'
  | 'endsBeforeStart'
  | 'url'
  | 'latitude'
  | 'longitude';

/** The problems found, by field and by location row. */
export interface OfferFormErrors {
  fields: Partial<Record<OfferField, OfferProblem>>;
  locations: Record<string, Partial<Record<'name' | 'lat' | 'lon', OfferProblem>>>;
}

let rowCount = 0;

/** A new, empty location row. */
export function emptyLocationRow(): LocationRow {
  rowCount += 1;
  return { key: `location-${rowCount}`, name: '', lat: '', lon: '' };
}

/** The form for a new offer: starts today, vouchers valid 30 days. */
export function emptyOfferForm(today: Date): OfferFormValues {
  return {
    title: '',
    description: '',
    category: '',
    pricePoints: '',
    stock: '',
    perUserLimit: '1',
    startsOn: dateInputOf(today.toISOString()),
    endsOn: '',
    voucherValidDays: '30',
    locations: [],
    issuerUrl: '',
  };
}

/** The form filled in from a saved offer (the stock field shows what is left). */
export function offerToForm(offer: Offer): OfferFormValues {
  return {
    title: offer.title,
    description: offer.description,
    category: offer.category,
    pricePoints: String(offer.pricePoints),
    stock: String(offer.stockLeft),
    perUserLimit: offer.perUserLimit === null ? '' : String(offer.perUserLimit),
    startsOn: dateInputOf(offer.startsAt),
    // The end is stored as the first instant after the last day; the form shows the last day.
    endsOn: offer.endsAt === null ? '' : dateInputOf(new Date(new Date(offer.endsAt).getTime() - 1).toISOString()),
    voucherValidDays: String(offer.voucherValidDays),
    locations: offer.locations.map((location) => ({ ...emptyLocationRow(), name: location.name, lat: String(location.lat), lon: String(location.lon) })),
    issuerUrl: offer.issuerUrl ?? '',
  };
}

const wholeNumber = /^\d+$/;

/** The limits the offer contract sets (OfferInput in @heyblue/contracts/rewards; a test keeps them equal). */
export const offerLimits = { title: 120, description: 2000, price: 1_000_000, stock: 10_000_000, perUser: 1000, validDays: 366, locations: 50, issuerUrl: 500 } as const;

function count(value: string, min: number, max: number): number | OfferProblem {
  const trimmed = value.trim();
  if (trimmed === '') return 'required';
  if (!wholeNumber.test(trimmed)) return 'wholeNumber';
  const n = Number(trimmed);
  if (n < min) return 'positive';
  return n > max ? 'tooLarge' : n;
}

function coordinate(value: string, limit: number, problem: OfferProblem): number | OfferProblem {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return 'required';
  const n = Number(trimmed);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : problem;
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The result of checking the form: what to send, or what to fix. */
export type OfferFormResult = { ok: true; input: OfferInput } | { ok: false; errors: OfferFormErrors };

/** Checks the form and builds the offer to send. */
export function readOfferForm(values: OfferFormValues): OfferFormResult {
  const fields: OfferFormErrors['fields'] = {};
  const locationErrors: OfferFormErrors['locations'] = {};
  const title = values.title.trim();
  const category = offerCategories.find((known) => known === values.category);
  if (title === '') fields.title = 'required';
  else if (title.length > offerLimits.title) fields.title = 'tooLong';
  if (values.description.trim().length > offerLimits.description) fields.description = 'tooLong';
  if (category === undefined) fields.category = 'required';
  const price = count(values.pricePoints, 1, offerLimits.price);
  if (typeof price === 'string') fields.pricePoints = price;
  const stock = count(values.stock, 0, offerLimits.stock);
  if (typeof stock === 'string') fields.stock = stock;
  const perUser = values.perUserLimit.trim() === '' ? null : count(values.perUserLimit, 1, offerLimits.perUser);
  if (typeof perUser === 'string') fields.perUserLimit = perUser;
  const validDays = count(values.voucherValidDays, 1, offerLimits.validDays);
  if (typeof validDays === 'string') fields.voucherValidDays = validDays;
  if (values.endsOn !== '' && values.startsOn !== '' && values.endsOn < values.startsOn) fields.endsOn = 'endsBeforeStart';
  const issuerUrl = values.issuerUrl.trim();
  if (issuerUrl.length > offerLimits.issuerUrl) fields.issuerUrl = 'tooLong';
  else if (issuerUrl !== '' && !isUrl(issuerUrl)) fields.issuerUrl = 'url';

  const locations: OfferLocation[] = [];
  for (const row of values.locations) {
    const name = row.name.trim();
    const lat = coordinate(row.lat, 90, 'latitude');
    const lon = coordinate(row.lon, 180, 'longitude');
    const problems: Partial<Record<'name' | 'lat' | 'lon', OfferProblem>> = {};
    if (name === '') problems.name = 'required';
    else if (name.length > 120) problems.name = 'tooLong';
    if (typeof lat === 'string') problems.lat = lat;
    if (typeof lon === 'string') problems.lon = lon;
    if (Object.keys(problems).length > 0) locationErrors[row.key] = problems;
    else if (typeof lat === 'number' && typeof lon === 'number') locations.push({ name, lat, lon });
  }

  if (category === undefined || Object.keys(fields).length > 0 || Object.keys(locationErrors).length > 0 || typeof price === 'string' || typeof stock === 'string' || typeof validDays === 'string' || typeof perUser === 'string') {
    return { ok: false, errors: { fields, locations: locationErrors } };
  }
  return {
    ok: true,
    input: {
      title,
      description: values.description.trim(),
      category,
      pricePoints: price,
      stock,
      perUserLimit: perUser,
      ...(values.startsOn ? { startsAt: startOfDateInput(values.startsOn) } : {}),
      endsAt: values.endsOn ? endOfDateInput(values.endsOn) : null,
      locations,
      voucherValidDays: validDays,
      ...(issuerUrl ? { issuerUrl } : {}),
    },
  };
}

function sameLocations(a: readonly LocationRow[], b: readonly LocationRow[]): boolean {
  const plain = (rows: readonly LocationRow[]) => JSON.stringify(rows.map(({ name, lat, lon }) => [name.trim(), lat.trim(), lon.trim()]));
  return plain(a) === plain(b);
}

/** On edit: the fields of `input` whose form values differ from the offer's own (empty when nothing changed). */
export function offerPatchOf(before: OfferFormValues, after: OfferFormValues, input: OfferInput): OfferPatch {
  const patch: OfferPatch = {};
  const changed = (key: OfferField) => before[key].trim() !== after[key].trim();
  if (changed('title')) patch.title = input.title;
  if (changed('description')) patch.description = input.description;
  if (changed('category')) patch.category = input.category;
  if (changed('pricePoints')) patch.pricePoints = input.pricePoints;
  if (changed('stock')) patch.stock = input.stock;
  if (changed('perUserLimit')) patch.perUserLimit = input.perUserLimit;
  if (changed('startsOn') && input.startsAt) patch.startsAt = input.startsAt;
  if (changed('endsOn')) patch.endsAt = input.endsAt;
  if (changed('voucherValidDays')) patch.voucherValidDays = input.voucherValidDays;
  if (!sameLocations(before.locations, after.locations)) patch.locations = input.locations;
  // An emptied issuer field is sent as null: the offer goes back to Hey Blue!'s own vouchers.
  if (changed('issuerUrl')) patch.issuerUrl = input.issuerUrl ?? null;
  return patch;
}
