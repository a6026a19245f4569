/**
 * WDES metrics 1–3 against an independent computation on random trusts: files written as CSV, read through the real
 * ingest and engine, and compared with plain counting done here from the same rows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { wdesFromFolder } from '../src/services/wdes-from-folder.ts';

type Rng = ReturnType<typeof xoroshiro128plus>;
const int = (min: number, max: number, rng: Rng) => uniformInt(rng, min, max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(0, items.length - 1, rng)]!;
const Z = 1.959963984540054;
const ANSWERS = ['Yes', 'No', 'No', 'No', 'Not declared', 'Prefer not to say', ''];
const group = (answer: string) => (answer === 'Yes' ? 'disabled' : answer === 'No' ? 'nonDisabled' : 'unknown');

function randomTrust(seed: number) {
  const rng = xoroshiro128plus(seed);
  const people = Array.from({ length: int(40, 500, rng) }, (_, i) => ({ id: `P${i}`, answer: pick(rng, ANSWERS), bank: int(0, 19, rng) === 0 }));
  const applications = Array.from({ length: int(20, 1500, rng) }, (_, i) => {
    const shortlisted = int(0, 9, rng) < 4;
    return { id: `A${i}`, answer: pick(rng, ANSWERS), shortlisted, appointed: shortlisted && int(0, 9, rng) < 3 };
  });
  const dates = ['2024-04-01', '2024-11-30', '2025-03-31', '2024-03-31', '2025-04-01'];
  const cases = Array.from({ length: int(0, 40, rng) }, (_, i) => ({ id: `C${i}`, staff: pick(rng, people).id, date: pick(rng, dates) }));
  return { people, applications, cases };
}

function write(trust: ReturnType<typeof randomTrust>): string {
  const folder = mkdtempSync(join(tmpdir(), 'mirror-wdes-independent-'));
  const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');
  writeFileSync(join(folder, 'staff.csv'), csv([
    ['staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category', 'disability'],
    ...trust.people.map((p) => [p.id, 'A', 'Band 5', 'Nursing', p.bank ? 'Bank' : 'Permanent', p.answer]),
  ]));
  writeFileSync(join(folder, 'applications.csv'), csv([
    ['application_id', 'ethnic_category', 'shortlisted', 'appointed', 'disability'],
    ...trust.applications.map((a) => [a.id, 'A', a.shortlisted ? 'Y' : 'N', a.appointed ? 'Y' : 'N', a.answer]),
  ]));
  writeFileSync(join(folder, 'capability.csv'), csv([['case_id', 'staff_id', 'start_date'], ...trust.cases.map((c) => [c.id, c.staff, c.date])]));
  return folder;
}

function ratio(a: number, n1: number, b: number, n2: number) {
  if (n1 === 0 || n2 === 0 || b === 0) return { value: null };
  const value = a / n1 / (b / n2);
  if (a === 0) return { value };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
  return { value, low: value * Math.exp(-Z * se), high: value * Math.exp(Z * se) };
}

function near(actual: number | null | undefined, wanted: number | null | undefined, tolerance: number, what: string) {
  if (wanted === null || wanted === undefined) return assert.equal(actual ?? null, null, what);
  assert.ok(typeof actual === 'number' && Math.abs(actual - wanted) <= tolerance, `${what}: expected ${wanted}, got ${actual}`);
}

describe('WDES matches an independent computation on random trusts', () => {
  for (let seed = 1; seed <= 20; seed++) {
    test(`random trust ${seed}`, async (t) => {
      const trust = randomTrust(seed);
      const folder = write(trust);
      t.after(() => rmSync(folder, { recursive: true, force: true }));
      const result = await wdesFromFolder(folder, { year: 2025, previousFolder: null });
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
      const m = result.report.metrics;

      const inPost = trust.people.filter((p) => !p.bank);
      const headcount = (g: string) => inPost.filter((p) => group(p.answer) === g).length;
      assert.equal(m['1'].overall.disabled.count, headcount('disabled'));
      assert.equal(m['1'].overall.nonDisabled.count, headcount('nonDisabled'));
      assert.equal(m['1'].overall.unknown.count, headcount('unknown'));
      near(m['1'].overall.declarationRate.pct, inPost.length ? ((headcount('disabled') + headcount('nonDisabled')) / inPost.length) * 100 : null, 1e-9, 'declaration');

      const shortlisted = trust.applications.filter((a) => a.shortlisted);
      const s = (g: string) => shortlisted.filter((a) => group(a.answer) === g);
      const declared = s('disabled').length + s('nonDisabled').length;
      const m2 = m['2'];
      if (declared === 0) assert.equal(m2.available, false);
      else {
        assert.ok(m2.available);
        const want = ratio(s('nonDisabled').filter((a) => a.appointed).length, s('nonDisabled').length, s('disabled').filter((a) => a.appointed).length, s('disabled').length);
        near(m2.value, want.value, 1e-6, 'metric 2');
        if ('low' in want) {
          near(m2.ci95?.[0], want.low, 1e-3, 'metric 2 low');
          near(m2.ci95?.[1], want.high, 1e-3, 'metric 2 high');
        }
      }

      const byId = new Map(trust.people.map((p) => [p.id, p]));
      const entered = new Set<string>();
      const events = { disabled: 0, nonDisabled: 0, unknown: 0 } as Record<string, number>;
      for (const c of trust.cases) {
        const person = byId.get(c.staff)!;
        if (person.bank || c.date < '2024-04-01' || c.date > '2025-03-31' || entered.has(c.staff)) continue;
        entered.add(c.staff);
        events[group(person.answer)]! += 1;
      }
      const m3 = m['3'];
      assert.ok(m3.available);
      const want3 = ratio(events['disabled']!, headcount('disabled'), events['nonDisabled']!, headcount('nonDisabled'));
      near(m3.value, want3.value, 1e-6, 'metric 3');
      if ('low' in want3) near(m3.ci95?.[1], want3.high, 1e-3, 'metric 3 high');
    });
  }
});
