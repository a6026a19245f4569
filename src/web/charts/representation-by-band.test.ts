import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRepresentation, representationByBand, type BandShare } from './representation-by-band.ts';
import { descOf, parseSvg, textOf } from './svg-contract.ts';

const rows: BandShare[] = [
  { group: 'Non-clinical', label: 'Band 2', count: 40, total: 310 },
  { group: 'Non-clinical', label: 'Band 8a', count: 50, total: 205 },
  { group: 'Non-clinical', label: 'VSM', count: 0, total: 0 },
  { group: 'Clinical', label: 'Band 5', count: 410, total: 890 },
  { group: 'Medical and dental', label: 'Consultants', count: 1205, total: 1205 },
];
const workforce = { count: 1705, total: 2610 };

test('each row with staff is a bar labelled with its percentage and counts', () => {
  const svg = representationByBand(rows, { id: 'b', title: 'Ethnic minority staff by band', workforce });
  const text = textOf(svg);
  for (const expected of ['Band 2', '12.9% (40 of 310)', 'Band 8a', '24.4% (50 of 205)', '46.1% (410 of 890)', '100.0% (1,205 of 1,205)']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.ok(!text.includes('VSM'), 'rows with no staff are left out');
  assert.equal(parseSvg(svg).querySelectorAll('rect').length, 4);
});

test('rows sit under their group headings, each heading once', () => {
  const text = textOf(representationByBand(rows, { id: 'b', title: 'T', workforce }));
  for (const heading of ['Non-clinical', 'Clinical', 'Medical and dental']) {
    assert.equal(text.split('\n').filter((line) => line === heading).length, 1, heading);
  }
});

test('the whole-workforce share is a labelled reference line', () => {
  const text = textOf(representationByBand(rows, { id: 'b', title: 'T', workforce }));
  assert.ok(text.includes('Whole workforce 65.3%'));
});

test('the description gives the workforce share and the range across rows', () => {
  assert.equal(
    describeRepresentation(rows, workforce),
    'Ethnic minority staff are 65.3% of the whole workforce (1,705 of 2,610). Across the 4 rows shown the share ranges from ' +
      '12.9% (Band 2) to 100.0% (Consultants); 3 of 4 rows are below the whole-workforce share.',
  );
  assert.equal(
    descOf(representationByBand([{ label: 'Band 5', count: 50, total: 205 }], { id: 'b', title: 'T', workforce: { count: 50, total: 205 } })),
    'Ethnic minority staff are 24.4% of the whole workforce (50 of 205). In Band 5 they are 24.4% (50 of 205).',
  );
});

test('a count above its total is refused', () => {
  assert.throws(() => representationByBand([{ label: 'X', count: 5, total: 4 }], { id: 'b', title: 'T', workforce }), RangeError);
});
