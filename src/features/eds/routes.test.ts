/**
 * EDS 2022 over a SQLite store in memory, with a synthetic trust's 2024 and 2025 figures imported: an analyst
 * attaches evidence, records stakeholder groups' ratings and the agreed rating of every outcome through the forms;
 * the summary adds them up under both threshold sets (hand-worked: 9 threes and 2 twos = 31, Achieving by the
 * guidance, Excelling by Leeds), shows the years side by side, reminds of the publication date and downloads as
 * CSV; a viewer reads and cannot change; every change is audited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EDS_OUTCOME_IDS } from '../../core/eds/outcomes.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const EDS = '/organisations/ORGA/2025/eds';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('EDS 2022 over a store in memory', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let viewer: Browser;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    harness.setNow(new Date('2026-12-05T09:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'mirror-eds-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: year, staff: 300 });
      const result = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'ORGA', name: 'Organisation A' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('evidence: a Mirror figure and a document attached, a bad link refused, one removed', async () => {
    const outcome = `${EDS}/outcomes/2B`;
    await analyst.get(outcome);
    const bad = await analyst.post(`${outcome}/evidence`, { kind: 'document', title: 'Violence reduction plan', href: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /There is a problem .*Enter the document's link, starting https:\/\//);
    assert.equal((await analyst.post(`${outcome}/evidence`, { kind: 'figure', figure: 'wres-6' })).statusCode, 303);
    assert.equal((await analyst.post(`${outcome}/evidence`, { kind: 'document', title: 'Violence reduction plan', href: 'https://example.nhs.uk/vrp.pdf' })).statusCode, 303);
    assert.equal((await analyst.post(`${outcome}/evidence`, { kind: 'document', title: 'Draft', href: 'https://example.nhs.uk/draft.pdf' })).statusCode, 303);
    const summary = (await viewer.get(EDS)).body;
    assert.match(summary, /<a href="\/organisations\/ORGA\/2025\/indicators\/6">WRES indicator 6 2025: Staff experiencing harassment, bullying or abuse from staff in the last 12 months<\/a>/);
    assert.match(summary, /<a href="https:\/\/example.nhs.uk\/vrp.pdf">Violence reduction plan<\/a>/);
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    const draft = (await harness.store.eds.evidence(organisation.id, 2025)).find((e) => e.title === 'Draft')!;
    assert.equal((await analyst.post(`${EDS}/outcomes/1A/evidence/${draft.id}/remove`, {})).statusCode, 404, 'not evidence of 1A');
    assert.equal((await analyst.post(`${outcome}/evidence/${draft.id}/remove`, {})).statusCode, 303);
    assert.doesNotMatch((await viewer.get(outcome)).body, /Draft/);
  });

  test('a stakeholder group\'s new rating replaces its old one', async () => {
    const outcome = `${EDS}/outcomes/2B`;
    await analyst.get(outcome);
    assert.equal((await analyst.post(`${outcome}/stakeholder-ratings`, { group: 'Race Equality Network', rating: '1' })).statusCode, 303);
    assert.equal((await analyst.post(`${outcome}/stakeholder-ratings`, { group: 'Race Equality Network', rating: '2' })).statusCode, 303);
    assert.equal((await analyst.post(`${outcome}/stakeholder-ratings`, { group: 'Disability Network', rating: '1' })).statusCode, 303);
    assert.equal((await analyst.post(`${outcome}/stakeholder-ratings`, { group: '', rating: '5' })).statusCode, 400);
    const body = text((await viewer.get(outcome)).body);
    assert.match(body, /Stakeholder group Rating Disability Network 1\/Developing Race Equality Network 2\/Achieving/);
  });

  test('the agreed ratings add up under both threshold sets; no overall rating until all 11 are rated', async () => {
    // 1A–3A: 3 each (9 × 3 = 27); 3B and 3C: 2 each (2 × 2 = 4); total 31.
    const ratings = [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2];
    await analyst.get(`${EDS}/outcomes/1A`);
    for (const [i, id] of EDS_OUTCOME_IDS.entries()) {
      if (i === 10) {
        // Before the last: 27 + 2 = 29 from 10 outcomes, and no overall rating yet.
        assert.match(text((await viewer.get(EDS)).body), /EDS Organisation Rating \(overall rating\) 29 so far, from 10 of 11 outcomes rated: no overall rating/);
      }
      const saved = await analyst.post(`${EDS}/outcomes/${id}/agreed-rating`, { rating: String(ratings[i]), owner: i < 4 ? 'Chief Nurse' : 'Director of People' });
      assert.equal(saved.statusCode, 303, id);
    }
    assert.equal((await analyst.post(`${EDS}/outcomes/1A/agreed-rating`, { rating: '', owner: '' })).statusCode, 400);
    let body = text((await viewer.get(EDS)).body);
    assert.match(body, /EDS Organisation Rating \(overall rating\) 31 of 33: 2\/Achieving Read by the thresholds: EDS Ratings and Score Card guidance, as described \(Achieving 22 to 32\)/);
    assert.match(body, /This is Mirror's default/);
    assert.match(body, /Domain 1: Commissioned or provided services Domain score 12, from 4 of 4 outcomes rated/);
    assert.match(body, /Domain 3: Inclusive leadership Domain score 7, from 3 of 3 outcomes rated/);
    assert.match(body, /Rating 3\/Excelling Owner \(Dept\/Lead\) Chief Nurse/);

    await analyst.get(EDS);
    assert.equal((await analyst.post(`${EDS}/thresholds`, { thresholds: 'nonsense' })).statusCode, 400);
    assert.equal((await analyst.post(`${EDS}/thresholds`, { thresholds: 'leeds' })).statusCode, 303);
    body = text((await viewer.get(EDS)).body);
    assert.match(body, /31 of 33: 3\/Excelling Read by the thresholds: As Leeds Teaching Hospitals publishes it \(Achieving 22 to 30\)/);
    assert.doesNotMatch(body, /This is Mirror's default/);

    const csv = (await viewer.get(`${EDS}.csv`)).body.trim().split('\n');
    assert.equal(csv[0], 'year,domain,domain_title,outcome,outcome_wording,evidence,rating,rating_name,owner');
    assert.equal(csv.length, 1 + 11 + 3 + 1);
    assert.match(csv.at(-1)!, /^2025,all,EDS Organisation Rating \(overall rating\),overall,.*,31,Excelling,$/);
    assert.match(csv.find((l) => l.startsWith('2025,2,Workforce health and well-being,2B,'))!, /WRES indicator 6 2025.*\(\/organisations\/ORGA\/2025\/indicators\/6\); Violence reduction plan \(https:\/\/example.nhs.uk\/vrp.pdf\)",3,Excelling,Director of People$/);
    assert.match(csv.find((l) => l.startsWith('2025,3,Inclusive leadership,Domain 3 total,'))!, /,7,,$/);

    // Back to the default for the other tests.
    await analyst.post(`${EDS}/thresholds`, { thresholds: 'guidance' });
  });

  test('year on year, and the publication reminder', async () => {
    await analyst.get('/organisations/ORGA/2024/eds/outcomes/1A');
    assert.equal((await analyst.post('/organisations/ORGA/2024/eds/outcomes/1A/agreed-rating', { rating: '1', owner: 'Chief Nurse' })).statusCode, 303);
    const body = text((await viewer.get(EDS)).body);
    assert.match(body, /Agreed ratings by year Outcome 2024 2025 1A 1\/Developing 3\/Excelling 1B Not rated 3\/Excelling/);
    assert.match(body, /Overall 1 so far, from 1 of 11 outcomes rated: no overall rating until every outcome has an agreed rating 31 of 33: 2\/Achieving/);
    // The clock is 5 December 2026: 2025's summary was due on 28 February 2025; the next is 2027's, in 85 days.
    assert.match(body, /by 28 February 2025 \(645 days ago\): the date has passed\. The next summary due is that of the reporting year 2027 \(April 2026 to March 2027\), by 28 February 2027 , in 85 days\./);
  });

  test('a viewer reads without forms and cannot change anything; changes and views are audited', async () => {
    const summary = (await viewer.get(EDS)).body;
    assert.doesNotMatch(summary, /Use these thresholds/);
    const outcome = (await viewer.get(`${EDS}/outcomes/3A`)).body;
    assert.doesNotMatch(outcome, /Attach evidence|Save the agreed rating/);
    assert.match(text(outcome), /The organisation's analysts and administrators attach evidence and record ratings/);
    assert.equal((await viewer.get(`${EDS}/outcomes/9Z`)).statusCode, 404);
    for (const [path, form] of [
      [`${EDS}/outcomes/3A/agreed-rating`, { rating: '0', owner: 'x' }], [`${EDS}/thresholds`, { thresholds: 'leeds' }], [`${EDS}/outcomes/3A/evidence`, { kind: 'figure', figure: 'wdes' }],
    ] as const) {
      assert.equal((await viewer.post(path, form)).statusCode, 403, path);
    }
    const events = await harness.store.audit.list({ limit: 500, offset: 0 });
    const agreed = events.filter((e) => e.action === 'eds-rating-agreed');
    assert.equal(agreed.length, 12);
    assert.ok(agreed.some((e) => e.subject === 'eds/2024/1A' && (e.details as { to: number }).to === 1));
    assert.deepEqual(events.filter((e) => e.action === 'eds-thresholds-chosen').map((e) => e.details).reverse(), [{ from: null, to: 'leeds' }, { from: 'leeds', to: 'guidance' }]);
    for (const action of ['eds-evidence-added', 'eds-evidence-removed', 'eds-stakeholder-rated'] as const) assert.ok(events.some((e) => e.action === action), action);
    assert.ok(events.some((e) => e.action === 'view' && e.subject === 'eds/2025'));
    assert.ok(events.some((e) => e.action === 'export' && e.subject === 'eds/2025.csv'));
  });
});
