import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { nationalRatio, nationalTargetsOf } from '../../core/comparisons/national-figure.ts';
import { peerFunnels, type PeerOrganisation } from '../../core/comparisons/peer-funnels.ts';
import { SYNTHETIC_REGION, SYNTHETIC_REGION_TYPE, writeSyntheticRegion } from '../../demo/synthetic-region.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { COMPARE_CSV_HEADER, compareCsvRows } from './presenters.ts';
import { comparison } from './service.ts';

const PASSWORD = 'a long enough password';

interface PageRow { name: string; own: boolean; counts: string; value: string; limits95: string; limits998: string; position: string }

/** The rows of the table under indicator `id`'s funnel plot, as the page shows them. */
function pageTable(html: string, id: string): PageRow[] | null {
  const start = html.indexOf(`id="funnel-${id}-caption"`);
  if (start < 0) return null;
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr class="nhsuk-table__row">\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.trim());
    return {
      name: m[1]!.replace(/<strong[\s\S]*<\/strong>/, '').trim(), own: m[1]!.includes('Your organisation'),
      counts: cells[0]!, value: cells[1]!, limits95: cells[2]!, limits998: cells[3]!, position: cells[4]!,
    };
  });
}

/** Every count on a page row: "White: 52 of 153; ethnic minority: 34 of 140" or "6 of 20". */
function countsOnPage(text: string): number[] {
  return [...text.matchAll(/([\d,]+) of ([\d,]+)/g)].flatMap((m) => {
    const [events, people] = [Number(m[1]!.replaceAll(',', '')), Number(m[2]!.replaceAll(',', ''))];
    return [events, people, people - events];
  });
}

const disclosive = (n: number) => n > 0 && n < 8;

describe('comparisons between organisations', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    // Charts drawn on a real chart thread, as the running service draws them (web/charts/off-thread.ts).
    harness = await createHarness({ chartThreads: 1 });
    dir = mkdtempSync(join(tmpdir(), 'mirror-compare-'));
    const key = harness.services.pseudonymKey;
    const members = await writeSyntheticRegion(join(dir, 'region'), 2025, 3, { staffScale: 0.1 });
    for (const m of members) {
      const result = await importFolder(harness.store, join(dir, 'region', m.code), {
        organisation: { code: m.code, name: m.name, region: SYNTHETIC_REGION, type: SYNTHETIC_REGION_TYPE, synthetic: true },
        year: 2025, channel: 'cli', importedBy: null, key,
      });
      assert.ok(result.ok, m.code);
    }
    // One more organisation, elsewhere and of another type.
    await writeSyntheticTrust(join(dir, 'other'), { year: 2025, seed: 40, staff: 300, gapScale: 0.5 });
    assert.ok((await importFolder(harness.store, join(dir, 'other'), {
      organisation: { code: 'OTHER', name: 'Elsewhere Synthetic Mental Health Trust', region: 'Elsewhere', type: 'Mental health trust', synthetic: true },
      year: 2025, channel: 'cli', importedBy: null, key,
    })).ok);
    const own = (await harness.store.organisations.byCode('SYN02'))!;
    const other = (await harness.store.organisations.byCode('OTHER'))!;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer'], [other.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('funnel plots of indicators 2 to 8 with the member highlighted, each with its table, and the view audited', async () => {
    const page = await viewer.get('/organisations/SYN02/2025/compare');
    assert.equal(page.statusCode, 200);
    const body = page.body;
    assert.match(body, /Comparisons with other organisations, 2025/);
    assert.match(body, /organisation-level headline figures, as published in the national return/);
    assert.match(body, /never used or shown here/);
    let charts = 0;
    for (const id of ['2', '3', '4', '5', '6', '7', '8']) {
      assert.match(body, new RegExp(`<h2 id="indicator-${id}">`), `indicator ${id} heading`);
      const table = new RegExp(`id="funnel-${id}-caption">The numbers behind the indicator ${id} funnel plot`).test(body);
      // Small synthetic organisations may have too few disciplinary cases for indicator 3: the page says so.
      assert.ok(table || body.includes(`have a figure for indicator ${id} (`), `indicator ${id}: a table or why there is none`);
      if (table) charts += 1;
    }
    assert.ok(charts >= 6, `${charts} funnel plots`);
    assert.equal(body.match(/<svg [^>]*class="mirror-chart-svg"/g)?.length, charts, 'each chart followed by its table');
    assert.ok((harness.app.charts as unknown as { drawnOnThreads: () => number }).drawnOnThreads() >= charts, 'drawn on the chart thread');
    assert.match(body, /Your organisation lies (inside|above|below) the (95|99\.8)% limits/);
    assert.match(body, /<desc [^>]*>[^<]*Synthetic Region NHS Trust 02 [\d.]+%?, (inside|above|below) the/, 'the description places the highlighted organisation');
    assert.match(body, /Elsewhere Synthetic Mental Health Trust/, 'every organisation by default');
    const events = await harness.store.audit.list({ limit: 10, offset: 0 });
    assert.ok(events.some((e) => e.action === 'view' && e.subject === 'compare/2025/all'));
  });

  test('the peer group is chosen by region or type, and validated', async () => {
    const region = await viewer.get('/organisations/SYN02/2025/compare?peers=region');
    assert.equal(region.statusCode, 200);
    assert.doesNotMatch(region.body, /Elsewhere Synthetic Mental Health Trust/);
    assert.match(region.body, /<strong aria-current="page">Organisations in the same region \(Synthetic region\)<\/strong>/);
    const type = await viewer.get('/organisations/SYN02/2025/compare?peers=type');
    assert.equal(type.statusCode, 200);
    assert.doesNotMatch(type.body, /Elsewhere Synthetic Mental Health Trust/);
    const alone = await viewer.get('/organisations/OTHER/2025/compare?peers=region');
    assert.equal(alone.statusCode, 200);
    assert.match(alone.body, /Not enough organisations to compare/);
    assert.match(alone.body, /There is 1\./);
    assert.equal((await viewer.get('/organisations/SYN02/2025/compare?peers=everyone')).statusCode, 400);
    assert.equal((await viewer.get('/organisations/SYN02/2024/compare')).statusCode, 404);
  });

  test('a comparison stops once its signal is aborted (the client has gone); an unaborted signal changes nothing', async () => {
    const organisation = (await harness.store.organisations.byCode('SYN02'))!;
    const controller = new AbortController();
    const stopped = comparison(harness.services, 'WRES', organisation, 2025, 'all', controller.signal);
    controller.abort();
    await assert.rejects(stopped, { name: 'AbortError' });
    const plain = await comparison(harness.services, 'WRES', organisation, 2025, 'all');
    assert.ok(plain.peers.length > 1);
    assert.deepEqual((await comparison(harness.services, 'WRES', organisation, 2025, 'all', new AbortController().signal)).peers.map((p) => p.code), plain.peers.map((p) => p.code));
  });

  test('the overview answers "how do we compare?" with a small funnel plot beside each reading, and "will the targets be met?" with a picture per band', async () => {
    const page = await viewer.get('/organisations/SYN02/2025/overview');
    assert.equal(page.statusCode, 200);
    const compare = page.body.slice(page.body.indexOf('How do we compare with peers?'), page.body.indexOf('Will the targets be met?'));
    const readings = compare.match(/<div class="mirror-board-series">[\s\S]*?<\/div>/g) ?? [];
    assert.ok(readings.length >= 2, `${readings.length} funnel readings`);
    for (const r of readings) {
      const id = /<a href="\/organisations\/SYN02\/2025\/compare#indicator-(\d)">Indicator \1: Your organisation/.exec(r)?.[1];
      assert.ok(id, `a linked reading: ${r.slice(0, 300)}`);
      assert.match(r, new RegExp(`<title [^>]*>Indicator ${id}: your organisation among \\d+ organisations, 2025</title>`));
      // The picture's description places the organisation as the words do.
      const words = /lies (inside|above|below) the/.exec(r)?.[1];
      assert.ok(words);
      assert.match(r, new RegExp(`<desc [^>]*>[^<]*Synthetic Region NHS Trust 02[^<]*${words === 'inside' ? 'inside' : words}`));
    }
    const targets = page.body.slice(page.body.indexOf('Will the targets be met?'), page.body.indexOf('Race: Workforce Race Equality Standard'));
    const bands = targets.match(/<div class="mirror-board-series">[\s\S]*?<\/div>/g) ?? [];
    assert.equal(bands.length, 6);
    assert.match(bands[0]!, /<title [^>]*>Band 8a: ethnic minority share, trajectory and goal<\/title>/);
  });

  test('the dashboard links to the comparisons', async () => {
    const dashboard = await viewer.get('/organisations/SYN02/2025');
    assert.match(dashboard.body, /href="\/organisations\/SYN02\/2025\/compare">Comparisons with other organisations/);
  });

  test('the download has the figures of the page, withholds other organisations\' small counts, and is audited', async () => {
    const page = await viewer.get('/organisations/SYN02/2025/compare');
    assert.match(page.body, /<a href="\/organisations\/SYN02\/2025\/compare\.csv" download>Download these figures \(CSV\)<\/a>/);
    const download = await viewer.get('/organisations/SYN02/2025/compare.csv');
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(download.headers['content-disposition'], 'attachment; filename="compare-SYN02-2025.csv"');
    assert.equal(download.headers['cache-control'], 'no-store');
    const records = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(records[0]!), [...COMPARE_CSV_HEADER]);

    let compared = 0;
    let withheld = 0;
    for (const id of ['2', '3', '4', '5', '6', '7', '8']) {
      const shown = pageTable(page.body, id);
      const rows = records.filter((r) => r['indicator'] === id);
      if (!shown) {
        assert.equal(rows.length, 0, `indicator ${id} has no funnel, so the download has no rows for it`);
        continue;
      }
      assert.deepEqual(rows.map((r) => r['organisation_name']), shown.map((r) => r.name), `indicator ${id}: the same organisations in the same order`);
      const rate = Number(id) >= 5;
      const fmt = (v: string) => (rate ? `${Number(v).toFixed(1)}%` : Number(v).toFixed(2));
      for (const [i, row] of rows.entries()) {
        const onPage: PageRow = shown[i]!;
        assert.equal(row['your_organisation'], String(onPage.own));
        if (row['withheld'] !== '') {
          withheld += 1;
          assert.ok(!onPage.own, 'the member\'s own organisation is never withheld');
          assert.ok(countsOnPage(onPage.counts).some(disclosive), `${row['organisation_name']}, indicator ${id}: withheld only for a count of 1 to 7`);
          for (const column of ['white_events', 'white_people', 'ethnic_minority_events', 'ethnic_minority_people', 'value', 'ci95_low', 'ci95_high', 'limits95_low', 'limits95_high', 'limits998_low', 'limits998_high', 'position']) {
            assert.equal(row[column], '', `${column} is withheld`);
          }
          assert.match(row['withheld']!, /a count of 1 to 7/);
          continue;
        }
        if (!onPage.own) assert.ok(!countsOnPage(onPage.counts).some(disclosive), `${row['organisation_name']}, indicator ${id}: a small count left in the download`);
        if (onPage.value === '–') {
          assert.equal(row['value'], '');
          continue;
        }
        compared += 1;
        assert.equal(fmt(row['value']!), onPage.value, `${row['organisation_name']}, indicator ${id}: the figure`);
        assert.equal(`${fmt(row['limits95_low']!)} to ${fmt(row['limits95_high']!)}`, onPage.limits95);
        assert.equal(`${fmt(row['limits998_low']!)} to ${fmt(row['limits998_high']!)}`, onPage.limits998);
        assert.equal(row['position'], onPage.position);
        const counts = rate ? `${row['ethnic_minority_events']} of ${row['ethnic_minority_people']}`
          : id === '3' ? `Ethnic minority: ${row['ethnic_minority_events']} of ${row['ethnic_minority_people']}; White: ${row['white_events']} of ${row['white_people']}`
          : `White: ${row['white_events']} of ${row['white_people']}; ethnic minority: ${row['ethnic_minority_events']} of ${row['ethnic_minority_people']}`;
        assert.equal(counts, onPage.counts.replaceAll(',', ''));
        assert.ok(Number(row['ci95_low']) <= Number(row['value']) && Number(row['value']) <= Number(row['ci95_high']));
        assert.equal(row['target_source'], 'pooled');
      }
    }
    assert.ok(compared >= 20, `${compared} figures compared with the page`);
    assert.ok(withheld >= 1, 'the test data has a small count for disclosure control to withhold');
    const events = await harness.store.audit.list({ limit: 10, offset: 0 });
    assert.ok(events.some((e) => e.action === 'export' && e.subject === 'compare/2025/all.csv'));
  });

  test('the download follows the chosen peer group, and is refused to non-members and for an unknown group', async () => {
    const region = await viewer.get('/organisations/SYN02/2025/compare.csv?peers=region');
    assert.equal(region.statusCode, 200);
    assert.equal(region.headers['content-disposition'], 'attachment; filename="compare-SYN02-2025-region.csv"');
    const codes = new Set((parse(region.body, { columns: true }) as Record<string, string>[]).map((r) => r['organisation_code']));
    assert.ok(!codes.has('OTHER') && codes.has('SYN02'));
    const page = await viewer.get('/organisations/SYN02/2025/compare?peers=region');
    assert.match(page.body, /href="\/organisations\/SYN02\/2025\/compare\.csv\?peers=region"/);
    assert.equal((await viewer.get('/organisations/SYN01/2025/compare.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/SYN02/2024/compare.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/SYN02/2025/compare.csv?peers=everyone')).statusCode, 400);
    const alone = await viewer.get('/organisations/OTHER/2025/compare.csv?peers=region');
    assert.deepEqual(alone.body.trim().split('\n'), [COMPARE_CSV_HEADER.join(',')], 'too few organisations: the header only');
  });
});

test('download rows: another organisation with a count of 1 to 7 (people, events or non-events) is withheld, the member never', () => {
  const ratioInput = (white: [number, number], em: [number, number]) => ({
    available: true, orientation: { numerator: 'white', denominator: 'ethnicMinority' },
    groups: { white: { events: white[0], population: white[1] }, ethnicMinority: { events: em[0], population: em[1] } },
  });
  const no = { available: false } as const;
  const org = (code: string, white: [number, number], em: [number, number]): PeerOrganisation => ({
    code, name: `Organisation ${code}`,
    report: { year: 2025, indicators: { '2': ratioInput(white, em), '3': no, '4': no, '5': no, '6': no, '7': no, '8': no } },
  });
  const peers = [
    org('OWN', [5, 100], [20, 100]), // the member's own: 5 is small, but it is theirs
    org('SMALL', [30, 100], [6, 90]), // 6 ethnic minority appointed
    org('NEARLY', [95, 100], [40, 100]), // 5 White applicants not appointed
    org('BIG', [40, 100], [30, 100]),
  ];
  // Nationally 300 of 1,000 White and 200 of 1,000 ethnic minority applicants appointed: 1.5.
  const figure = { year: 2025, indicator: '2' as const, white: { events: 300, population: 1000 }, ethnicMinority: { events: 200, population: 1000 }, source: 'Table 1', enteredBy: 1, enteredAt: new Date() };
  const national = nationalRatio('2', figure);
  const result = peerFunnels(2025, peers, { nationalTargets: nationalTargetsOf([figure]) });
  const rows = compareCsvRows(result, 'OWN', { '2': { figure, ratio: national } });
  const by = new Map(rows.map((r) => [r[2], Object.fromEntries(COMPARE_CSV_HEADER.map((h, i) => [h, r[i]]))]));
  assert.equal(by.get('OWN')!['white_events'], 5);
  assert.equal(by.get('OWN')!['withheld'], '');
  for (const code of ['SMALL', 'NEARLY']) {
    assert.equal(by.get(code)!['white_events'], null, code);
    assert.equal(by.get(code)!['value'], null, code);
    assert.equal(by.get(code)!['limits95_low'], null, code);
    assert.equal(by.get(code)!['position'], null, code);
    assert.match(String(by.get(code)!['withheld']), /a count of 1 to 7/);
  }
  assert.equal(by.get('BIG')!['ethnic_minority_events'], 30);
  assert.equal(by.get('BIG')!['target'], national.value);
  assert.ok(Math.abs(Number(by.get('BIG')!['target']) - 1.5) < 1e-12);
  assert.equal(by.get('BIG')!['target_source'], 'national');
  assert.equal(by.get('BIG')!['national_white_people'], 1000);
  assert.equal(by.get('BIG')!['national_source'], 'Table 1');
  assert.equal(by.get('BIG')!['national_ci95_low'], national.ci95![0]);
});
