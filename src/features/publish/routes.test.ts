/**
 * Publishing over a SQLite store in memory: a synthetic trust's 2024 and 2025 figures are imported and an objective
 * set; an analyst prepares the 2025 draft, an administrator who is a member approves it, and then, with no session
 * cookie at all, the public pages answer with the figures the viewer's report has, every figure resting on a count of
 * 1 to 7 withheld; the open data validates against its own Table Schema, row by row, and its figures equal
 * `mirror wres --format json` and `mirror wdes --format json`; a correction makes version 2 with its note while
 * version 1 stays as it was. The year's EDS 2022 summary (agreed ratings only, under the organisation's thresholds)
 * is frozen into each version: on its page and as eds.csv, and changing a rating afterwards changes no version.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { main } from '../../cli/main.ts';
import { headlineFigure } from '../../core/act/headline.ts';
import { EDS_OUTCOME_IDS, type EdsRating } from '../../core/eds/outcomes.ts';
import type { PublishedReport } from '../../core/publish/report.ts';
import { isDisclosive, DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { reportingMonths } from '../../core/reporting/trends.ts';
import { reportTrends } from '../reporting/trends-service.ts';

const PASSWORD = 'a long enough password';
/** The harness's clock is the real one: sessions expire by it. */
const TODAY = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

async function cliJson(folder: string, year: number, command: string): Promise<unknown> {
  let out = '';
  assert.equal(await main([command, folder, '--year', String(year), '--format', 'json'], { out: (t) => { out += t; }, err: () => {} }), 0);
  return JSON.parse(out);
}

interface Field { name: string; type: string; constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number } }
interface Schema { fields: Field[]; missingValues: string[]; primaryKey: string[] }

/** Every row of a CSV resource against its Table Schema: header, types, required fields, enums, minimums, missing values, primary key. */
function checkAgainstSchema(name: string, csv: string, schema: Schema): Record<string, unknown>[] {
  const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
  assert.deepEqual(header, schema.fields.map((f) => f.name), `${name}: the header is the schema's fields in order`);
  const keys = new Set<string>();
  const typed: Record<string, unknown>[] = [];
  rows.forEach((row, r) => {
    const record: Record<string, unknown> = {};
    schema.fields.forEach((field, c) => {
      const raw = row[c]!;
      const where = `${name} row ${r + 2} ${field.name} "${raw}"`;
      if (schema.missingValues.includes(raw)) {
        assert.ok(!field.constraints?.required, `${where}: required`);
        record[field.name] = raw === '' ? null : raw;
        return;
      }
      let value: unknown = raw;
      switch (field.type) {
        case 'integer': assert.match(raw, /^-?\d+$/, where); value = Number(raw); break;
        case 'number': assert.ok(raw.trim() !== '' && Number.isFinite(Number(raw)), where); value = Number(raw); break;
        case 'boolean': assert.ok(['true', 'false'].includes(raw), where); value = raw === 'true'; break;
        case 'date': assert.match(raw, /^\d{4}-\d{2}-\d{2}$/, where); assert.ok(!Number.isNaN(Date.parse(`${raw}T00:00:00Z`)), where); break;
        case 'string': break;
        default: assert.fail(`${where}: unknown type ${field.type}`);
      }
      if (field.constraints?.enum) assert.ok(field.constraints.enum.includes(raw), `${where}: not in ${field.constraints.enum.join(', ')}`);
      if (field.constraints?.minimum !== undefined) assert.ok((value as number) >= field.constraints.minimum, `${where}: below the minimum`);
      if (field.constraints?.maximum !== undefined) assert.ok((value as number) <= field.constraints.maximum, `${where}: above the maximum`);
      record[field.name] = value;
    });
    const key = JSON.stringify(schema.primaryKey.map((k) => record[k]));
    assert.ok(!keys.has(key), `${name} row ${r + 2}: primary key ${key} is not unique`);
    keys.add(key);
    typed.push(record);
  });
  return typed;
}

describe('publishing a year, and its public pages and open data', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let admin: Browser;
  let viewer: Browser;
  const anonymous = (url: string, headers: Record<string, string> = {}) => harness.app.inject({ method: 'GET', url, headers });

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-publish-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: year, staff: 600 });
      const result = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'ORGA', name: 'Organisation A' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    admin = await signedIn(harness, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true, memberships: [[organisation.id, 'viewer']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
    const definition = harness.services.standards.get('wres')!.indicators.find((d) => d.id === '2')!;
    const baseline = headlineFigure(definition, await cliJson(join(dir, '2024'), 2024, 'wres'), 2024);
    assert.ok(baseline.available);
    // EDS 2022: 9 threes and 2 twos = 31, Excelling by the Leeds thresholds the organisation chose (Achieving by the
    // guidance's); a stakeholder group's own rating is kept but never published.
    await harness.store.eds.setThresholds(organisation.id, 'leeds', null);
    for (const outcome of EDS_OUTCOME_IDS) {
      const rating: EdsRating = outcome === '1A' || outcome === '2B' ? 2 : 3;
      await harness.store.eds.agree(organisation.id, 2025, { outcome, rating, owner: 'Director of People' }, null);
    }
    // Reports through the form in 2024-25 (ended): ten from colleagues each month and three about managers in July,
    // so the managers' 3 is withheld, and with it a second figure beside it; two in 2025-26, not yet ended.
    let receipt = 0;
    const report = (day: string, category: string) => harness.store.reporting.createCase({
      organisationId: organisation.id, receiptHash: `hash-${receipt++}`, route: 'anonymous', category, directorate: null, wanted: 'heard',
      content: 'sealed', contact: null, handlerRole: 'dignity-at-work', receivedOn: day,
    });
    for (const month of reportingMonths(2025)) for (let i = 0; i < 10; i++) await report(`${month}-0${1 + (i % 9)}`, 'colleagues');
    for (let i = 0; i < 3; i++) await report('2024-07-15', 'managers');
    await report('2025-05-02', 'microaggressions');
    await harness.store.eds.rateAsStakeholder(organisation.id, 2025, { outcome: '2B', group: 'Quokka Staff Forum', rating: 0 }, null);
    await harness.store.objectives.create({
      organisationId: organisation.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'value', value: 1.1 }, targetDate: '2028-03-31',
      ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2', ownerUserId: null, createdBy: null, baseline: baseline.figure,
    });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('nothing is public before a version is published: the year, the organisation and an unknown one answer 404', async () => {
    for (const url of ['/public/ORGA', '/public/ORGA/2025', '/public/ORGA/2025/v1', '/public/ORGA/2025/v1/figures.csv', '/public/NOPE', '/public/NOPE/2025']) {
      assert.equal((await anonymous(url)).statusCode, 404, url);
    }
    const data = await anonymous('/public/data');
    assert.equal(data.statusCode, 200);
    assert.match(text(data.body), /Nothing has been published yet/);
  });

  test('a viewer cannot prepare a draft, an analyst cannot approve one; an administrator who is a member publishes it as version 1', async () => {
    await viewer.get('/organisations/ORGA/2025/publish');
    const refusedViewer = await viewer.post('/organisations/ORGA/2025/publish/draft', {});
    assert.equal(refusedViewer.statusCode, 403, String(refusedViewer.headers['location']));
    const page = await analyst.get('/organisations/ORGA/2025/publish');
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /There is no draft/);
    const prepared = await analyst.post('/organisations/ORGA/2025/publish/draft', {});
    assert.equal(prepared.statusCode, 303);
    assert.equal(prepared.headers['location'], '/organisations/ORGA/2025/publish/draft');
    const draftPage = await analyst.get('/organisations/ORGA/2025/publish/draft');
    assert.equal(draftPage.statusCode, 200);
    assert.match(text(draftPage.body), /Draft, not published/);
    const draft = (await harness.store.publications.draft((await harness.store.organisations.byCode('ORGA'))!.id, 2025))!;
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/approve', { draft: String(draft.id) })).statusCode, 403);
    assert.equal((await anonymous('/public/ORGA/2025')).statusCode, 404, 'a draft is not public');

    const approvePage = await admin.get('/organisations/ORGA/2025/publish');
    assert.match(approvePage.body, /Approve and publish as version 1/);
    const approved = await admin.post('/organisations/ORGA/2025/publish/approve', { draft: String(draft.id) });
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers['location'], '/public/ORGA/2025/v1');
    const events = await harness.store.audit.list({ limit: 100, offset: 0 });
    assert.deepEqual(events.filter((e) => e.action.startsWith('publication-')).map((e) => e.action).sort(), ['publication-drafted', 'publication-published']);
  });

  test('with no session cookie the published year answers 200 with no cookie set, cacheable, and the viewer\'s figures with every count of 1 to 7 withheld', async () => {
    const response = await anonymous('/public/ORGA/2025');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['set-cookie'], undefined, 'no cookie is set');
    assert.match(String(response.headers['cache-control']), /^public, max-age=\d+/);
    const etag = String(response.headers['etag']);
    assert.match(etag, /^"[\w-]+"$/);
    assert.doesNotMatch(String(response.headers['content-security-policy']), /nonce-/);
    assert.match(String(response.headers['content-security-policy']), /script-src 'self' 'sha256-/);
    assert.equal((await anonymous('/public/ORGA/2025', { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await anonymous('/public/ORGA/2025')).body, response.body, 'the same bytes each time');
    const signedInView = await viewer.get('/public/ORGA/2025');
    assert.equal(signedInView.body, response.body, 'a signed-in person gets the same page');
    assert.equal(signedInView.headers['set-cookie'], undefined);
    assert.match(String((await anonymous('/public/ORGA/2025/v1')).headers['cache-control']), /max-age=86400/);
    assert.match(String((await anonymous('/public/ORGA/2025/v1/figures.csv')).headers['cache-control']), /immutable/);

    const page = text(response.body);
    assert.match(page, /What is this telling you/);
    assert.match(page, new RegExp(`Version 1, published ${TODAY}`));
    const published = (JSON.parse((await anonymous('/public/ORGA/2025/v1/report.json')).body) as { report: PublishedReport }).report;
    const wres = published.standards.find((s) => s.id === 'wres')!;
    let withheld = 0;
    for (const f of wres.figures!) {
      if (f.status === 'withheld') {
        withheld += 1;
        assert.equal(f.value, null);
        assert.deepEqual(f.counts, []);
      }
      if (f.status === 'shown') {
        assert.ok(f.counts.every((c) => ![c.events, c.population, c.population - c.events].some((n) => isDisclosive(n, DEFAULT_DISCLOSURE_POLICY))), `${f.indicator} shows no count of 1 to 7`);
        assert.ok(page.includes(`${f.indicator}. ${f.title}`), `indicator ${f.indicator} is on the page`);
      }
    }
    assert.ok(withheld > 0, 'the synthetic board is small enough that indicator 9 is withheld');

    // The same figures as the viewer's own report (the API with the viewer's session), wherever none is withheld.
    const viewers = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/wres/2025')).body) as unknown;
    for (const definition of harness.services.standards.get('wres')!.indicators) {
      const theirs = headlineFigure(definition, viewers, 2025);
      const ours = wres.figures!.find((f) => f.indicator === definition.id)!;
      if (ours.status !== 'shown') continue;
      assert.ok(theirs.available, definition.id);
      assert.deepEqual([ours.value, ours.ci95, ours.counts], [theirs.figure.value, theirs.figure.ci95, theirs.figure.counts], `indicator ${definition.id}`);
      if (ours.value !== null && ours.kind === 'ratio') assert.ok(page.includes(`${ours.indicator}. ${ours.title} ${ours.value.toFixed(2)}`), `indicator ${definition.id}'s value is on the page`);
    }
    assert.match(page, /Withheld: a count behind this figure is between 1 and 7/);
  });

  test('the open data validates against its own Table Schema, and its figures equal mirror wres and mirror wdes --format json', async () => {
    const base = '/public/ORGA/2025/v1';
    const page = await anonymous(base);
    for (const file of ['datapackage.json', 'report.json', 'figures.csv', 'objectives.csv', 'evaluations.csv', 'eds.csv', 'reports.csv']) assert.ok(page.body.includes(`${base}/${file}`), `${file} is linked`);
    const descriptor = JSON.parse((await anonymous(`${base}/datapackage.json`)).body) as { resources: { name: string; path: string; profile: string; schema: Schema }[] };
    assert.deepEqual(descriptor.resources.map((r) => r.name), ['figures', 'objectives', 'evaluations', 'eds', 'reports']);
    const tables = new Map<string, Record<string, unknown>[]>();
    for (const resource of descriptor.resources) {
      assert.match(resource.name, /^[-a-z0-9._/]+$/);
      assert.equal(resource.profile, 'tabular-data-resource');
      const csv = await anonymous(`${base}/${resource.path}`);
      assert.equal(csv.statusCode, 200);
      tables.set(resource.name, checkAgainstSchema(resource.name, csv.body, resource.schema));
    }
    const figures = tables.get('figures')!;
    const eds = tables.get('eds')!;
    assert.deepEqual(eds.map((r) => r['outcome']), [...EDS_OUTCOME_IDS]);
    assert.deepEqual(eds.map((r) => r['rating']), EDS_OUTCOME_IDS.map((o) => (o === '1A' || o === '2B' ? 2 : 3)));
    assert.deepEqual(eds.map((r) => r['domain_score']), [11, 11, 11, 11, 11, 11, 11, 11, 9, 9, 9]);
    for (const row of eds) {
      assert.deepEqual([row['overall_score'], row['outcomes_rated'], row['overall_rating'], row['overall_rating_name'], row['thresholds']], [31, 11, 3, 'Excelling', 'leeds']);
    }
    // The reports: as a member's trend page has them for the ended year, the managers' 3 withheld with a second figure.
    const trends = (await reportTrends(harness.services, (await harness.store.organisations.byCode('ORGA'))!, 2025))!;
    const reports = tables.get('reports')!;
    assert.deepEqual(reports.map((r) => r['category']), [...trends.trends.byCategory.columns, 'all']);
    assert.deepEqual(reports.map((r) => r['reports']), [...trends.trends.byCategory.columnTotals, trends.trends.total].map((n) => n ?? '*'));
    assert.equal(reports.find((r) => r['category'] === 'managers')!['reports'], '*', 'the managers\' 3 is withheld');
    assert.ok(reports.filter((r) => r['reports'] === '*').length >= 2, 'with a second figure beside it');
    for (const r of reports) assert.ok(r['reports'] === '*' || !isDisclosive(r['reports'] as number, DEFAULT_DISCLOSURE_POLICY), `${String(r['category'])}: ${String(r['reports'])}`);
    assert.match(text(page.body), /Reports of racism and discrimination .* What the report was about Reports/);
    assert.equal(tables.get('objectives')!.length, 1);
    assert.equal(tables.get('objectives')!.at(0)!['standard'], 'wres');

    for (const command of ['wres', 'wdes']) {
      const report = await cliJson(join(dir, '2025'), 2025, command);
      const standard = harness.services.standards.get(command)!;
      for (const definition of standard.indicators) {
        const row = figures.find((r) => r['standard'] === command && r['indicator'] === definition.id);
        assert.ok(row, `${command} ${definition.id} has a row`);
        const cli = headlineFigure(definition, report, 2025);
        const where = `${command} ${definition.id}`;
        if (!cli.available) {
          assert.equal(row['status'], 'unavailable', where);
          continue;
        }
        const small = cli.figure.counts.some((c) => [c.events, c.population, c.population - c.events].some((n) => isDisclosive(n, DEFAULT_DISCLOSURE_POLICY)));
        if (small) {
          assert.equal(row['status'], 'withheld', where);
          for (const k of ['value', 'events_1', 'population_1']) assert.equal(row[k], '*', `${where} ${k}`);
          continue;
        }
        assert.equal(row['status'], 'shown', where);
        assert.equal(row['value'], cli.figure.value, `${where} value`);
        assert.deepEqual([row['ci95_low'], row['ci95_high']], cli.figure.ci95 ? [...cli.figure.ci95] : [null, null], `${where} interval`);
        const [g1, g2] = cli.figure.counts;
        assert.deepEqual([row['group_1'], row['events_1'], row['population_1']], [g1!.group, g1!.events, g1!.population], `${where} counts`);
        assert.deepEqual([row['group_2'], row['events_2'], row['population_2']], g2 ? [g2.group, g2.events, g2.population] : [null, null, null], `${where} counts`);
        if (definition.kind === 'ratio') {
          assert.equal(row['value'], ((report as { indicators?: Record<string, { value: number }>; metrics?: Record<string, { value: number }> }).indicators ?? (report as { metrics: Record<string, { value: number }> }).metrics)[definition.id]!.value, `${where}: the report's own value`);
        }
      }
    }

    const combined = await anonymous('/public/data/figures.csv');
    const index = JSON.parse((await anonymous('/public/data/datapackage.json')).body) as { resources: { schema: Schema }[] };
    assert.deepEqual(checkAgainstSchema('combined', combined.body, index.resources[0]!.schema), figures);
    assert.match(text((await anonymous('/public/data')).body), /Organisation A \(ORGA\) 2025 \(version 1\)/);
  });

  test('the EDS 2022 summary is frozen into the version: agreed ratings and the overall rating under the organisation\'s thresholds, never a stakeholder group\'s', async () => {
    const base = '/public/ORGA/2025/v1';
    const page = await anonymous(base);
    const words = text(page.body);
    assert.match(words, /Equality Delivery System 2022/);
    assert.match(words, /EDS Organisation Rating 31 of 33: 3\/Excelling/);
    assert.match(words, /1A\. Patients \(service users\) have required levels of access to the service 2\/Achieving/);
    assert.match(words, /Domain 3 total 9 \(3 of 3 outcomes rated\)/);
    const json = (await anonymous(`${base}/report.json`)).body;
    const csv = (await anonymous(`${base}/eds.csv`)).body;
    for (const published of [page.body, json, csv]) {
      assert.doesNotMatch(published, /Quokka Staff Forum/, 'a stakeholder group\'s rating is not published');
      assert.doesNotMatch(published, /Director of People/, 'nor the owner');
    }
    assert.equal((JSON.parse(json) as { report: PublishedReport }).report.eds?.thresholds.id, 'leeds');

    // A rating changed after publishing changes no published version.
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    await harness.store.eds.agree(organisation.id, 2025, { outcome: '3C', rating: 0, owner: 'Director of People' }, null);
    await harness.store.eds.setThresholds(organisation.id, 'guidance', null);
    assert.equal((await anonymous(base)).body, page.body, 'the page');
    assert.equal((await anonymous(`${base}/report.json`)).body, json, 'the JSON');
    assert.equal((await anonymous(`${base}/eds.csv`)).body, csv, 'the CSV');
    assert.equal((await anonymous('/public/ORGA/2025')).body.includes('31 of 33: 3/Excelling'), true, 'the latest version too');
    // The members' EDS page does change: the store holds the new rating.
    assert.match(text((await viewer.get('/organisations/ORGA/2025/eds')).body), /28 of 33: 2\/Achieving/);
  });

  test('before approval the language check reads the words the draft would publish, and does not stop it', async () => {
    await analyst.get('/organisations/ORGA/2025/publish');
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/draft', { note: 'Corrected the BAME staff figures after a late file.' })).statusCode, 303);
    const page = await admin.get('/organisations/ORGA/2025/publish');
    assert.match(page.body, /Words to check/);
    assert.match(text(page.body), /The correction note "Corrected the BAME staff figures/);
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/discard', {})).statusCode, 303);
  });

  test('a correction needs its note, makes version 2 with it, and version 1 stays reachable and unchanged', async () => {
    const v1Before = (await anonymous('/public/ORGA/2025/v1')).body;
    const v1Json = (await anonymous('/public/ORGA/2025/v1/report.json')).body;
    await analyst.get('/organisations/ORGA/2025/publish');
    const refused = await analyst.post('/organisations/ORGA/2025/publish/draft', { note: '' });
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /Say what changed from the published version and why/);
    const note = 'The staff survey file was replaced with the final one, which changed indicators 5 to 8.';
    assert.equal((await analyst.post('/organisations/ORGA/2025/publish/draft', { note })).statusCode, 303);
    const draft = (await harness.store.publications.draft((await harness.store.organisations.byCode('ORGA'))!.id, 2025))!;
    assert.doesNotMatch((await admin.get('/organisations/ORGA/2025/publish')).body, /Words to check/, 'nothing to check in this note');
    const approved = await admin.post('/organisations/ORGA/2025/publish/approve', { draft: String(draft.id) });
    assert.equal(approved.headers['location'], '/public/ORGA/2025/v2');

    const latest = text((await anonymous('/public/ORGA/2025')).body);
    assert.match(latest, /Version 2, published/);
    assert.match(latest, /Correction in version 2/);
    assert.match(latest, /EDS Organisation Rating 28 of 33: 2\/Achieving/, 'a new version takes the ratings and thresholds as they are now');
    assert.ok(latest.includes(note));
    const v1 = await anonymous('/public/ORGA/2025/v1');
    assert.equal(v1.statusCode, 200);
    assert.match(text(v1.body), /This is not the latest version: read version 2/);
    assert.equal((await anonymous('/public/ORGA/2025/v1/report.json')).body, v1Json, 'version 1 data never changes');
    assert.notEqual(v1.body, v1Before, 'its page now points to version 2');
    assert.match(v1.body, /href="\/public\/ORGA\/2025\/v2"/);
    const listing = text((await anonymous('/public/ORGA')).body);
    assert.match(listing, new RegExp(`Version 2 ?, published ${TODAY}: The staff survey file`));
    assert.match(listing, new RegExp(`Version 1 ?, published ${TODAY} \\(first published\\)`));
    assert.equal((await anonymous('/public/ORGA/2025/v3')).statusCode, 404);
    assert.equal((await anonymous('/public/ORGA/2024')).statusCode, 404, 'an unpublished year');
  });
});
