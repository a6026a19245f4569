/**
 * `node --import tsx bench/regions.bench.ts`: the national view (issue 15 item 6) over 220 synthetic organisations
 * in seven regions, through the real app (`app.inject` over a SQLite store in a temporary folder), signed in as an
 * administrator. Ten synthetic trusts of different sizes and gaps (`ensureDemoRegion`, the same generator as
 * `mirror demo --region`) are imported for 2024 and 2025; 220 organisations are then written with one of their 2025
 * imports each (counts and records copied, so every organisation's report is computed from stored counts as a real
 * one is). Timed, each beside the start page on the same app as the plain reference:
 * - the national page on a new app (empty memory caches), first with no figures kept (the first view after the
 *   imports: all 220 organisations' WRES and WDES reports worked out from their stored counts and protected, their
 *   headline figures kept in region_figures), then with them kept (any later start: 220 rows read), every indicator
 *   rolled up either way; and warm (asked again);
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

/** A new app (so new, empty memory caches) over a fresh copy of a database (`from`), signed in as an administrator. */
async function freshApp(root: string, run: number | string, from = 'nation') {
  const dir = join(root, `run-${run}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, from, 'mirror.sqlite'), join(dir, 'mirror.sqlite'));
  const { app, services } = await buildApp(
    { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: KEY },
    { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
  );
  await app.ready();
  forgetCharts();
  // A copy kept from an earlier app has the administrator already.
  if (!(await services.store.users.byEmail('bench@example.nhs.uk'))) await addUser(services.store, { email: 'bench@example.nhs.uk', password: PASSWORD, administrator: true });
  const browser = new Browser(app);
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: 'bench@example.nhs.uk', password: PASSWORD });
  const get = async (path: string) => {
    const response = await browser.get(path);
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
    return response.body;
  };
  /** Closes the app and removes its copy of the database, or keeps the copy as `keep`/mirror.sqlite. */
  const close = async (options: { keep?: string } = {}) => {
    await app.close();
    await services.store.close();
    if (options.keep) {
      mkdirSync(options.keep, { recursive: true });
      copyFileSync(join(dir, 'mirror.sqlite'), join(options.keep, 'mirror.sqlite'));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { get, close };
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

    // Cold: the national page first on a new app, beside the start page on the same app; with no figures kept (the
    // first view after the imports), then with them kept (any later start).
    const coldRuns = async (from: string) => {
      const cold: number[] = [];
      const coldReference: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const app = await freshApp(root, `${from}-${run}`, from);
        coldReference.push(await timed(() => app.get('/')));
        cold.push(await timed(async () => {
          const body = await app.get(PAGES.national);
          if (!body.includes(`every one of the ${ORGANISATIONS} organisations`)) throw new Error('the national page does not show every organisation');
        }));
        await app.close();
      }
      return { cold, coldReference };
    };
    const coldReport = (name: string, words: string, { cold, coldReference }: { cold: number[]; coldReference: number[] }) =>
      report(name, `The national page, first visit after start, ${words} (${ORGANISATIONS} organisations, ${RUNS} runs):`,
        { mirror: 'Mirror (national, cold)', reference: 'Reference (start page, cold)' }, {
          date: new Date().toISOString(), node: process.version, organisations: ORGANISATIONS,
          mirrorMedianMs: Math.round(median(cold)), referenceMedianMs: Math.round(median(coldReference)),
          ratioToReference: Number((median(cold) / median(coldReference)).toFixed(2)), peakRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
        });
    coldReport('regions-national-cold-unkept', 'no figures kept yet', await coldRuns('nation'));
    // Kept: the national page viewed once on the database, as after the first view.
    const priming = await freshApp(root, 'priming');
    await priming.get(PAGES.national);
    await priming.close({ keep: join(root, 'kept') });
    coldReport('regions-national-cold', 'figures kept', await coldRuns('kept'));

    // Warm: each page asked again on one app, beside the start page asked again.
    const app = await freshApp(root, 'warm', 'kept');
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
