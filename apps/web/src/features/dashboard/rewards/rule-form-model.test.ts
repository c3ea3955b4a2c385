import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleDefinition } from '../../../api/partner-rewards.ts';
import { emptyRuleForm, parseList, readRuleForm, ruleToForm } from './rule-form-model.ts';

const rule: RuleDefinition = {
  name: 'Weekday evenings downtown',
  active: true,
  kinds: ['proximity', 'virtual'],
  locationVerified: 'verified',
  points: { citizen: 15, officer: 5 },
  timeWindow: { days: [1, 2, 3, 4, 5], from: '18:00', to: '02:00' },
  area: { cells: ['872a1072bffffff'], zips: ['10036', '10019'] },
  bonus: 'first-with-this-officer',
  caps: { perPairPerDay: 15, perUserPerDay: 45, budget: 100000 },
};

test('a rule survives the round trip through the form unchanged', () => {
  const result = readRuleForm(ruleToForm(rule));
  assert.ok(result.ok);
  assert.deepEqual(result.definition, rule);
});

test('a rule without a time window, area or caps round-trips with nulls', () => {
  const plain: RuleDefinition = { ...rule, timeWindow: null, area: null, caps: { perPairPerDay: null, perUserPerDay: null, budget: null }, bonus: 'none' };
  const form = ruleToForm(plain);
  assert.equal(form.windowOn, false);
  assert.equal(form.cells, '');
  assert.equal(form.budget, '', 'an empty cap field means no cap');
  const result = readRuleForm(form);
  assert.ok(result.ok);
  assert.deepEqual(result.definition, plain);
});

test('comma lists accept spaces, new lines and repeats', () => {
  assert.deepEqual(parseList(' 10036,10019\n10036 ,, '), ['10036', '10019']);
});

test('kinds come in a fixed order, whatever order they were ticked in', () => {
  const result = readRuleForm({ ...emptyRuleForm(), name: 'Any', kinds: ['virtual', 'proximity'] });
  assert.ok(result.ok);
  assert.deepEqual(result.definition.kinds, ['proximity', 'virtual']);
});

test('each wrong value is told by field', () => {
  const result = readRuleForm({
    ...emptyRuleForm(),
    name: '',
    kinds: [],
    citizenPoints: '10001',
    officerPoints: '-1',
    windowOn: true,
    days: [],
    from: '25:00',
    to: '25:00',
    cells: 'not-a-cell',
    zips: '1003',
    budget: 'lots',
  });
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, {
    name: 'required',
    kinds: 'kindsRequired',
    citizenPoints: 'points',
    officerPoints: 'points',
    days: 'daysRequired',
    from: 'time',
    to: 'time',
    cells: 'cells',
    zips: 'zips',
    budget: 'wholeNumber',
  });
});

test('a window that starts and ends at the same minute is refused; one that spans midnight is fine', () => {
  const same = readRuleForm({ ...emptyRuleForm(), name: 'x', windowOn: true, from: '10:00', to: '10:00' });
  assert.ok(!same.ok);
  assert.equal(same.errors.to, 'sameTimes');
  const overnight = readRuleForm({ ...emptyRuleForm(), name: 'x', windowOn: true, from: '22:00', to: '06:00' });
  assert.ok(overnight.ok);
});

test('a rule that pays neither side is refused, as the server would', () => {
  const result = readRuleForm({ ...emptyRuleForm(), name: 'Nothing', citizenPoints: '0', officerPoints: '0' });
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, { citizenPoints: 'nobodyPaid' });
  assert.ok(readRuleForm({ ...emptyRuleForm(), name: 'Officers only', citizenPoints: '0', officerPoints: '5' }).ok);
});

test('a cap is a whole number from 1, and no larger than the server keeps; a ZIP code is five digits', () => {
  const result = readRuleForm({ ...emptyRuleForm(), name: 'x', capPerPairPerDay: '0', capPerUserPerDay: '100000001', zips: '10036-1234' });
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, { capPerPairPerDay: 'wholeNumber', capPerUserPerDay: 'tooLarge', zips: 'zips' });
});
