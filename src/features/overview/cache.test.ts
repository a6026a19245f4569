/**
 * The computed cache (services/computed-cache.ts) and the remembered charts never serve a stale figure: a new import
 * of the organisation's year, a new import of a peer's year and a changed national figure each change what the
 * overview shows, a new import changes the monthly page, and a viewer's and an analyst's pages are never mixed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const YEAR = 2025;
const CODES = ['CACA', 'CACB', 'CACC'] as const;

/** The page without what changes on every request (tokens, nonces). */
const figures = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '');

describe('cached pages are never stale', () => {
  let harness: Harness;
  let analyst: Browser;
  let viewer: Browser;
  let dir: string;
  let seed = 40;

  async function load(code: string, year = YEAR): Promise<void> {
    const folder = join(dir, `${code}-${year}-${seed}`);
    await writeSyntheticTrust(folder, { year, seed: seed++, staff: 300, applications: 3000 });
    const result = await importFolder(harness.store, folder, {
      organisation: { code, name: `Trust ${code}` }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
  }

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-cache-'));
    for (const code of CODES) await load(code);
    await load(CODES[0], YEAR - 1);
    const own = (await harness.store.organisations.byCode(CODES[0]))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const overview = `/organisations/${CODES[0]}/${YEAR}/overview`;
  const monthly = `/organisations/${CODES[0]}/${YEAR}/monthly/disciplinary`;

  async function page(browser: Browser, path: string): Promise<string> {
    const response = await browser.get(path);
    assert.equal(response.statusCode, 200);
    return figures(response.body);
  }

  test('asked again with nothing changed, the same page', async () => {
    assert.equal(await page(analyst, overview), await page(analyst, overview));
    assert.equal(await page(analyst, monthly), await page(analyst, monthly));
  });

  test("a new import of the organisation's year changes the overview and the monthly page", async () => {
    const [overviewBefore, monthlyBefore] = [await page(analyst, overview), await page(analyst, monthly)];
    await load(CODES[0]);
    assert.notEqual(await page(analyst, overview), overviewBefore);
    assert.notEqual(await page(analyst, monthly), monthlyBefore);
  });

  test("a new import of a peer's year changes the overview's comparison with peers", async () => {
    const before = await page(analyst, overview);
    assert.match(before, /Indicator 2: /);
    await load(CODES[1]);
    // Only the peer changed, so what differs is the comparison with peers (the funnels and their pictures).
    assert.notEqual(await page(analyst, overview), before);
  });

  test("a changed national figure changes the overview's comparison with peers", async () => {
    const administrator = (await harness.store.users.all())[0]!;
    const before = await page(analyst, overview);
    await harness.store.nationalFigures.upsert({
      year: YEAR, indicator: '2', white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: 9_000, population: 100_000 },
      source: 'Test publication', enteredBy: administrator.id,
    });
    const afterFirst = await page(analyst, overview);
    assert.notEqual(afterFirst, before);
    await harness.store.nationalFigures.upsert({
      year: YEAR, indicator: '2', white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: 25_000, population: 100_000 },
      source: 'Test publication', enteredBy: administrator.id,
    });
    assert.notEqual(await page(analyst, overview), afterFirst);
  });

  test("a viewer's and an analyst's pages are never mixed, whoever asks first", async () => {
    const withheld = (body: string) => (body.match(/withheld: fewer than 8 people in a count/g) ?? []).length;
    for (let round = 0; round < 2; round++) {
      const first = round === 0 ? viewer : analyst;
      const second = round === 0 ? analyst : viewer;
      const [a, b] = [await page(first, monthly), await page(second, monthly)];
      const [forViewer, forAnalyst] = round === 0 ? [a, b] : [b, a];
      assert.ok(withheld(forViewer) > 0);
      assert.equal(withheld(forAnalyst), 0);
    }
    assert.notEqual(await page(viewer, overview), await page(analyst, overview));
  });
});
