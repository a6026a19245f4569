import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataset, ids, staff, wdesSurvey, application } from '../../../test/support/builders.ts';
import { funnelPlot } from '../stats/funnel/funnel-plot.ts';
import { countWdes } from '../wdes/count.ts';
import { buildWdesReport } from '../wdes/report.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { WDES_PEER_SET, wdesPeerFunnels } from './wdes-peer-funnels.ts';

/**
 * A trust's WDES report from counts: shortlisted applicants (non-disabled appointed of shortlisted, Disabled appointed
 * of shortlisted) and metric 5's respondents (Disabled positive of respondents; non-disabled always half).
 */
function trust(code: string, nonDisabled: [number, number], disabled: [number, number], metric5: [number, number]) {
  const applications = [
    ...ids(`${code}N`, nonDisabled[1]).map((id, i) => application(id, 'A', true, i < nonDisabled[0], { disability: 'no', date: '2024-06-01' })),
    ...ids(`${code}D`, disabled[1]).map((id, i) => application(id, 'A', true, i < disabled[0], { disability: 'yes', date: '2024-06-01' })),
  ];
  const counted = countWdes(dataset({
    staff: [staff(`${code}S1`, 'A', { disability: 'yes' })],
    applications,
    wdesSurvey: [wdesSurvey('5', 'disabled', metric5[1], metric5[0]), wdesSurvey('5', 'nonDisabled', 1000, 500)],
  }), reportingPeriod(2025));
  assert.ok(counted.ok);
  return { code, name: `Trust ${code}`, report: buildWdesReport(counted.value) };
}

const PEERS = [
  trust('A', [300, 1000], [20, 100], [40, 100]),
  trust('B', [150, 500], [10, 80], [30, 90]),
  trust('C', [200, 800], [30, 120], [70, 150]),
  trust('D', [100, 400], [5, 60], [20, 80]),
];

test('WDES metric 2 funnels are non-disabled ÷ Disabled, centred on the pooled figure', () => {
  const f2 = wdesPeerFunnels(2025, PEERS).funnels['2'];
  assert.ok(f2);
  assert.equal(f2.kind, 'relativeLikelihood');
  assert.equal(f2.targetSource, 'pooled');
  assert.equal(f2.title, 'Relative likelihood of non-disabled applicants being appointed from shortlisting compared with Disabled applicants');
  // Trust A: 300 of 1,000 non-disabled against 20 of 100 Disabled applicants appointed → 0.30 ÷ 0.20 = 1.5.
  const a = f2.points.find((p) => p.code === 'A')!;
  assert.ok(Math.abs(a.value! - 1.5) < 1e-12);
  assert.deepEqual([a.numerator, a.denominator, a.comparison], [300, 1000, { events: 20, population: 100 }]);
  // Metric 3 has no capability file here: not calculable for anyone, so no funnel.
  assert.equal(wdesPeerFunnels(2025, PEERS).funnels['3'], null);
});

test('WDES survey funnels plot the share of Disabled respondents, by the FunnelPlotR proportions', () => {
  const f5 = wdesPeerFunnels(2025, PEERS).funnels['5'];
  assert.ok(f5);
  assert.equal(f5.kind, 'proportion');
  assert.equal(f5.title, 'Disabled staff believing that the organisation provides equal opportunities for career progression or promotion');
  const direct = funnelPlot([['A', 40, 100], ['B', 30, 90], ['C', 70, 150], ['D', 20, 80]].map(([group, numerator, denominator]) => ({ group: String(group), numerator: Number(numerator), denominator: Number(denominator) })), { dataType: 'proportion' });
  assert.equal(f5.target, direct.target);
  assert.deepEqual(f5.points.map((p) => p.value), [0.4, 30 / 90, 70 / 150, 0.25]);
  assert.equal(WDES_PEER_SET.higherIsBetter['5'], true, 'believing in equal opportunities is better higher');
  assert.equal(WDES_PEER_SET.higherIsBetter['4a_managers'], false, 'harassment is better lower');
  assert.equal(WDES_PEER_SET.higherIsBetter['2'], false);
  // Metrics without survey rows are not calculable.
  assert.equal(wdesPeerFunnels(2025, PEERS).funnels['6'], null);
  assert.equal(wdesPeerFunnels(2025, PEERS).benchmark[0]!.figures['6'].position, 'notCalculable');
});
