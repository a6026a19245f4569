import assert from 'node:assert/strict';
import { test } from 'node:test';
import { katzLogInterval } from '../stats/katz-log-interval.ts';
import { WRES_2, WRES_3, WRES_4 } from '../wres/definitions.ts';
import { nationalRatio, nationalTargetsOf } from './national-figure.ts';
import { peerFunnels, type PeerOrganisation } from './peer-funnels.ts';

test('the national ratio follows each indicator definition: 2 and 4 White ÷ ethnic minority, 3 the other way round', () => {
  assert.equal(WRES_2.numeratorGroup, 'white');
  assert.equal(WRES_3.numeratorGroup, 'ethnicMinority');
  assert.equal(WRES_4.numeratorGroup, 'white');
  const counts = { white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: 14_000, population: 150_000 } };

  const two = nationalRatio('2', counts);
  // Worked example: 0.15 ÷ 0.09333 = 1.607, interval 1.58 to 1.64.
  assert.ok(Math.abs(two.value! - 1.6071428571) < 1e-9);
  assert.deepEqual(two.ci95, katzLogInterval(30_000, 200_000, 14_000, 150_000));
  assert.equal(two.ci95![0].toFixed(2), '1.58');
  assert.equal(two.ci95![1].toFixed(2), '1.64');
  assert.deepEqual(two.orientation, { numerator: 'white', denominator: 'ethnicMinority' });
  assert.match(two.statement, /^White applicants were 1\.61 times as likely as ethnic minority applicants to be appointed from shortlisting\. 95% confidence interval 1\.58 to 1\.64/);
  assert.equal(two.usableAsTarget, true);

  const three = nationalRatio('3', counts);
  assert.ok(Math.abs(three.value! - 1 / 1.6071428571) < 1e-9);
  assert.deepEqual(three.ci95, katzLogInterval(14_000, 150_000, 30_000, 200_000));
  assert.match(three.statement, /^White staff were 1\.61 times as likely as ethnic minority staff to enter a formal disciplinary investigation/);

  assert.equal(nationalRatio('4', counts).value, two.value);
  assert.match(nationalRatio('4', counts).statement, /^White staff were 1\.61 times as likely as ethnic minority staff to access non-mandatory training/);
});

test('a ratio that cannot be calculated, or is 0, is no target', () => {
  const none = nationalRatio('2', { white: { events: 10, population: 100 }, ethnicMinority: { events: 0, population: 50 } });
  assert.equal(none.value, null);
  assert.equal(none.undefinedReason, 'noDenominatorEvents');
  assert.equal(none.usableAsTarget, false);
  const zero = nationalRatio('2', { white: { events: 0, population: 100 }, ethnicMinority: { events: 5, population: 50 } });
  assert.equal(zero.value, 0);
  assert.equal(zero.usableAsTarget, false);
  assert.deepEqual(nationalTargetsOf([
    { indicator: '2', white: { events: 0, population: 100 }, ethnicMinority: { events: 5, population: 50 } },
    { indicator: '3', white: { events: 10, population: 1000 }, ethnicMinority: { events: 13, population: 400 } },
  ]), { '3': 3.25 });
});

test('national targets centre the ratio funnels they are given, and no other', () => {
  const ratio = (white: [number, number], em: [number, number], numerator: 'white' | 'ethnicMinority') => ({
    available: true,
    orientation: { numerator, denominator: numerator === 'white' ? 'ethnicMinority' : 'white' },
    groups: { white: { events: white[0], population: white[1] }, ethnicMinority: { events: em[0], population: em[1] } },
  });
  const peers: PeerOrganisation[] = ['A', 'B', 'C', 'D'].map((code, i) => ({
    code, name: code,
    report: {
      year: 2025,
      indicators: {
        '2': ratio([100 + 20 * i, 400], [60, 400], 'white'), '3': ratio([10, 1000], [13 + i, 400], 'ethnicMinority'), '4': ratio([200, 900], [150, 900], 'white'),
        '5': { available: false }, '6': { available: false }, '7': { available: false }, '8': { available: false },
      },
    },
  }));
  const targets = nationalTargetsOf([{ indicator: '3', white: { events: 10, population: 1000 }, ethnicMinority: { events: 13, population: 400 } }]);
  const result = peerFunnels(2025, peers, { nationalTargets: targets });
  assert.equal(result.funnels['3']!.targetSource, 'national');
  assert.equal(result.funnels['3']!.target, 3.25);
  assert.equal(result.funnels['2']!.targetSource, 'pooled');
  assert.equal(result.funnels['4']!.targetSource, 'pooled');
});
