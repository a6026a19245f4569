/**
 * The administrators' regional and national pages and CSV from kept figures (region_figures) are exactly those from
 * figures worked out from the whole reports: a demonstration region of small organisations (some figures withheld) is
 * viewed once on a new app, which works the figures out and keeps them, then on another new app over the same
 * database, which reads them. Every view is audited either way.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureDemoRegion } from '../../services/demo-loader.ts';
import { openDatabase } from '../../store/database.ts';
import { KyselyStore } from '../../store/kysely-store.ts';
import { addUser, Browser } from '../../web/auth/test-harness.ts';
import { buildApp } from '../../web/composition-root.ts';

const KEY = Buffer.alloc(32, 7);
const PASSWORD = 'a long enough password';
const PAGES = ['/national', '/national/figures.csv', '/regions/synthetic-region', '/regions/synthetic-region/figures.csv', '/national/wres/2', '/national/wdes/4a_patients', '/national?year=2024'];

let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-region-pages-'));
  const store = new KyselyStore(openDatabase({ dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }));
  await store.migrate();
  await ensureDemoRegion(store, { dataDir: dir, key: KEY, years: [2024, 2025], count: 4, staffScale: 0.05 });
  await addUser(store, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true });
  // Each import kept its figures as it was written; without them, as for imports from before the table, the first
  // view below works them out from the whole reports.
  await store.db.deleteFrom('region_figures').execute();
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Each page's body on a new app over the database, with how many figures are kept before and after, and the audit. */
async function viewOnNewApp() {
  const { app, services } = await buildApp(
    { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: KEY },
    { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
  );
  try {
    await app.ready();
    const kept = async () => (await (services.store as KyselyStore).db.selectFrom('region_figures').select('import_version_id').execute()).length;
    const keptBefore = await kept();
    const browser = new Browser(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: 'admin@example.nhs.uk', password: PASSWORD });
    const auditedBefore = (await services.store.audit.list({ limit: 1000, offset: 0 })).length;
    const bodies: string[] = [];
    for (const page of PAGES) {
      const response = await browser.get(page);
      assert.equal(response.statusCode, 200, page);
      // The form tokens and script nonces differ from one response to another; nothing else may.
      bodies.push(response.body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""').replace(/nonce="[0-9a-f]+"/g, 'nonce=""'));
    }
    const audited = (await services.store.audit.list({ limit: 1000, offset: 0 })).length - auditedBefore;
    return { bodies, keptBefore, keptAfter: await kept(), audited };
  } finally {
    await app.close();
    await services.store.close();
  }
}

test('the pages and CSV from kept figures are exactly those worked out from the whole reports, and audited', async () => {
  const workedOut = await viewOnNewApp();
  assert.equal(workedOut.keptBefore, 0);
  assert.equal(workedOut.keptAfter, 8, 'four organisations\' figures kept for each of two years');
  const read = await viewOnNewApp();
  assert.equal(read.keptBefore, 8);
  assert.equal(read.keptAfter, 8, 'nothing worked out again');
  assert.ok(workedOut.bodies[0]!.includes('Withheld') || workedOut.bodies[0]!.includes('withheld'), 'some figures are withheld');
  for (const [i, page] of PAGES.entries()) assert.equal(read.bodies[i], workedOut.bodies[i], page);
  assert.equal(workedOut.audited, PAGES.length);
  assert.equal(read.audited, PAGES.length);
});
