/**
 * The regional and national view over a SQLite store in memory: four small synthetic trusts, three in the North
 * (A, B, C) and one in the South (D); A, B and D publish their 2025 reports, C does not. With no session cookie the
 * public pages show the published organisations only, set no cookie, send an ETag (and 304 for it), and no count of
 * 1 to 7 appears; the pooled figure is the published counts added up. Administrators see every organisation's
 * current import, with the same withholding, and each view is audited; nobody else sees it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { PublishedReport } from '../../core/publish/report.ts';
import { ROLLUP_INDICATORS } from '../../core/regions/indicators.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive } from '../../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { approveDraft, prepareDraft } from '../publish/service.ts';
import { areaOrganisations } from './service.ts';

const PASSWORD = 'a long enough password';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/&rsquo;|’/g, '’').replace(/\s+/g, ' ');
const ORGS = [
  { code: 'ORGA', name: 'Alpha NHS Trust', region: 'North', type: 'Acute trust', seed: 11 },
  { code: 'ORGB', name: 'Beta NHS Trust', region: 'North', type: 'Mental health trust', seed: 12 },
  { code: 'ORGC', name: 'Gamma NHS Trust', region: 'North', type: 'Acute trust', seed: 13 },
  { code: 'ORGD', name: 'Delta NHS Trust', region: 'South', type: 'Acute trust', seed: 14 },
] as const;

/** Every "n of m" in a page's table cells and pooled figure (the counts it gives), as numbers. */
function countPairs(body: string): [number, number][] {
  const cells = [...body.matchAll(/<td class="nhsuk-table__cell">([^<]*)<\/td>|<p><strong>Pooled figure:([^\n]*)<\/p>/g)].map((m) => m[1] ?? m[2] ?? '').join(' | ');
  return [...cells.matchAll(/(\d[\d,]*) (?:[A-Za-z -]+ )?of (\d[\d,]*)/g)].map((m) => [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))]);
}

describe('the regional and national view', () => {
  let harness: Harness;
  let dir: string;
  let admin: Browser;
  let viewer: Browser;
  const anonymous = (url: string, headers: Record<string, string> = {}) => harness.app.inject({ method: 'GET', url, headers });

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-regions-'));
    for (const o of ORGS) {
      await writeSyntheticTrust(join(dir, o.code), { year: 2025, seed: o.seed, staff: 400, organisation: { code: o.code, name: o.name } });
      const result = await importFolder(harness.store, join(dir, o.code), {
        organisation: { code: o.code, name: o.name, region: o.region, type: o.type }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    const approver = await signedIn(harness, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true });
    admin = approver;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[(await harness.store.organisations.byCode('ORGA'))!.id, 'viewer']] });
    for (const code of ['ORGA', 'ORGB', 'ORGD']) {
      const organisation = (await harness.store.organisations.byCode(code))!;
      const prepared = await prepareDraft(harness.services, organisation, 2025, '', null);
      assert.ok(prepared?.ok);
      assert.ok(await approveDraft(harness.services, organisation, 2025, prepared.draft.id, null));
    }
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the public national page lists the published organisations only, with no cookie and an ETag', async () => {
    const response = await anonymous('/public/national');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['set-cookie'], undefined);
    assert.match(String(response.headers['cache-control']), /^public/);
    const etag = String(response.headers['etag']);
    assert.ok(etag.startsWith('"'));
    assert.equal((await anonymous('/public/national', { 'if-none-match': etag })).statusCode, 304);
    const page = text(response.body);
    assert.ok(countPairs((await anonymous('/public/national/wres/7')).body).length >= 4, 'the counts are found, so the check below has something to check');
    assert.match(page, /every one of the 3 organisations in every region with figures for 2025/);
    assert.match(page, /North \(2\)/);
    assert.match(page, /South \(1\)/);

    const wres8 = text((await anonymous('/public/national/wres/8')).body);
    for (const name of ['Alpha', 'Beta', 'Delta']) assert.match(wres8, new RegExp(`${name} NHS Trust`));
    assert.doesNotMatch(wres8, /Gamma NHS Trust/, 'an unpublished organisation is not public');
  });

  test('the work stops once its signal is aborted (the client has gone), from either source; an unaborted signal changes nothing', async () => {
    const area = { regionSlug: null, type: null, year: 2025 };
    for (const source of ['current', 'published'] as const) {
      // The imports kept their figures; without them (imports from before the table) there is work to stop.
      if (source === 'current') await (harness.store as KyselyStore).db.deleteFrom('region_figures').execute();
      const controller = new AbortController();
      const stopped = areaOrganisations(harness.services, source, area, controller.signal);
      controller.abort();
      await assert.rejects(stopped, { name: 'AbortError' }, source);
      const plain = await areaOrganisations(harness.services, source, area);
      assert.ok(plain.found && plain.organisations.length >= 3, source);
      assert.deepEqual(await areaOrganisations(harness.services, source, area, new AbortController().signal), plain, source);
    }
  });

  test('a region and a type narrow the organisations; unknown ones answer 404', async () => {
    const north = text((await anonymous('/public/regions/north/wres/7')).body);
    assert.match(north, /Alpha NHS Trust/);
    assert.match(north, /Beta NHS Trust/);
    assert.doesNotMatch(north, /Delta NHS Trust/);
    const acute = text((await anonymous('/public/national/wres/7?type=Acute%20trust')).body);
    assert.match(acute, /Alpha NHS Trust/);
    assert.doesNotMatch(acute, /Beta NHS Trust/);
    for (const url of ['/public/regions/west', '/public/national?year=2019', '/public/national?type=Ambulance%20trust', '/public/national/wres/9', '/public/national?year=20x5']) {
      assert.equal((await anonymous(url)).statusCode, 404, url);
    }
  });

  test('no count of 1 to 7 appears on any public indicator page, and some figure is withheld', async () => {
    let withheld = 0;
    for (const i of ROLLUP_INDICATORS) {
      const response = await anonymous(`/public/national/${i.standard}/${i.id}`);
      assert.equal(response.statusCode, 200, `${i.standard} ${i.id}`);
      for (const [events, people] of countPairs(response.body)) {
        for (const n of [events, people, people - events]) assert.ok(!isDisclosive(n, DEFAULT_DISCLOSURE_POLICY), `${i.standard} ${i.id}: ${events} of ${people}`);
      }
      withheld += (text(response.body).match(/Withheld: a count behind this figure is 1 to 7/g) ?? []).length;
    }
    assert.ok(withheld > 0, 'the synthetic trusts have small counts somewhere, so the withholding is exercised');
  });

  test('the pooled figure adds up the published counts of the organisations shown', async () => {
    const reports: PublishedReport[] = [];
    for (const code of ['ORGA', 'ORGB', 'ORGD']) {
      const organisation = (await harness.store.organisations.byCode(code))!;
      reports.push((await harness.store.publications.version(organisation.id, 2025, null))!.snapshot as PublishedReport);
    }
    const figures = reports.map((r) => r.standards.find((s) => s.id === 'wres')!.figures!.find((f) => f.indicator === '7')!).filter((f) => f.status === 'shown');
    assert.ok(figures.length >= 1);
    const events = figures.reduce((s, f) => s + f.counts[0]!.events, 0);
    const people = figures.reduce((s, f) => s + f.counts[0]!.population, 0);
    const page = text((await anonymous('/public/national/wres/7')).body);
    const pooled = `Pooled figure: ${((events / people) * 100).toFixed(1)}%`;
    assert.ok(page.includes(pooled), `${pooled} in ${page.slice(0, 400)}`);
    assert.ok(page.includes(`${events.toLocaleString('en-GB')} of ${people.toLocaleString('en-GB')} ethnic minority respondents`));
  });

  test('administrators see every organisation’s current import, audited; viewers and the signed-out do not', async () => {
    const response = await admin.get('/national/wres/7');
    assert.equal(response.statusCode, 200);
    const page = text(response.body);
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) assert.match(page, new RegExp(`${name} NHS Trust`));
    assert.match(page, /shown to administrators only/);
    for (const [events, people] of countPairs(response.body)) {
      for (const n of [events, people, people - events]) assert.ok(!isDisclosive(n, DEFAULT_DISCLOSURE_POLICY), `${events} of ${people}`);
    }
    assert.equal((await admin.get('/regions/north')).statusCode, 200);
    const audit = await harness.store.audit.list({ limit: 10, offset: 0 });
    assert.ok(audit.some((e) => e.action === 'view' && e.subject === 'national/2025/wres/7' && e.organisationId === null && e.details['organisations'] === 4));
    assert.ok(audit.some((e) => e.action === 'view' && e.subject === 'regions/north/2025' && e.details['organisations'] === 3));

    assert.equal((await viewer.get('/national')).statusCode, 403);
    const signedOut = await anonymous('/national');
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers['location']), /^\/sign-in/);
  });

  test('the CSV gives the pages’ numbers: published organisations only, pooled rows, no count of 1 to 7; the administrators’ is audited', async () => {
    const response = await anonymous('/public/regions/north/figures.csv');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['set-cookie'], undefined);
    assert.ok(response.headers['etag']);
    const [header, ...rows] = parse(response.body) as string[][];
    const col = (name: string) => header!.indexOf(name);
    assert.ok(rows.length > 0);
    assert.deepEqual([...new Set(rows.map((r) => r[col('organisation_code')]))].filter(Boolean).sort(), ['ORGA', 'ORGB']);
    assert.equal(rows.filter((r) => r[col('row')] === 'pooled').length, ROLLUP_INDICATORS.filter((i) => rows.some((r) => r[col('standard')] === i.standard && r[col('indicator')] === i.id && r[col('status')] === 'shown')).length);
    for (const r of rows) {
      for (const k of ['1', '2']) {
        const [events, people] = [r[col(`events_${k}`)], r[col(`people_${k}`)]];
        if (!events) continue;
        for (const n of [Number(events), Number(people), Number(people) - Number(events)]) assert.ok(!isDisclosive(n, DEFAULT_DISCLOSURE_POLICY), r.join(','));
      }
      if (r[col('status')] === 'withheld') assert.equal(r[col('value')], '');
    }
    // The pooled WRES 7 row equals the page's pooled figure.
    const pooled7 = rows.find((r) => r[col('row')] === 'pooled' && r[col('standard')] === 'wres' && r[col('indicator')] === '7')!;
    assert.ok(text((await anonymous('/public/regions/north/wres/7')).body).includes(`Pooled figure: ${Number(pooled7[col('value')]).toFixed(1)}%`));

    const exported = await admin.get('/regions/north/figures.csv');
    assert.equal(exported.statusCode, 200);
    assert.match(exported.body, /ORGC/);
    const audit = await harness.store.audit.list({ limit: 5, offset: 0 });
    assert.ok(audit.some((e) => e.action === 'export' && e.subject === 'regions/north/2025.csv'));
  });

  test('a new import of any organisation changes the administrators’ view at once (nothing cached survives it)', async () => {
    const before = text((await admin.get('/national/wres/7')).body);
    const folder = join(dir, 'ORGC-again');
    await writeSyntheticTrust(folder, { year: 2025, seed: 99, staff: 900, organisation: { code: 'ORGC', name: 'Gamma NHS Trust' } });
    assert.ok((await importFolder(harness.store, folder, {
      organisation: { code: 'ORGC', name: 'Gamma NHS Trust', region: 'North', type: 'Acute trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    })).ok);
    const after = text((await admin.get('/national/wres/7')).body);
    assert.notEqual(after, before);
    assert.equal(text((await anonymous('/public/national/wres/7')).body).includes('Gamma NHS Trust'), false, 'an import publishes nothing');
  });

  test('the start page links administrators to the view, and the open data index links the public one', async () => {
    assert.match((await admin.get('/')).body, /href="\/national"/);
    assert.doesNotMatch((await viewer.get('/')).body, /href="\/national"/);
    assert.match((await anonymous('/public/data')).body, /href="\/public\/national"/);
  });
});
