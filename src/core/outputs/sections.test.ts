import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longDate } from './sections.ts';

const slow = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('longDate writes every day of several years as toLocaleDateString does', () => {
  let checked = 0;
  for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    assert.equal(longDate(iso), slow(iso), iso);
    checked += 1;
  }
  assert.ok(checked > 12_000);
  assert.equal(longDate('2025-03-31'), '31 March 2025');
  assert.equal(longDate('2024-02-29'), '29 February 2024');
});

test('longDate leaves anything that is not a calendar date to toLocaleDateString', () => {
  for (const odd of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '0999-01-01', '0000-01-01', '0000-12-31', '0001-01-01', '12025-01-01', '2025-1-5', 'soon', '']) {
    assert.equal(longDate(odd), slow(odd), odd);
  }
});
