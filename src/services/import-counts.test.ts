import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { countDataset } from '../core/counting/stream-count.ts';
import type { WorkforceDataset } from '../core/records.ts';
import { defaultStandards } from '../core/standards/index.ts';
import { StandardRegistry } from '../core/standards/registry.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../ingest/load-folder.ts';
import * as b from '../../test/support/builders.ts';
import { countEveryStandard, everyStandardAsRead, type StandardCounts } from './import-counts.ts';

const PERIOD = reportingPeriod(2025);

/** What everyStandardAsRead counts of the dataset's records handed over one at a time, as a folder is read. */
function countedAsRead(registry: StandardRegistry, dataset: WorkforceDataset): StandardCounts {
  const counted = countDataset(dataset, everyStandardAsRead(registry, PERIOD));
  return counted.ok ? { ok: true, counts: counted.value } : counted;
}

test('every standard counted as the records are read gives the counts of every record kept, on a synthetic trust', async () => {
  const root = await mkdtemp(join(tmpdir(), 'mirror-import-counts-'));
  try {
    const folder = join(root, '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 11, staff: 1_500 });
    const loaded = await loadWorkforceFolder(folder, { year: 2025 });
    assert.ok(loaded.ok);
    const registry = defaultStandards();
    const kept = countEveryStandard(registry, loaded.dataset, PERIOD);
    assert.ok(kept.ok);
    assert.deepEqual(Object.keys(kept.counts), ['wres', 'wdes', 'medical', 'paygap']);
    assert.deepEqual(countedAsRead(registry, loaded.dataset), kept);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('the same problems, each told once, when rows of one person disagree', () => {
  const dataset = b.dataset({
    staff: [b.staff('S1', 'A'), b.staff('S2', 'M', { group: 'Medical and Dental', band: 'Consultant' })],
    disciplinary: [b.disciplinary('C1', 'S2', '2024-09-01', 'A'), b.disciplinary('C2', 'S2', '2024-10-01', 'N')],
  });
  const kept = countEveryStandard(defaultStandards(), dataset, PERIOD);
  assert.equal(kept.ok, false, 'the two rows of S2 disagree');
  assert.deepEqual(countedAsRead(defaultStandards(), dataset), kept);
});

test('a standard without a streaming counter is given the kinds of record its files declare, and only those', () => {
  const seen: Record<string, number | null> = {};
  const wres = defaultStandards().get('wres');
  assert.ok(wres);
  const staffOnly = {
    ...wres, id: 'staff-only', streamCount: undefined, files: { required: ['staff'] as const, optional: [] as const },
    count: (dataset: WorkforceDataset) => {
      seen['staff'] = dataset.staff.length;
      seen['training'] = dataset.training?.length ?? null;
      return { ok: true as const, value: null };
    },
  };
  const dataset = b.dataset({ staff: [b.staff('S1', 'A'), b.staff('S2', 'A')], training: [b.training('S1', '2024-09-01')] });
  const counted = countedAsRead(new StandardRegistry([wres, staffOnly]), dataset);
  assert.ok(counted.ok);
  assert.deepEqual(seen, { staff: 2, training: 0 }, 'the staff kept for it; the training file present but not kept');
  assert.deepEqual(counted, countEveryStandard(new StandardRegistry([wres, staffOnly]), dataset, PERIOD));
});
