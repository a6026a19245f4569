/**
 * No count of 1 to 7 and no mean pay of fewer than 10 people that a shared pay gap report withholds can be worked out
 * from what it shows: the counts table against the population, groups against their parts, the quartiles against
 * their sizes and each group's people, and what the reasons for withheld pay figures say.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { DisabilityStatus } from '../../src/core/records.ts';
import { payPerson, type PayPerson } from '../../src/core/paygap/pay-person.ts';
import { payGapReport } from '../../src/core/paygap/report.ts';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../../src/ingest/load-folder.ts';
import { ethnicity } from '../support/builders.ts';
import { asJson, auditPayGap } from '../support/report-audit.ts';

function assertSafe(people: readonly PayPerson[]): void {
  for (const ethnicityReference of ['white', 'whiteBritish'] as const) {
    const shared = asJson(payGapReport(people, { forSharing: true, ethnicityReference }));
    // The truth: every count, and every pay figure however few people it rests on.
    const truth = asJson(payGapReport(people, { forSharing: false, ethnicityReference, policy: { minimumGroupSize: 0 } }));
    const found = auditPayGap(shared, truth).map((d) => `${d.variable} = ${d.value}`);
    assert.deepEqual(found, [], `reference ${ethnicityReference}: withheld figures a reader can work out`);
  }
}

interface Who {
  readonly gender?: string;
  readonly ethnic?: string;
  readonly disability?: DisabilityStatus;
  readonly bonus?: number | null;
}

/** n people alike, paid from `pay` upwards in steps of 0.5. */
function people(n: number, pay: number, who: Who = {}): PayPerson[] {
  return Array.from({ length: n }, (_, i) => ({
    gender: who.gender ?? 'Female', ethnicity: ethnicity(who.ethnic ?? 'A'), disability: who.disability ?? 'no',
    hourlyPay: pay + i * 0.5, bonusPay: who.bonus ?? null, fullPayRelevant: true, bankOnly: false,
  }));
}

describe('hand-made staff files that hit the edge cases', () => {
  test('one small kind of unknown beside the total: it is not the total less the rows shown', () => {
    assertSafe([
      ...people(200, 15, { disability: 'no' }), ...people(40, 16, { disability: 'yes' }),
      ...people(30, 15, { disability: 'notDeclared' }), ...people(5, 14, { disability: 'missing' }),
    ]);
  });

  test('a quartile with a small count where everyone is a man or a woman: its column gives it away', () => {
    // 80 people, 20 a quartile: men fill the lower two and 3 of the upper middle, beside 17 women.
    assertSafe([...people(43, 10, { gender: 'Male' }), ...people(37, 40, { gender: 'Female' })]);
  });

  test('a small specific group next to a larger one withheld for its sake, which the reasons must not tell apart', () => {
    assertSafe([
      ...people(150, 15, { ethnic: 'A', bonus: 100 }), ...people(1, 15, { ethnic: 'B', bonus: 100 }), ...people(10, 16, { ethnic: 'C', bonus: 100 }),
      ...people(40, 14, { ethnic: 'H', bonus: 100 }), ...people(30, 15, { ethnic: 'N' }), ...people(3, 15, { ethnic: 'Z' }),
    ]);
  });

  test('a group whose one specific group holds everyone in it', () => {
    assertSafe([...people(150, 15, { ethnic: 'A' }), ...people(5, 14, { ethnic: 'H' }), ...people(12, 15, { ethnic: 'Z' })]);
  });

  test('two small counts that add up to more than 7', () => {
    assertSafe([
      ...people(150, 15, { disability: 'no' }), ...people(40, 16, { disability: 'yes' }),
      ...people(4, 15, { disability: 'notDeclared' }), ...people(5, 14, { disability: 'missing' }),
    ]);
  });
});

describe('synthetic trusts of several sizes', () => {
  for (const [seed, size] of [[1, 300], [3, 2000], [4, 150]] as const) {
    test(`seed ${seed}, ${size} staff`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mirror-paygap-differencing-'));
      try {
        await writeSyntheticTrust(dir, { year: 2025, seed, staff: size });
        const loaded = await loadWorkforceFolder(dir);
        assert.ok(loaded.ok);
        assertSafe(loaded.dataset.staff.map(payPerson));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
