import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWres } from '../../core/wres/count.ts';
import { buildWresReport, type WresReport } from '../../core/wres/report.ts';
import { reportingPeriod } from '../../core/wres/reporting-period.ts';
import { application, dataset, ids, staff, survey } from '../../../test/support/builders.ts';
import { changeBeyondChance, dashboardRows } from './dashboard.ts';

/**
 * Two years of one trust: 100 White and 50 ethnic minority staff; appointments from shortlisting given as
 * [White appointed of 200, ethnic minority appointed of 100]; survey indicator 5 given as ethnic minority
 * respondents and the number experiencing harassment (White: 20 of 80 both years).
 */
function year(y: number, appointed: [number, number], harassed: [number, number]): WresReport {
  const counted = countWres(dataset({
    staff: [...ids('W', 100).map((id) => staff(id, 'A')), ...ids('E', 50).map((id) => staff(id, 'H'))],
    applications: [
      ...ids(`AW${y}`, 200).map((id, i) => application(id, 'A', true, i < appointed[0])),
      ...ids(`AE${y}`, 100).map((id, i) => application(id, 'H', true, i < appointed[1])),
    ],
    survey: [survey('5', 'white', 80, 20), survey('5', 'ethnicMinority', harassed[0], harassed[1])],
  }), reportingPeriod(y));
  if (!counted.ok) throw new Error(JSON.stringify(counted.problems));
  return buildWresReport(counted.value);
}

test('the change since last year says whether it is more than chance would usually give', () => {
  // Indicator 5: 48 of 80 (60.0%) then 56 of 70 (80.0%): +20.0 points, Newcombe interval +5.2 to +33.4, beyond chance.
  // Indicator 2: (60/200) ÷ (20/100) = 1.50, then (60/200) ÷ (18/100) = 1.67: within chance at these sizes.
  const before = year(2024, [60, 20], [80, 48]);
  const now = year(2025, [60, 18], [70, 56]);
  const rows = dashboardRows(now, before);
  const row = (id: string) => rows.find((r) => r.id === id)!;
  assert.equal(row('5').change, 'Up 20.0 points since 2024: more than chance alone would usually give');
  assert.equal(row('2').change, 'Up 0.17 since 2024: within what chance alone could give');
  assert.equal(changeBeyondChance('5', now, before), true);
  assert.equal(changeBeyondChance('2', now, before), false);
  // The workforce did not change: indicator 1 is the same share, so "no change".
  assert.equal(row('1').change, 'No change since 2024');
  // No board file, so indicator 9 has no figure and no change.
  assert.equal(row('9').change, null);
});

test('a large enough change in a relative likelihood is more than chance', () => {
  // (600/2000) ÷ (200/1000) = 1.50, then (600/2000) ÷ (300/1000) = 1.00.
  const big = (y: number, e: number) => {
    const counted = countWres(dataset({
      staff: [staff(`W${y}`, 'A'), staff(`E${y}`, 'H')],
      applications: [
        ...ids(`BW${y}`, 2000).map((id, i) => application(id, 'A', true, i < 600)),
        ...ids(`BE${y}`, 1000).map((id, i) => application(id, 'H', true, i < e)),
      ],
    }), reportingPeriod(y));
    if (!counted.ok) throw new Error('counts');
    return buildWresReport(counted.value);
  };
  const rows = dashboardRows(big(2025, 300), big(2024, 200));
  assert.equal(rows.find((r) => r.id === '2')!.change, 'Down 0.50 since 2024: more than chance alone would usually give');
});
