/**
 * A scope's headcount tables (WRES indicator 1 by band, WDES metric 1 by cluster, and the career ladder of each) as
 * a viewer reads them in the API, the CSV download and the page, for the demonstration trust's small HR and OD
 * directorate: no count of 1 to 7 is shown, and no withheld count can be worked out from the scope's own totals, from
 * the ladder's bands, or from the organisation's figure less the other directorates'. Analysts on screen see all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { createHarness, signedIn, type Browser, type Harness } from '../../web/auth/test-harness.ts';

const HR = 'directorate:HR and Organisational Development';
const small = (n: unknown) => typeof n === 'number' && n > 0 && n < 8;
// biome-ignore lint/suspicious/noExplicitAny: the reports' JSON, read as a reader would.
type Json = Record<string, any>;

/** Each count a share row shows, by name, null where withheld. */
function wresCounts(row: Json): Record<string, number | null> {
  return {
    total: row['total'], white: row['white'].count, ethnicMinority: row['ethnicMinority'].count, unknown: row['unknown'].count,
    notStated: row['unknown'].notStated, notKnown: row['unknown'].notKnown, missing: row['unknown'].missing,
  };
}

function wdesCounts(row: Json): Record<string, number | null> {
  return {
    total: row['total'], disabled: row['disabled'].count, nonDisabled: row['nonDisabled'].count, unknown: row['unknown'].count,
    notDeclared: row['unknown'].notDeclared, missing: row['unknown'].missing, declared: row['declarationRate'].declared,
  };
}

/** A total less the parts shown, where exactly one part is withheld: what a reader learns of it. */
function differences(total: Record<string, number | null>, parts: readonly Record<string, number | null>[]): number[] {
  const learnt: number[] = [];
  for (const [name, value] of Object.entries(total)) {
    if (value === null) continue;
    const withheld = parts.filter((p) => p[name] === null);
    if (withheld.length !== 1) continue;
    learnt.push(value - parts.reduce((sum, p) => sum + (p[name] ?? 0), 0));
  }
  return learnt;
}

describe('a scope\'s headcount tables withhold small counts for anyone outside the analysts\' view', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let dir: string;
  let directorates: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-scoped-shares-'));
    const folder = join(dir, '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 1 });
    harness = await createHarness();
    const imported = await importFolder(harness.store, folder, {
      organisation: { code: 'SYN01', name: 'Synthetic NHS Trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(imported.ok);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: 'a long enough password', memberships: [[imported.version.organisationId, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: 'a long enough password', memberships: [[imported.version.organisationId, 'analyst']] });
    const error = JSON.parse((await viewer.get('/api/v1/organisations/SYN01/wres/2025?scope=directorate:None')).body).error as string;
    directorates = error.slice(error.indexOf(': ') + 2).split(', ');
    assert.ok(directorates.includes('HR and Organisational Development'), error);
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (standard: string, scope: string | null): Promise<Json> => {
    const response = await viewer.get(`/api/v1/organisations/SYN01/${standard}/2025${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`);
    assert.equal(response.statusCode, 200, response.body);
    return JSON.parse(response.body);
  };

  test('WRES indicator 1 and its career ladder: no count of 1 to 7, none recoverable from the totals', async () => {
    const i1 = (await api('wres', HR)).indicators['1'];
    assert.equal(i1.available, true);
    assert.ok(i1.rows.some((r: Json) => r.suppressed === true), 'the directorate has small bands, so some are withheld');
    for (const row of [i1.overall, ...i1.rows]) {
      for (const [name, n] of Object.entries(wresCounts(row))) assert.ok(!small(n), `${row.row ?? 'overall'} ${name}: ${n}`);
    }
    assert.ok(!small(i1.bankOnlyExcluded));
    for (const step of i1.pipeline.steps) assert.ok(!small(step.white) && !small(step.ethnicMinority), `${step.band}: ${step.white}, ${step.ethnicMinority}`);
    for (const n of differences(wresCounts(i1.overall), i1.rows.map(wresCounts))) assert.ok(!small(n), `the overall less the rows shown gives ${n}`);
    for (const step of i1.pipeline.steps) {
      const parts = i1.rows.filter((r: Json) => r.cluster !== 'medical' && r.row === step.band).map((r: Json) => ({ white: r.white.count, ethnicMinority: r.ethnicMinority.count }));
      for (const n of differences({ white: step.white, ethnicMinority: step.ethnicMinority }, parts)) assert.ok(!small(n), `${step.band} less its rows shown gives ${n}`);
      if (step.white === null) assert.equal(step.cumulative?.value ?? null, null, 'a withheld band has no ratio');
    }
    const shown = i1.rows.filter((r: Json) => r.suppressed !== true);
    assert.ok(shown.some((r: Json) => r.total > 0), 'rows that protect no one are still shown');
  });

  test('sibling directorates cannot be subtracted from the organisation\'s figure', async () => {
    for (const [standard, indicator, rowsOf, counts] of [
      ['wres', '1', 'rows', wresCounts], ['wdes', '1', 'clusters', wdesCounts],
    ] as const) {
      const whole = (await api(standard, null))[standard === 'wres' ? 'indicators' : 'metrics'][indicator];
      const scopes = [];
      for (const name of directorates) scopes.push((await api(standard, `directorate:${name}`))[standard === 'wres' ? 'indicators' : 'metrics'][indicator]);
      for (const [i, row] of whole[rowsOf].entries()) {
        for (const n of differences(counts(row), scopes.map((s) => counts(s[rowsOf][i])))) assert.ok(!small(n), `${standard} ${row.row}: the organisation less the other directorates gives ${n}`);
      }
      for (const n of differences(counts(whole.overall), scopes.map((s) => counts(s.overall)))) assert.ok(!small(n), `${standard} overall: ${n}`);
    }
  });

  test('a scope\'s headline populations (its headcount by group) do not give back a withheld band', async () => {
    for (const name of directorates) {
      const { indicators } = await api('wres', `directorate:${name}`);
      for (const id of ['3', '4']) {
        const figure = indicators[id];
        if (figure.available === false) continue;
        assert.equal(figure.groups.unknown.events, null, `${name} ${id}: staff of unknown ethnicity are not a compared group, and are withheld`);
        const known = { white: figure.groups.white.population, ethnicMinority: figure.groups.ethnicMinority.population };
        const rows = indicators['1'].rows.map((r: Json) => ({ white: r.white.count, ethnicMinority: r.ethnicMinority.count }));
        for (const n of differences(known, rows)) assert.ok(!small(n), `${name}: indicator ${id}'s population less the bands shown gives ${n}`);
      }
    }
  });

  test('WDES metric 1 and its ladder: no count of 1 to 7', async () => {
    const m1 = (await api('wdes', HR)).metrics['1'];
    for (const row of [m1.overall, ...m1.clusters]) {
      for (const [name, n] of Object.entries(wdesCounts(row))) assert.ok(!small(n), `${row.row ?? 'overall'} ${name}: ${n}`);
    }
    for (const step of m1.pipeline.steps) assert.ok(!small(step.disabled) && !small(step.nonDisabled), `${step.band}: ${step.disabled}, ${step.nonDisabled}`);
    assert.doesNotMatch(m1.statement, /\d+\.\d% of the workforce have told/, 'the overall share rests on 5 Disabled staff');
  });

  test('the medical workforce of a directorate (WRES for medical and dental staff): no count of 1 to 7 in indicator 1', async () => {
    let checked = 0;
    for (const name of directorates) {
      const m1 = (await api('medical', `directorate:${name}`)).indicators['1'];
      if (m1.available !== true) continue;
      for (const row of [m1.overall, ...m1.rows]) {
        checked++;
        for (const [count, n] of Object.entries(wresCounts(row))) assert.ok(!small(n), `${name}, ${row.row ?? 'overall'} ${count}: ${n}`);
      }
      for (const step of m1.pipeline?.steps ?? []) assert.ok(!small(step.white) && !small(step.ethnicMinority), `${name}, ${step.band}`);
    }
    assert.ok(checked > 0, 'some directorate has a medical workforce to check');
    const page = await viewer.get(`/organisations/SYN01/2025/standards/medical?scope=${encodeURIComponent('directorate:Clinical Support Services')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /shares of the workforce of [^<]*Clinical Support Services[^<]* are withheld/);
  });

  test('the CSV download has no count of 1 to 7 in indicator 1; the page says the shares are withheld', async () => {
    const csv = await viewer.get(`/organisations/SYN01/2025/wres.csv?scope=${encodeURIComponent(HR)}`);
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trim().split('\n').slice(1).map((l) => l.split(','));
    const counts = lines.filter((c) => c[1] === '1' && ['count', 'not_stated', 'not_known', 'missing'].includes(c[5]!));
    assert.ok(counts.length > 0);
    for (const c of counts) assert.ok(!small(Number(c[6])), c.join(','));
    assert.ok(lines.some((c) => c[1] === '1' && c[5] === 'suppressed'), 'withheld rows say so');

    const viewers = await viewer.get(`/organisations/SYN01/2025/standards/wdes?scope=${encodeURIComponent(HR)}`);
    assert.equal(viewers.statusCode, 200);
    assert.doesNotMatch(viewers.body, /5\.5% of the workforce have told/);
    const analysts = await analyst.get(`/organisations/SYN01/2025/standards/wdes?scope=${encodeURIComponent(HR)}`);
    assert.match(analysts.body, /5\.5% of the workforce have told the organisation they are Disabled/, 'analysts on screen see everything');
  });
});
