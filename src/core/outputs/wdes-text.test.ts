import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataset, ids, staff } from '../../../test/support/builders.ts';
import { countWdes } from '../wdes/count.ts';
import { buildWdesReport } from '../wdes/report.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { wdesText } from './wdes-text.ts';

test('mirror wdes prints the career ladder under metric 1', () => {
  const people = [
    ...ids('D5', 30).map((id) => staff(id, 'A', { band: 'Band 5', disability: 'yes' })),
    ...ids('N5', 270).map((id) => staff(id, 'A', { band: 'Band 5', disability: 'no' })),
    ...ids('D6', 10).map((id) => staff(id, 'A', { band: 'Band 6', disability: 'yes' })),
    ...ids('N6', 190).map((id) => staff(id, 'A', { band: 'Band 6', disability: 'no' })),
  ];
  const counted = countWdes(dataset({ staff: people }), reportingPeriod(2025));
  assert.ok(counted.ok);
  const text = wdesText(buildWdesReport(counted.value));
  assert.match(text, /The career ladder \(Agenda for Change bands, clinical and non-clinical together\): Compounded up the ladder, Disabled staff are 0\.47 times/);
  assert.match(text, /Band 6 +190 +10 +0\.47/);
});
