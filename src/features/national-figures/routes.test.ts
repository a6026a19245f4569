import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { katzLogInterval } from '../../core/stats/katz-log-interval.ts';
import { SYNTHETIC_REGION, SYNTHETIC_REGION_TYPE, writeSyntheticRegion } from '../../demo/synthetic-region.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { parseNationalFigure } from './form.ts';

const PASSWORD = 'a long enough password';
const SOURCE = 'NHS England, Workforce Race Equality Standard 2025 data analysis report, table 2';

/** Indicator 2 nationally: 30,000 of 200,000 White and 14,000 of 150,000 ethnic minority applicants appointed. */
const GOOD = {
  indicator: '2', year: '2025', whitePopulation: '200,000', whiteEvents: '30000',
  ethnicMinorityPopulation: '150000', ethnicMinorityEvents: '14 000', source: SOURCE,
};

function errorLinks(html: string): string[] {
  const summary = /<div class="nhsuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="(#[^"]+)"/g)].map((m) => m[1]!);
}

describe('national figures entered by an administrator', () => {
  let harness: Harness;
  let admin: Browser;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-national-'));
    const members = await writeSyntheticRegion(join(dir, 'region'), 2025, 3, { staffScale: 0.1 });
    for (const m of members) {
      const result = await importFolder(harness.store, join(dir, 'region', m.code), {
        organisation: { code: m.code, name: m.name, region: SYNTHETIC_REGION, type: SYNTHETIC_REGION_TYPE, synthetic: true },
        year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok, m.code);
    }
    const own = (await harness.store.organisations.byCode('SYN02'))!;
    // Administrators see no organisation's figures without a membership: this one has one, to see the comparisons.
    admin = await signedIn(harness, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true, memberships: [[own.id, 'viewer']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('before any is entered, the page says so and the funnels use the peer figure', async () => {
    const page = await admin.get('/admin/national-figures');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>National figures<\/h1>/);
    assert.match(page.body, /No national figures have been entered yet/);
    assert.match(page.body, /<a href="\/admin\/national-figures" aria-current="page">National figures<\/a>/, 'in the administration navigation');
    for (const id of ['2', '3', '4']) assert.match(page.body, new RegExp(`<h2 id="indicator-${id}-form">`));
    assert.match(page.body, /<label class="nhsuk-label" for="i2-whitePopulation">\s*White applicants shortlisted\s*<\/label>/);
    assert.match(page.body, /<label class="nhsuk-label" for="i3-ethnicMinorityEvents">\s*Ethnic minority staff entering the formal disciplinary process\s*<\/label>/);
    const compare = await admin.get('/organisations/SYN02/2025/compare');
    assert.equal(compare.statusCode, 200);
    assert.doesNotMatch(compare.body, /National figure/);
    assert.match(compare.body, /no national figure has been entered for indicator 2 in 2025/);
  });

  test('an administrator enters a figure; the list and the comparisons show it with its counts, interval and source', async () => {
    await admin.get('/admin/national-figures');
    const saved = await admin.post('/admin/national-figures', GOOD);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers['location'], '/admin/national-figures?saved=2025-2');

    const [figure] = await harness.store.nationalFigures.forYear(2025);
    assert.deepEqual({ ...figure, enteredAt: null, enteredBy: null }, {
      year: 2025, indicator: '2', white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: 14_000, population: 150_000 },
      source: SOURCE, enteredBy: null, enteredAt: null,
    });
    const ci = katzLogInterval(30_000, 200_000, 14_000, 150_000)!;

    const list = await admin.get('/admin/national-figures?saved=2025-2');
    assert.match(list.body, /The national figure for indicator 2, 2025, has been saved/);
    assert.match(list.body, /<h2 id="year-2025">2025<\/h2>/);
    assert.match(list.body, /30,000 appointed of 200,000 shortlisted/);
    assert.match(list.body, /14,000 appointed of 150,000 shortlisted/);
    assert.match(list.body, new RegExp(`1\\.61 \\(${ci[0].toFixed(2)} to ${ci[1].toFixed(2)}\\)`));
    assert.match(list.body, /White ÷ ethnic minority/);
    assert.ok(list.body.includes(SOURCE));
    assert.match(list.body, /Test Person, \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const compare = await admin.get('/organisations/SYN02/2025/compare');
    assert.equal(compare.statusCode, 200);
    const inset = /<div class="nhsuk-inset-text" id="national-2">([\s\S]*?)<\/div>/.exec(compare.body)?.[1] ?? '';
    assert.match(inset, /National figure: 1\.61<\/strong> \(95% interval 1\.58 to 1\.64\)/);
    assert.match(inset, /White applicants: 30,000 appointed of 200,000 shortlisted/);
    assert.match(inset, /Ethnic minority applicants: 14,000 appointed of 150,000 shortlisted/);
    assert.ok(inset.includes(`Source: ${SOURCE}`));
    const section2 = compare.body.slice(compare.body.indexOf('<h2 id="indicator-2">'), compare.body.indexOf('<h2 id="indicator-3">'));
    assert.match(section2, /National figure: 1\.61\. \d+ organisations are plotted\./);
    assert.match(section2, /the national figure/, 'the reading speaks of the national figure');
    assert.doesNotMatch(section2, /the peer figure/);
    const section4 = compare.body.slice(compare.body.indexOf('<h2 id="indicator-4">'), compare.body.indexOf('<h2 id="indicator-5">'));
    assert.doesNotMatch(section4, /National figure/, 'indicator 4 has no national figure, so it keeps the peer figure');

    const download = parse((await admin.get('/organisations/SYN02/2025/compare.csv')).body, { columns: true }) as Record<string, string>[];
    const own2 = download.find((r) => r['indicator'] === '2' && r['organisation_code'] === 'SYN02')!;
    assert.equal(Number(own2['target']).toFixed(2), '1.61');
    assert.equal(own2['target_source'], 'national');
    assert.deepEqual([own2['national_white_events'], own2['national_white_people'], own2['national_ethnic_minority_events'], own2['national_ethnic_minority_people']], ['30000', '200000', '14000', '150000']);
    assert.equal(own2['national_source'], SOURCE);
    assert.equal(download.find((r) => r['indicator'] === '4')?.['target_source'], 'pooled');

    const events = await harness.store.audit.list({ limit: 20, offset: 0 });
    const event = events.find((e) => e.action === 'national-figure-saved');
    assert.ok(event);
    assert.equal(event.subject, 'national-figures/2025/2');
    assert.equal(event.details['replaced'], false);
  });

  test('entering the same year and indicator again replaces it, and the replacement is audited with what it replaced', async () => {
    await admin.get('/admin/national-figures');
    const again = await admin.post('/admin/national-figures', { ...GOOD, whiteEvents: '31000', source: 'Corrected table' });
    assert.equal(again.statusCode, 303);
    const figures = await harness.store.nationalFigures.forYear(2025);
    assert.equal(figures.length, 1);
    assert.equal(figures[0]!.white.events, 31_000);
    const event = (await harness.store.audit.list({ limit: 20, offset: 0 })).find((e) => e.action === 'national-figure-saved')!;
    assert.equal(event.details['replaced'], true);
    assert.deepEqual((event.details['previous'] as { white: unknown; source: string }).white, { events: 30_000, population: 200_000 });
    assert.equal((event.details['previous'] as { source: string }).source, SOURCE);
    // Back as it was, for the tests after this one.
    await admin.get('/admin/national-figures');
    assert.equal((await admin.post('/admin/national-figures', GOOD)).statusCode, 303);
  });

  test('an empty form is refused with every problem located, in the order of the fields, and nothing is saved', async () => {
    const before = await harness.store.nationalFigures.all();
    await admin.get('/admin/national-figures');
    const page = await admin.post('/admin/national-figures', { indicator: '3' });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /<title>Error: /);
    assert.match(page.body, /There is a problem/);
    assert.deepEqual(errorLinks(page.body), ['#i3-year', '#i3-whitePopulation', '#i3-whiteEvents', '#i3-ethnicMinorityPopulation', '#i3-ethnicMinorityEvents', '#i3-source']);
    assert.match(page.body, /Enter the number of White staff in the headcount/);
    assert.match(page.body, /id="i3-year-error"/, 'each field shows its own error');
    assert.deepEqual(await harness.store.nationalFigures.all(), before);
  });

  test('impossible or unusable counts are refused on the field to change, and the typed values are kept', async () => {
    const before = await harness.store.nationalFigures.all();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ whiteEvents: '200001' }, '#i2-whiteEvents', /White applicants appointed from shortlisting must be no more than the number of White applicants shortlisted/],
      [{ ethnicMinorityEvents: '0' }, '#i2-ethnicMinorityEvents', /must be more than 0, or the relative likelihood cannot be calculated/],
      [{ whiteEvents: '0' }, '#i2-whiteEvents', /a relative likelihood of 0 cannot be the centre of a funnel plot/],
      [{ whitePopulation: '0', whiteEvents: '0' }, '#i2-whitePopulation', /cannot be calculated/],
      [{ whitePopulation: '-5' }, '#i2-whitePopulation', /must be a whole number of 0 or more/],
      [{ ethnicMinorityPopulation: '1.5' }, '#i2-ethnicMinorityPopulation', /must be a whole number/],
      [{ year: '1999' }, '#i2-year', /Reporting year must be between 2000 and 2100/],
      [{ year: '25' }, '#i2-year', /Reporting year must be 4 digits/],
      [{ source: 'x'.repeat(501) }, '#i2-source', /Source must be 500 characters or fewer/],
      [{ source: '   ' }, '#i2-source', /Enter the source/],
    ];
    for (const [change, href, message] of cases) {
      await admin.get('/admin/national-figures');
      const page = await admin.post('/admin/national-figures', { ...GOOD, year: '2024', ...change });
      assert.equal(page.statusCode, 400, JSON.stringify(change));
      assert.deepEqual(errorLinks(page.body), [href], JSON.stringify(change));
      assert.match(page.body, message);
      const value = change['year'] ?? '2024';
      assert.match(page.body, new RegExp(`<input [^>]*id="i2-year" name="year" [^>]*value="${value}"`), 'the typed year is kept');
    }
    // Indicator 3 is ethnic minority ÷ White: with no White staff entering the process it cannot be calculated.
    await admin.get('/admin/national-figures');
    const three = await admin.post('/admin/national-figures', { ...GOOD, indicator: '3', year: '2024', whiteEvents: '0' });
    assert.deepEqual(errorLinks(three.body), ['#i3-whiteEvents']);
    assert.match(three.body, /White staff entering the formal disciplinary process must be more than 0, or the relative likelihood cannot be calculated/);
    // An indicator that has no form.
    await admin.get('/admin/national-figures');
    assert.equal((await admin.post('/admin/national-figures', { ...GOOD, indicator: '5' })).statusCode, 400);
    assert.deepEqual(await harness.store.nationalFigures.all(), before, 'nothing was saved');
  });

  test('someone who is not an administrator is refused, and so is a form without its token', async () => {
    const before = await harness.store.nationalFigures.all();
    assert.equal((await viewer.get('/admin/national-figures')).statusCode, 403);
    await viewer.get('/account');
    assert.equal((await viewer.post('/admin/national-figures', { ...GOOD, year: '2023' })).statusCode, 403);
    assert.equal((await viewer.post('/admin/national-figures/remove', { year: '2025', indicator: '2' })).statusCode, 403);
    assert.equal((await admin.post('/admin/national-figures', { ...GOOD, year: '2023' }, { withCsrf: false })).statusCode, 403);
    assert.deepEqual(await harness.store.nationalFigures.all(), before);
  });

  test('an administrator removes a figure; it is audited, and the funnel goes back to the peer figure', async () => {
    await admin.get('/admin/national-figures');
    const removed = await admin.post('/admin/national-figures/remove', { year: '2025', indicator: '2' });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers['location'], '/admin/national-figures?removed=2025-2');
    assert.deepEqual(await harness.store.nationalFigures.forYear(2025), []);
    const event = (await harness.store.audit.list({ limit: 20, offset: 0 })).find((e) => e.action === 'national-figure-removed');
    assert.equal(event?.subject, 'national-figures/2025/2');
    const compare = await admin.get('/organisations/SYN02/2025/compare');
    assert.doesNotMatch(compare.body, /National figure/);
    await admin.get('/admin/national-figures');
    assert.equal((await admin.post('/admin/national-figures/remove', { year: '2025', indicator: '2' })).statusCode, 404);
  });

  test('parsing: thousands separators and spaces are allowed, the ratio is never stored', () => {
    const parsed = parseNationalFigure('4', { year: '2025', whitePopulation: '1,000', whiteEvents: '200', ethnicMinorityPopulation: '500', ethnicMinorityEvents: '50', source: '  a   b ' });
    assert.deepEqual(parsed, {
      ok: true,
      figure: { year: 2025, indicator: '4', white: { events: 200, population: 1000 }, ethnicMinority: { events: 50, population: 500 }, source: 'a b' },
    });
    const tooBig = parseNationalFigure('4', { year: '2025', whitePopulation: '1000000000', whiteEvents: '1', ethnicMinorityPopulation: '500', ethnicMinorityEvents: '50', source: 'x' });
    assert.equal(tooBig.ok, false);
  });
});
