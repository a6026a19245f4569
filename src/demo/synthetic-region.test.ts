import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { memberOptions, regionMembers, writeSyntheticRegion } from './synthetic-region.ts';
import { generateSyntheticTrust, SYNTHETIC_ORGANISATION } from './synthetic-trust.ts';

test('a region: the demonstration trust first, then organisations with their own seed, size and gaps', () => {
  const members = regionMembers(5);
  assert.deepEqual(members.map((m) => m.code), ['SYN01', 'SYN02', 'SYN03', 'SYN04', 'SYN05']);
  assert.deepEqual(memberOptions(members[0]!, 2025), { year: 2025, seed: 1 }, 'SYN01 is exactly the demonstration trust');
  assert.equal(members[0]!.name, SYNTHETIC_ORGANISATION.name);
  assert.equal(new Set(members.map((m) => m.seed)).size, 5);
  assert.equal(new Set(members.map((m) => m.staff)).size, 5);
  assert.equal(new Set(members.map((m) => m.gapScale)).size, 5);
  for (const m of members) assert.match(m.name, /Synthetic/);
  assert.equal(regionMembers(12)[11]!.code, 'SYN12');
  assert.throws(() => regionMembers(0), RangeError);
  assert.throws(() => regionMembers(100), RangeError);
  assert.ok(regionMembers(3, { staffScale: 0.001 }).every((m) => m.staff === 50), 'at least 50 staff each');
});

test('gapScale 1 changes nothing; other scales move the ethnic minority figures only', () => {
  const plain = generateSyntheticTrust({ year: 2025, seed: 5, staff: 300 });
  assert.deepEqual(generateSyntheticTrust({ year: 2025, seed: 5, staff: 300, gapScale: 1 }).files, plain.files);
  const none = generateSyntheticTrust({ year: 2025, seed: 5, staff: 300, gapScale: 0 });
  const wide = generateSyntheticTrust({ year: 2025, seed: 5, staff: 300, gapScale: 2 });
  assert.equal(none.files.staff, plain.files.staff, 'the staff file does not depend on the gaps');
  const share = (csv: string, indicator: string) => {
    const row = csv.split('\n').find((line) => line.startsWith(`${indicator},ethnic_minority,`))!.split(',');
    return Number(row[3]) / Number(row[2]);
  };
  // Indicator 8 (discrimination): 16% of ethnic minority respondents against 6% of White ones; scaled 0 and 2.
  assert.ok(share(none.files.survey, '8') < 0.09, `no gap: ${share(none.files.survey, '8')}`);
  assert.ok(share(wide.files.survey, '8') > 0.22, `double gap: ${share(wide.files.survey, '8')}`);
  assert.throws(() => generateSyntheticTrust({ year: 2025, seed: 5, gapScale: -1 }), RangeError);
  const named = generateSyntheticTrust({ year: 2025, seed: 5, staff: 100, organisation: { code: 'SYN07', name: 'Synthetic Region NHS Trust 07' } });
  assert.equal(named.organisation.code, 'SYN07');
});

test('writeSyntheticRegion writes one labelled folder per organisation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mirror-region-'));
  try {
    const members = await writeSyntheticRegion(dir, 2025, 3, { staffScale: 0.05 });
    for (const m of members) assert.ok(existsSync(join(dir, m.code, 'staff.csv')), m.code);
    assert.match(readFileSync(join(dir, 'README.txt'), 'utf8'), /^SYNTHETIC DATA - NOT REAL PEOPLE, NOT REAL ORGANISATIONS/);
    assert.match(readFileSync(join(dir, 'SYN02', 'README.txt'), 'utf8'), /Synthetic Region NHS Trust 02 \(SYN02\) does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
