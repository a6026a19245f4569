/**
 * `npm run bench` (third part): the overview and the monthly page through the real app (`app.inject` over a SQLite
 * store in a temporary folder) for the demonstration trust among a synthetic region of 8 organisations over two
 * years: the first visit after start (cold: a new app over the same database, nothing computed yet) and a visit
 * asked again (warm: from the computed cache and the remembered charts). Each is timed beside a plain reference on
 * the same run: the start page (the list of organisations) through the same app, signed in the same way, so the
 * ratio is what the page costs beyond a page with no figures. Nothing here asserts a time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, report, timeAgainstReference } from './compare-with-reference.ts';
import { DEMO_ORGANISATION, ensureDemoRegion } from '../src/services/demo-loader.ts';
import { openDatabase } from '../src/store/database.ts';
import { KyselyStore } from '../src/store/kysely-store.ts';
import { addUser, Browser } from '../src/web/auth/test-harness.ts';
import { forgetCharts } from '../src/web/charts/memo.ts';
import { buildApp } from '../src/web/composition-root.ts';

const SCALE = Number(process.env['BENCH_STAFF_SCALE'] ?? 0.5);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const YEAR = 2025;
const KEY = Buffer.alloc(32, 9);
const PASSWORD = 'a long enough password';
const PAGES = { overview: `/organisations/${DEMO_ORGANISATION.code}/${YEAR}/overview`, monthly: `/organisations/${DEMO_ORGANISATION.code}/${YEAR}/monthly` };

/** A new app (so a new, empty computed cache) over a fresh copy of the region's database, signed in as an analyst. */
async function freshApp(root: string, run: number) {
  const dir = join(root, `run-${run}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'region', 'mirror.sqlite'), join(dir, 'mirror.sqlite'));
  const { app, services } = await buildApp(
    { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: KEY },
    { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
  );
  await app.ready();
  forgetCharts();
  const organisation = (await services.store.organisations.byCode(DEMO_ORGANISATION.code))!;
  await addUser(services.store, { email: 'bench@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
  const browser = new Browser(app);
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: 'bench@example.nhs.uk', password: PASSWORD });
  const get = async (path: string) => {
    const response = await browser.get(path);
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
  };
  return { get, close: async () => { await app.close(); await services.store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mirror-bench-pages-'));
  try {
    const setupStart = performance.now();
    const store = new KyselyStore(openDatabase({ dialect: 'sqlite', file: join(root, 'region', 'mirror.sqlite') }));
    await store.migrate();
    await ensureDemoRegion(store, { dataDir: join(root, 'region'), key: KEY, years: [YEAR - 1, YEAR], count: 8, staffScale: SCALE });
    await store.close();
    const setupMs = performance.now() - setupStart;

    for (const [name, path] of Object.entries(PAGES)) {
      // Cold: the first visit to the page on a new app, beside the first visit to the start page on the same app.
      const cold: number[] = [];
      const coldReference: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const app = await freshApp(root, run);
        coldReference.push(await timed(() => app.get('/')));
        cold.push(await timed(() => app.get(path)));
        await app.close();
      }
      // Warm: the page asked again on one app, beside the start page asked again.
      const app = await freshApp(root, RUNS);
      await app.get(path);
      await app.get('/');
      const warm = await timeAgainstReference(RUNS * 3, () => app.get(path), () => app.get('/'));
      await app.close();
      const coldResult = {
        mirrorMedianMs: Math.round(median(cold)), referenceMedianMs: Math.round(median(coldReference)),
        ratioToReference: Number((median(cold) / median(coldReference)).toFixed(2)), peakRssMiB: warm.peakRssMiB,
      };
      report(`pages-${name}-cold`, `The ${name} page, first visit after start (8 organisations, ${RUNS} runs):`,
        { mirror: `Mirror (${name}, cold)`, reference: 'Reference (start page, cold)' }, { date: new Date().toISOString(), node: process.version, ...coldResult });
      report(`pages-${name}-warm`, `The ${name} page, asked again (${RUNS * 3} runs):`,
        { mirror: `Mirror (${name}, warm)`, reference: 'Reference (start page, warm)' }, { date: new Date().toISOString(), node: process.version, ...warm });
    }
    console.log(`Set up the region (staff scale ${SCALE}) in ${Math.round(setupMs)} ms.`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
