/**
 * `node --import tsx bench/regions.bench.ts`: the national view (issue 15 item 6) over 220 synthetic organisations
 * in seven regions, through the real app (`app.inject` over a SQLite store in a temporary folder), signed in as an
 * administrator. Ten synthetic trusts of different sizes and gaps (`ensureDemoRegion`, the same generator as
 * `mirror demo --region`) are imported for 2024 and 2025; 220 organisations are then written with one of their 2025
 * imports each (counts and records copied, so every organisation's report is computed from stored counts as a real
 * one is). Timed, each beside the start page on the same app as the plain reference:
 * - the national page cold (a new app, so an empty computed cache: all 220 organisations' WRES and WDES reports
 *   computed from their stored counts, every indicator rolled up) and warm (asked again: reports from the cache);
 * - one indicator's page warm (its funnel plot of 220 points and the league table).
 * Nothing here asserts a time. BENCH_STAFF_SCALE (default 0.2) scales the template trusts; BENCH_RUNS (default 5).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, report, timeAgainstReference } from './compare-with-reference.ts';
import { regionMembers } from '../src/demo/synthetic-region.ts';
import { ensureDemoRegion } from '../src/services/demo-loader.ts';
import { openDatabase } from '../src/store/database.ts';
import { KyselyStore } from '../src/store/kysely-store.ts';
import { addUser, Browser } from '../src/web/auth/test-harness.ts';
import { forgetCharts } from '../src/web/charts/memo.ts';
import { buildApp } from '../src/web/composition-root.ts';

const SCALE = Number(process.env['BENCH_STAFF_SCALE'] ?? 0.2);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const ORGANISATIONS = 220;
const TEMPLATES = 10;
const YEAR = 2025;
const KEY = Buffer.alloc(32, 9);
const PASSWORD = 'a long enough password';
const REGIONS = ['East of England', 'London', 'Midlands', 'North East and Yorkshire', 'North West', 'South East', 'South West'] as const;
const TYPES = ['Acute trust', 'Mental health trust', 'Community trust', 'Ambulance trust'] as const;
const STANDARDS = ['wres', 'wdes', 'medical', 'paygap'] as const;
const PAGES = { national: '/national', indicator: '/national/wres/2' };

async function setUp(file: string, dataDir: string): Promise<void> {
  const store = new KyselyStore(openDatabase({ dialect: 'sqlite', file }));
  await store.migrate();
  await ensureDemoRegion(store, { dataDir, key: KEY, years: [YEAR - 1, YEAR], count: TEMPLATES, staffScale: SCALE });
  const templates = [];
  for (const member of regionMembers(TEMPLATES)) {
    const organisation = (await store.organisations.byCode(member.code))!;
    const version = (await store.imports.current(organisation.id, YEAR))!;
    const standardCounts: Record<string, unknown> = {};
    for (const id of STANDARDS) {
      const counts = await store.imports.standardCountsOf(version.id, id);
      if (counts !== null) standardCounts[id] = counts;
    }
    templates.push({ version, standardCounts, records: await store.imports.records(version.id) });
  }
  for (let i = 1; i <= ORGANISATIONS - TEMPLATES; i++) {
    const t = templates[i % TEMPLATES]!;
    const code = `BEN${String(i).padStart(3, '0')}`;
    await store.imports.create({
      organisation: { code, name: `Benchmark NHS Trust ${String(i).padStart(3, '0')}`, region: REGIONS[i % REGIONS.length]!, type: TYPES[i % TYPES.length]!, synthetic: true },
      year: YEAR, importedBy: null, channel: 'demo', sources: t.version.sources, notes: t.version.notes, records: t.records, standardCounts: t.standardCounts,
    });
  }
  await store.close();
}

/** A new app (so a new, empty computed cache) over a fresh copy of the database, signed in as an administrator. */
async function freshApp(root: string, run: number) {
  const dir = join(root, `run-${run}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'nation', 'mirror.sqlite'), join(dir, 'mirror.sqlite'));
  const { app, services } = await buildApp(
    { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: KEY },
    { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
  );
  await app.ready();
  forgetCharts();
  await addUser(services.store, { email: 'bench@example.nhs.uk', password: PASSWORD, administrator: true });
  const browser = new Browser(app);
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: 'bench@example.nhs.uk', password: PASSWORD });
  const get = async (path: string) => {
    const response = await browser.get(path);
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
    return response.body;
  };
  return { get, close: async () => { await app.close(); await services.store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mirror-bench-regions-'));
  try {
    const setupStart = performance.now();
    mkdirSync(join(root, 'nation'), { recursive: true });
    await setUp(join(root, 'nation', 'mirror.sqlite'), join(root, 'nation'));
    const setupMs = performance.now() - setupStart;

    // Cold: the national page first on a new app, beside the start page on the same app.
    const cold: number[] = [];
    const coldReference: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const app = await freshApp(root, run);
      coldReference.push(await timed(() => app.get('/')));
      cold.push(await timed(async () => {
        const body = await app.get(PAGES.national);
        if (!body.includes(`every one of the ${ORGANISATIONS} organisations`)) throw new Error('the national page does not show every organisation');
      }));
      await app.close();
    }
    report('regions-national-cold', `The national page, first visit after start (${ORGANISATIONS} organisations, ${RUNS} runs):`,
      { mirror: 'Mirror (national, cold)', reference: 'Reference (start page, cold)' }, {
        date: new Date().toISOString(), node: process.version, organisations: ORGANISATIONS,
        mirrorMedianMs: Math.round(median(cold)), referenceMedianMs: Math.round(median(coldReference)),
        ratioToReference: Number((median(cold) / median(coldReference)).toFixed(2)), peakRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      });

    // Warm: each page asked again on one app, beside the start page asked again.
    const app = await freshApp(root, RUNS);
    for (const [name, path] of Object.entries(PAGES)) {
      await app.get(path);
      await app.get('/');
      const warm = await timeAgainstReference(RUNS * 3, () => app.get(path), () => app.get('/'));
      report(`regions-${name}-warm`, `The ${name} page (${path}), asked again (${RUNS * 3} runs):`,
        { mirror: `Mirror (${name}, warm)`, reference: 'Reference (start page, warm)' }, { date: new Date().toISOString(), node: process.version, organisations: ORGANISATIONS, ...warm });
    }
    await app.close();
    console.log(`Set up ${ORGANISATIONS} organisations (staff scale ${SCALE}) in ${Math.round(setupMs)} ms.`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
