/**
 * Pay gaps: an independent computation on random data. A plain implementation written here, from the definitions,
 * must agree with the engine to 1e-9.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { close, person } from '../../../test/support/pay-people.ts';
import type { DisabilityStatus, StaffRecord } from '../records.ts';
import { payGapReport } from './report.ts';
import { studentTQuantile } from './student-t.ts';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plainMean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function plainMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function plainVariance(xs: number[]): number {
  const m = plainMean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}
function plainInterval(g: number[], r: number[]): [number, number] {
  const [mg, mr] = [plainMean(g), plainMean(r)];
  const vg = plainVariance(g) / g.length / mg / mg;
  const vr = plainVariance(r) / r.length / mr / mr;
  const df = (vg + vr) ** 2 / ((vg * vg) / (g.length - 1) + (vr * vr) / (r.length - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(vg + vr);
  const ratio = mg / mr;
  return [100 * (1 - ratio * Math.exp(half)), 100 * (1 - ratio * Math.exp(-half))];
}
/**
 * Each rank position belongs to one quartile; each person on a rate gets an equal part of every position of that
 * rate. The share is the group's part of the pair (group and reference) in the quartile.
 */
function plainQuartileShares(ranked: { pay: number; side: 'group' | 'reference' | 'neither' }[]): number[] {
  const sorted = [...ranked].sort((a, b) => a.pay - b.pay);
  const n = sorted.length;
  const quartileOf = (position: number) => [1, 2, 3].filter((k) => position >= Math.floor((k * n) / 4)).length;
  const group = [0, 0, 0, 0];
  const pair = [0, 0, 0, 0];
  for (let position = 0; position < n; position++) {
    const atRate = sorted.filter((p) => p.pay === sorted[position]!.pay);
    const q = quartileOf(position);
    group[q]! += atRate.filter((p) => p.side === 'group').length / atRate.length;
    pair[q]! += atRate.filter((p) => p.side !== 'neither').length / atRate.length;
  }
  return group.map((x, q) => (x / pair[q]!) * 100);
}

describe('independent computation on random data', () => {
  test('gaps, intervals, bonus shares and quartile shares agree to 1e-9', () => {
    const random = mulberry32(20250331);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const spine = [11.5, 12.1, 12.8, 13.6, 14.4, 15.9, 17.3, 19.2, 21.4, 24.8, 28.1, 33.7, 41.2, 52.6];
    const codes = ['A', 'A', 'A', 'A', 'B', 'C', 'C', 'D', 'F', 'H', 'H', 'J', 'L', 'M', 'N', 'N', 'P', 'R', 'S', 'Z', '99', ''];
    const everyone = Array.from({ length: 700 }, () =>
      person({
        ethnic: pick(codes),
        gender: pick(['Male', 'Female', 'Female', 'F', 'm', 'Non-binary', '']),
        disability: pick<DisabilityStatus>(['yes', 'no', 'no', 'no', 'notDeclared', 'missing']),
        hourly: random() < 0.05 ? null : pick(spine),
        fullPay: random() > 0.04,
        bonus: random() < 0.3 ? Math.round(random() * 5000) : random() < 0.5 ? 0 : null,
      }),
    );
    const report = payGapReport(everyone, { forSharing: false, policy: { minimumGroupSize: 2 } });
    const hourly = (f: (p: StaffRecord) => boolean) => everyone.filter((p) => p.fullPayRelevant && p.hourlyPay !== null && f(p)).map((p) => p.hourlyPay!);
    const bonus = (f: (p: StaffRecord) => boolean) => everyone.filter((p) => (p.bonusPay ?? 0) > 0 && f(p)).map((p) => p.bonusPay!);
    const gap = (r: number, g: number) => ((r - g) / r) * 100;

    const checks: { name: string; result: ReturnType<typeof payGapReport>['gender']['groups'][string] | undefined; inGroup: (p: StaffRecord) => boolean; inReference: (p: StaffRecord) => boolean }[] = [
      { name: 'women', result: report.gender.groups['women'], inGroup: (p) => /^f/i.test(p.gender ?? ''), inReference: (p) => /^m/i.test(p.gender ?? '') },
      { name: 'ethnic minority', result: report.ethnicity.groups['ethnicMinority'], inGroup: (p) => 'DEFGHJKLMNPRS'.includes(p.ethnicity.code), inReference: (p) => 'ABC'.includes(p.ethnicity.code) },
      { name: 'Black', result: report.ethnicity.groups['black'], inGroup: (p) => 'MNP'.includes(p.ethnicity.code), inReference: (p) => 'ABC'.includes(p.ethnicity.code) },
      { name: 'Indian', result: report.ethnicity.groups['H'], inGroup: (p) => p.ethnicity.code === 'H', inReference: (p) => 'ABC'.includes(p.ethnicity.code) },
      { name: 'Disabled', result: report.disability.groups['disabled'], inGroup: (p) => p.disability === 'yes', inReference: (p) => p.disability === 'no' },
    ];
    for (const { name, result, inGroup, inReference } of checks) {
      assert.ok(result, name);
      const [g, r] = [hourly(inGroup), hourly(inReference)];
      close(result.meanGapPct, gap(plainMean(r), plainMean(g)), 1e-9, `${name} mean gap`);
      close(result.medianGapPct, gap(plainMedian(r), plainMedian(g)), 1e-9, `${name} median gap`);
      const [low, high] = plainInterval(g, r);
      close(result.meanGapCi95?.[0], low, 1e-9, `${name} interval low`);
      close(result.meanGapCi95?.[1], high, 1e-9, `${name} interval high`);
      const [bg, br] = [bonus(inGroup), bonus(inReference)];
      close(result.bonus.meanGapPct, gap(plainMean(br), plainMean(bg)), 1e-9, `${name} bonus mean gap`);
      close(result.bonus.medianGapPct, gap(plainMedian(br), plainMedian(bg)), 1e-9, `${name} bonus median gap`);
      close(result.bonus.received.group.pct, (bg.length / everyone.filter(inGroup).length) * 100, 1e-9, `${name} bonus share`);
    }

    const ranked = everyone.filter((p) => p.fullPayRelevant && p.hourlyPay !== null);
    for (const { name, inGroup, inReference } of checks.filter((c) => ['women', 'ethnic minority', 'Disabled'].includes(c.name))) {
      const characteristic = name === 'women' ? report.gender : name === 'Disabled' ? report.disability : report.ethnicity;
      const side = (p: StaffRecord): 'group' | 'reference' | 'neither' => (inGroup(p) ? 'group' : inReference(p) ? 'reference' : 'neither');
      const expected = plainQuartileShares(ranked.map((p) => ({ pay: p.hourlyPay!, side: side(p) })));
      const actual = characteristic.quartiles.groups.find((g) => g.key === characteristic.focus)?.pct;
      for (const [q, e] of expected.entries()) close(actual?.[q], e, 1e-9, `${name} quartile ${q}`);
    }
  });
});
