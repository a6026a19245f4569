import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { LeadershipShare, MedicalReport } from '../../core/medical/report.ts';
import { tidyCsv } from '../../core/outputs/tidy-csv.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { medicalReportFor } from '../../services/standards-report-service.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

/** The text of the leadership table's row for a role, tags stripped and spaces squeezed. */
function leadershipRow(html: string, label: string): string {
  const table = html.slice(html.indexOf('id="leadership-caption"'), html.indexOf('id="consultant-appointment"'));
  const start = table.indexOf(`>${label}</th>`);
  assert.ok(start >= 0, `a row for ${label}`);
  return table.slice(start + 1, table.indexOf('</tr>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('the medical and dental workforce page', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let dir: string;
  let organisationId: number;
  let suppressed: MedicalReport;
  let open: MedicalReport;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-medical-'));
    await writeSyntheticTrust(join(dir, 'MEDT'), { year: 2025, seed: 3, staff: 2000 });
    await writeSyntheticTrust(join(dir, 'OLDM'), { year: 2025, seed: 4, staff: 300 });
    for (const code of ['MEDT', 'OLDM']) {
      const imported = await importFolder(harness.store, join(dir, code), {
        organisation: { code, name: `${code} trust` }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
    }
    organisationId = (await harness.store.organisations.byCode('MEDT'))!.id;
    const old = (await harness.store.organisations.byCode('OLDM'))!;
    // An import made before Mirror kept medical counts has every other count but these.
    const version = (await harness.store.imports.current(old.id, 2025))!;
    await (harness.store as KyselyStore).db.deleteFrom('standard_counts').where('import_version_id', '=', version.id).where('standard', '=', 'medical').execute();
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'viewer'], [old.id, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'analyst']] });
    suppressed = (await medicalReportFor(harness.store, organisationId, 2025, { suppressBreakdowns: true }))!;
    open = (await medicalReportFor(harness.store, organisationId, 2025, { suppressBreakdowns: false }))!;
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('indicators 1 to 4 for medical and dental staff, each with its counts, interval, statement, chart and table; audited', async () => {
    const page = await viewer.get('/organisations/MEDT/2025/medical');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Medical and dental workforce race equality 2025<\/h1>/);
    const i1 = suppressed.indicators['1'];
    assert.ok(page.body.includes(i1.statement));
    assert.ok(page.body.includes(`${i1.overall.ethnicMinority.count} (${i1.overall.ethnicMinority.pct!.toFixed(1)}%)`), 'indicator 1 counts');
    for (const id of ['2', '3', '4'] as const) {
      const r = suppressed.indicators[id];
      const section = page.body.slice(page.body.indexOf(`id="indicator-${id}"`), page.body.indexOf(id === '4' ? 'id="leadership"' : `id="indicator-${Number(id) + 1}"`));
      if (!r.available) {
        assert.ok(section.includes(r.reason));
        continue;
      }
      assert.ok(section.includes(r.statement), `indicator ${id} statement`);
      assert.ok(section.includes(`id="groups-caption-${id}"`), `indicator ${id} table captioned`);
      assert.ok(section.includes(`>${r.groups.ethnicMinority.events}</td>`) && section.includes(`>${r.groups.ethnicMinority.population}</td>`), `indicator ${id} counts`);
      if (r.ci95) assert.ok(page.body.includes(`${r.ci95[0].toFixed(2)} to ${r.ci95[1].toFixed(2)}`), `indicator ${id} interval`);
      if (r.smallNumbers) assert.ok(section.includes('It rests on small numbers'));
    }
    // A chart before each table: indicator 1, 2 to 4, the leaders and the consultant posts.
    const charts = (page.body.match(/<figure class="mirror-chart"><svg [^>]*role="img"/g) ?? []).length;
    const ratios = (['2', '3', '4'] as const).filter((id) => suppressed.indicators[id].available).length;
    assert.equal(charts, 1 + ratios + (suppressed.leadership ? 1 : 0) + (suppressed.consultantAppointment.available ? 1 : 0));
    assert.doesNotMatch(page.body, /BME|BAME/);
    assert.match(page.body, /<a href="\/organisations\/MEDT\/2025\/medical.csv" download>/);
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'medical/2025' && e.action === 'view' && e.organisationId === organisationId));
  });

  test('a small group of medical leaders is withheld for viewers, with the reason, and shown to the organisation’s analysts', async () => {
    assert.ok(suppressed.leadership && open.leadership);
    const withheld = suppressed.leadership.filter((l) => l.withheld);
    assert.ok(withheld.length > 0, 'the synthetic trust has a small group of leaders');
    const viewerPage = (await viewer.get('/organisations/MEDT/2025/medical')).body;
    const analystPage = (await analyst.get('/organisations/MEDT/2025/medical')).body;
    assert.match(viewerPage, /A role is withheld when it has 1 to 7 ethnic minority people or 1 to 7 others/);
    assert.doesNotMatch(viewerPage, /Small numbers are shown/);
    assert.match(analystPage, /Small numbers are shown/);
    for (const role of withheld) {
      assert.match(leadershipRow(viewerPage, role.label), /^.+ Withheld Withheld Withheld – Withheld: fewer than 8 people on one side, who could be identified$/);
      const shown: LeadershipShare = open.leadership.find((l) => l.role === role.role)!;
      assert.equal(
        leadershipRow(analystPage, role.label),
        `${role.label} ${shown.ethnicMinority.count} ${shown.white.count} ${shown.unknown.count} ${shown.total} ${shown.ethnicMinority.pct?.toFixed(1) ?? '–'}%${shown.ci95 ? ` ${shown.ci95[0].toFixed(1)}% to ${shown.ci95[1].toFixed(1)}%` : ' –'}${shown.smallNumbers ? ' Small numbers' : ''}`.replace('–%', '–'),
      );
    }
    const consultants = suppressed.leadership.find((l) => l.role === 'consultant')!;
    assert.ok(!consultants.withheld);
    assert.ok(leadershipRow(viewerPage, consultants.label).startsWith(`${consultants.label} ${consultants.ethnicMinority.count} ${consultants.total} ${consultants.ethnicMinority.pct!.toFixed(1)}%`));
  });

  test('the CSV is the command line’s, always with disclosure control, agrees with the page and is audited as an export', async () => {
    const expected = tidyCsv({ ...suppressed.indicators, leadership: suppressed.leadership, consultantAppointment: suppressed.consultantAppointment }, 'section');
    for (const browser of [viewer, analyst]) {
      const csv = await browser.get('/organisations/MEDT/2025/medical.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="medical-MEDT-2025.csv"/);
      assert.equal(csv.body, expected);
    }
    const rows = parse((await viewer.get('/organisations/MEDT/2025/medical.csv')).body, { columns: true }) as { section: string; path: string; measure: string; value: string }[];
    const value = (section: string, path: string, measure: string) => rows.find((r) => r.section === section && r.path === path && r.measure === measure)?.value;
    const page = (await viewer.get('/organisations/MEDT/2025/medical')).body;
    suppressed.leadership!.forEach((l, i) => {
      assert.equal(value('leadership', String(i), 'withheld'), String(l.withheld));
      if (!l.withheld) assert.ok(leadershipRow(page, l.label).includes(` ${value('leadership', `${i}.ethnicMinority`, 'count')} ${value('leadership', String(i), 'total')} `));
    });
    const r2 = suppressed.indicators['2'];
    if (r2.available && r2.value !== null) {
      assert.ok(page.includes(`Relative likelihood ${Number(value('2', '', 'value')).toFixed(2)}`));
      assert.equal(value('2', 'groups.white', 'events'), String(r2.groups.white.events));
    }
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'medical/2025.csv' && e.action === 'export'));
  });

  test('linked from the WRES dashboard and the overview, whose lines are the report’s statements', async () => {
    assert.match((await viewer.get('/organisations/MEDT/2025')).body, /<a href="\/organisations\/MEDT\/2025\/medical">Medical and dental workforce<\/a>/);
    const overview = (await viewer.get('/organisations/MEDT/2025/overview')).body;
    assert.match(overview, /<a href="\/organisations\/MEDT\/2025\/medical">Race in the medical and dental workforce<\/a>/);
    const r4 = suppressed.indicators['4'];
    if (r4.available) assert.ok(overview.includes(r4.statement));
  });

  test('a year not loaded, or another organisation, is not found; an import from before medical counts says to import again', async () => {
    assert.equal((await viewer.get('/organisations/MEDT/2024/medical')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MEDT/2024/medical.csv')).statusCode, 404);
    assert.equal((await analyst.get('/organisations/OLDM/2025/medical')).statusCode, 404);
    assert.equal((await analyst.get('/organisations/OLDM/2025/medical.csv')).statusCode, 404);
    const old = await viewer.get('/organisations/OLDM/2025/medical');
    assert.equal(old.statusCode, 200);
    assert.match(old.body, /imported before Mirror kept medical counts; import the year again/);
    assert.doesNotMatch(old.body, /mirror-chart/);
    assert.equal((await viewer.get('/organisations/OLDM/2025/medical.csv')).statusCode, 404);
    assert.match((await viewer.get('/organisations/OLDM/2025/overview')).body, /imported before Mirror kept medical counts; import the year again/);
  });
});
