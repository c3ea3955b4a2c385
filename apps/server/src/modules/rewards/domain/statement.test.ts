import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charityStatementCsv, csvField, movementKind, statementCsv } from './statement.ts';

describe('statements', () => {
  it('name a movement from the person’s side: a hold is a redemption, a gift is sent or received by its sign', () => {
    assert.equal(movementKind('hold', -10), 'redemption');
    assert.equal(movementKind('gift', -10), 'gift-sent');
    assert.equal(movementKind('gift', 10), 'gift-received');
    assert.equal(movementKind('refund', 10), 'refund');
  });

  it('quote CSV fields that need it and defuse what a spreadsheet would run as a formula', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(-5), '-5', 'numbers stay numbers');
    assert.equal(csvField(null), '');
  });

  it('list a person’s month with local dates and a running total', () => {
    const csv = statementCsv([
      { at: '2030-05-01T03:00:00Z', kind: 'award', title: 'Connection', points: 10, id: 't1' },
      { at: '2030-05-02T15:00:00Z', kind: 'redemption', title: 'Coffee', points: -4, id: 't2' },
    ], 'America/New_York');
    assert.deepEqual(csv.trim().split('\r\n'), [
      'date,time,kind,what,points,net this month,transfer',
      '2030-04-30,23:00,award,Connection,10,10,t1',
      '2030-05-02,11:00,redemption,Coffee,-4,6,t2',
    ]);
  });

  it('give a charity each donation, the total and its money value at the points’ rate', () => {
    const csv = charityStatementCsv({ organisationName: 'Food Bank', month: '2030-05', pointValueCents: 5, donations: [
      { localDay: '2030-05-01', causeTitle: 'Meals', points: 100, id: 'd1' },
      { localDay: '2030-05-03', causeTitle: 'Coats', points: 30, id: 'd2' },
    ] });
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'statement,Food Bank,2030-05');
    assert.ok(lines.includes('2030-05-01,Meals,100,5.00,d1'));
    assert.equal(lines.at(-1), 'total,,130,6.50,2 donations');
  });
});
