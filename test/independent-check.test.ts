/**
 * Every headline figure checked against an independent computation on random trusts. The files are written as CSV,
 * read through the real ingest and engine, and compared with a deliberately plain calculation done here from the
 * same rows: its own grouping rule (first character of the code), its own counting loops and its own formulas.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { wresFromFolder } from '../src/services/wres-from-folder.ts';

type Rng = ReturnType<typeof xoroshiro128plus>;
const int = (min: number, max: number, rng: Rng) => uniformInt(rng, min, max);
const Z = 1.959963984540054;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[int(0, items.length - 1, rng)]!;
}
function chance(rng: Rng, p: number): boolean {
  return int(0, 9999, rng) < p * 10000;
}

const CODES = ['A', 'B', 'C', 'CP', 'CN', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'LB', 'M', 'N', 'P', 'PC', 'R', 'S', 'SC', 'Z', '99', ''];

/** The independent grouping: first character A–C White; Z, 99 and blank unknown; any other letter ethnic minority. */
function group(code: string): 'white' | 'minority' | 'unknown' {
  if (code === '' || code === 'Z' || code === '99') return 'unknown';
  return 'ABC'.includes(code[0]!) ? 'white' : 'minority';
}

interface Person { id: string; code: string; bank: boolean }

function randomTrust(seed: number) {
  const rng = xoroshiro128plus(seed);
  const people: Person[] = Array.from({ length: int(40, 600, rng) }, (_, i) => ({
    id: `P${i}`, code: pick(rng, CODES), bank: chance(rng, 0.05),
  }));
  const minorityBias = 0.5 + int(0, 100, rng) / 100;
  const applications = Array.from({ length: int(20, 2000, rng) }, (_, i) => {
    const code = pick(rng, CODES);
    const shortlisted = chance(rng, 0.4);
    const p = group(code) === 'minority' ? 0.3 * minorityBias : 0.3;
    return { id: `A${i}`, code, shortlisted, appointed: shortlisted && chance(rng, p) };
  });
  const dates = ['2024-04-01', '2024-10-15', '2025-03-31', '2024-03-31', '2025-04-01'];
  const cases = Array.from({ length: int(0, 60, rng) }, (_, i) => ({
    id: `C${i}`, staff: pick(rng, people).id, date: pick(rng, dates),
  }));
  const courses = Array.from({ length: int(0, 900, rng) }, () => ({
    staff: pick(rng, people).id, mandatory: chance(rng, 0.5), date: pick(rng, dates),
  }));
  return { people, applications, cases, courses };
}

function writeTrust(trust: ReturnType<typeof randomTrust>): string {
  const folder = mkdtempSync(join(tmpdir(), 'mirror-independent-'));
  const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
  writeFileSync(join(folder, 'staff.csv'), csv([
    ['staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category'],
    ...trust.people.map((p) => [p.id, p.code, 'Band 5', 'Nursing and Midwifery Registered', p.bank ? 'Bank' : 'Permanent']),
  ]));
  writeFileSync(join(folder, 'applications.csv'), csv([
    ['application_id', 'ethnic_category', 'shortlisted', 'appointed'],
    ...trust.applications.map((a) => [a.id, a.code, a.shortlisted ? 'yes' : 'no', a.appointed ? 'yes' : 'no']),
  ]));
  writeFileSync(join(folder, 'disciplinary.csv'), csv([
    ['case_id', 'staff_id', 'start_date'],
    ...trust.cases.map((c) => [c.id, c.staff, c.date]),
  ]));
  writeFileSync(join(folder, 'training.csv'), csv([
    ['staff_id', 'course', 'mandatory', 'start_date'],
    ...trust.courses.map((c, i) => [c.staff, `Course ${i}`, c.mandatory ? 'Y' : 'N', c.date.split('-').reverse().join('/')]),
  ]));
  return folder;
}

/** Plain counts: events and population per independent group. */
function expectedRatio(events: Map<string, number>, population: Map<string, number>, numerator: string, denominator: string) {
  const a = events.get(numerator) ?? 0;
  const n1 = population.get(numerator) ?? 0;
  const b = events.get(denominator) ?? 0;
  const n2 = population.get(denominator) ?? 0;
  if (n1 === 0 || n2 === 0 || b === 0) return { value: null, a, n1, b, n2 };
  const value = a / n1 / (b / n2);
  if (a === 0) return { value, a, n1, b, n2 };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
  return { value, a, n1, b, n2, low: value * Math.exp(-Z * se), high: value * Math.exp(Z * se) };
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function expected(trust: ReturnType<typeof randomTrust>) {
  const inYear = (d: string) => d >= '2024-04-01' && d <= '2025-03-31';
  const headcount = new Map<string, number>();
  const byId = new Map(trust.people.map((p) => [p.id, p]));
  for (const p of trust.people) if (!p.bank) increment(headcount, group(p.code));

  const shortlisted = new Map<string, number>();
  const appointed = new Map<string, number>();
  for (const a of trust.applications) {
    if (!a.shortlisted) continue;
    increment(shortlisted, group(a.code));
    if (a.appointed) increment(appointed, group(a.code));
  }

  const peopleWith = (rows: { staff: string; date: string }[]) => {
    const seen = new Set<string>();
    const events = new Map<string, number>();
    for (const row of rows) {
      const person = byId.get(row.staff)!;
      if (person.bank || !inYear(row.date) || seen.has(row.staff)) continue;
      seen.add(row.staff);
      increment(events, group(person.code));
    }
    return events;
  };
  return {
    headcount,
    i2: expectedRatio(appointed, shortlisted, 'white', 'minority'),
    i3: expectedRatio(peopleWith(trust.cases), headcount, 'minority', 'white'),
    i4: expectedRatio(peopleWith(trust.courses.filter((c) => !c.mandatory)), headcount, 'white', 'minority'),
  };
}

function assertClose(actual: number | null | undefined, wanted: number | null | undefined, tolerance: number, what: string): void {
  if (wanted === null || wanted === undefined) {
    assert.equal(actual ?? null, null, what);
    return;
  }
  assert.ok(typeof actual === 'number' && Math.abs(actual - wanted) <= tolerance, `${what}: expected ${wanted}, got ${actual}`);
}

describe('WRES matches an independent computation on random trusts', () => {
  for (let seed = 1; seed <= 30; seed++) {
    test(`random trust ${seed}`, async (t) => {
      const trust = randomTrust(seed);
      const want = expected(trust);
      const folder = writeTrust(trust);
      t.after(() => rmSync(folder, { recursive: true, force: true }));
      const result = await wresFromFolder(folder, { year: 2025, previousFolder: null });
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
      const { indicators } = result.report;
      assert.equal(indicators['1'].overall.white.count, want.headcount.get('white') ?? 0);
      assert.equal(indicators['1'].overall.ethnicMinority.count, want.headcount.get('minority') ?? 0);
      assert.equal(indicators['1'].overall.unknown.count, want.headcount.get('unknown') ?? 0);
      for (const id of ['2', '3', '4'] as const) {
        const got = indicators[id];
        const w = want[`i${id}`];
        assert.ok(got.available);
        const [num, den] = id === '3' ? (['ethnicMinority', 'white'] as const) : (['white', 'ethnicMinority'] as const);
        assert.equal(got.groups[num].events, w.a, `${id} numerator events`);
        assert.equal(got.groups[num].population, w.n1, `${id} numerator population`);
        assert.equal(got.groups[den].events, w.b, `${id} denominator events`);
        assert.equal(got.groups[den].population, w.n2, `${id} denominator population`);
        assertClose(got.value, w.value, 1e-6, `indicator ${id} ratio`);
        if ('low' in w) {
          assertClose(got.ci95?.[0], w.low, 1e-3, `indicator ${id} lower limit`);
          assertClose(got.ci95?.[1], w.high, 1e-3, `indicator ${id} upper limit`);
        }
      }
    });
  }
});
