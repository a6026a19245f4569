/**
 * Viewers' report pages are kept rendered (web/page-cache.ts, through sendYearPage): a repeated page is a lookup,
 * never another's. Each request's own parts (nonce, CSRF token, name in the header) are filled in per request; the
 * page as sent is byte for byte the page a fresh render gives with them; another organisation, a new import, a
 * peer's import, a changed national figure or region is a fresh page; the analyst's view is never kept; membership
 * and the audit are checked and written on every request, kept page or not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { importFolder } from '../services/import-service.ts';
import type { Role } from '../store/store.ts';
import { addUser, Browser, createHarness, type Harness } from './auth/test-harness.ts';
import { createPageCache, fillPage, keptPage, pageCache, pageKey, PLACEHOLDERS, StalePageError, verifyFromEnv } from './page-cache.ts';
import type { Renderer } from './render.ts';

const PASSWORD = 'a long enough password';
const YEAR = 2025;
const CODES = ['PCA', 'PCB', 'PCC'] as const;
const BASE = `/organisations/${CODES[0]}/${YEAR}`;
const PAGES = [
  BASE, `${BASE}/indicators/2`, `${BASE}/indicators/2/staffGroup`, `${BASE}/wdes`, `${BASE}/wdes/trends`, `${BASE}/wdes/2/staffGroup`, `${BASE}/overview`,
  `${BASE}/compare`, `${BASE}/compare?peers=region`, `${BASE}/wdes/compare`, `${BASE}/monthly`, `${BASE}/wdes/monthly/capability`,
] as const;

interface Person {
  readonly browser: Browser;
  readonly name: string;
  /** The session's CSRF token, as the account page (rendered afresh, never kept) carries it. */
  readonly token: string;
}

const nonceOf = (response: LightMyRequestResponse) => /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1] ?? '';

// These tests count builds and renders themselves; checking each kept page against a fresh build (what the test
// runner asks of every other test) would add renders. Read when the store's page cache is made, at its first use.
process.env['MIRROR_VERIFY_PAGE_CACHE'] = '0';

describe('rendered viewer pages are kept and filled per request, never shared across people or organisations', () => {
  let harness: Harness;
  let dir: string;
  let seed = 300;
  let render: Renderer;
  /** Every render of a report page's template: the context it was given. */
  const renders: { template: string; context: Record<string, unknown> }[] = [];
  let viewerA: Person;
  let viewerB: Person;
  let viewerOther: Person;
  let analyst: Person;

  async function load(code: string, region = 'North'): Promise<void> {
    const folder = join(dir, `${code}-${seed}`);
    await writeSyntheticTrust(folder, { year: YEAR, seed: seed++, staff: 300, applications: 2000 });
    const result = await importFolder(harness.store, folder, {
      organisation: { code, name: `Trust ${code}`, region }, year: YEAR, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
  }

  async function person(email: string, name: string, memberships: [number, Role][]): Promise<Person> {
    await addUser(harness.store, { email, displayName: name, password: PASSWORD, memberships });
    const browser = new Browser(harness.app);
    await browser.get('/sign-in');
    assert.equal((await browser.post('/sign-in', { email, password: PASSWORD })).statusCode, 303);
    const account = await browser.get('/account');
    assert.equal(account.statusCode, 200);
    return { browser, name, token: browser.lastCsrf };
  }

  const builds = () => pageCache(harness.store).stats().builds;
  const views = async () => (await harness.store.audit.list({ limit: 10_000, offset: 0 })).filter((e) => e.action === 'view').length;

  /** The page as a fresh render gives it to `who`: the kept page's context with their own parts, rendered again. */
  /**
   * The template rendered afresh from the context the page was rendered from, with the person's own parts. Charts are
   * drawn once a page is rendered (charts/off-thread.ts), so the context holds placeholders where the page has
   * pictures: both are written as <chart> (that each placeholder becomes its picture is off-thread.test.ts's work).
   */
  function freshRender(template: string, context: Record<string, unknown>, who: Person, nonce: string): string {
    const user = context['currentUser'] as Record<string, unknown>;
    return withoutCharts(render(template, { ...context, currentUser: { ...user, displayName: who.name }, csrfToken: who.token, cspNonce: nonce }));
  }
  const withoutCharts = (html: string) => html.replace(/<svg [\s\S]*?<\/svg>|<!--mirror-chart-\w+-\d+-->/g, '<chart>');

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-page-cache-'));
    for (const code of CODES) await load(code);
    render = harness.services.render;
    (harness.services as { render: Renderer }).render = (template, context) => {
      renders.push({ template, context });
      return render(template, context);
    };
    const [a, b] = [(await harness.store.organisations.byCode(CODES[0]))!, (await harness.store.organisations.byCode(CODES[1]))!];
    // A name with every character HTML escapes (and some beyond ASCII), so the filling must escape and encode exactly as
    // the template does.
    viewerA = await person('a@example.nhs.uk', `Ann O'Néil & <Co> "Ā" \\`, [[a.id, 'viewer']]);
    viewerB = await person('b@example.nhs.uk', 'Bob Brown', [[a.id, 'viewer']]);
    viewerOther = await person('c@example.nhs.uk', 'Cat Other', [[b.id, 'viewer']]);
    analyst = await person('d@example.nhs.uk', 'Dee Analyst', [[a.id, 'analyst']]);
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("(a, e) two viewers of one organisation: one build; each gets their own nonce, token and name, byte for byte a fresh render's", async () => {
    for (const path of PAGES) {
      renders.length = 0;
      const built = builds();
      const first = await viewerA.browser.get(path);
      assert.equal(first.statusCode, 200, path);
      assert.equal(builds(), built + 1, `${path}: built once`);
      assert.equal(renders.length, 1, path);
      const { template, context } = renders[0]!;
      assert.equal(context['cspNonce'], PLACEHOLDERS.nonce, `${path}: rendered with placeholders`);
      assert.equal(withoutCharts(first.body), freshRender(template, context, viewerA, nonceOf(first)), `${path}: A's page is a fresh render's`);
      assert.doesNotMatch(first.body, /<!--mirror-chart-/, `${path}: every chart drawn`);

      const viewed = await views();
      const second = await viewerB.browser.get(path);
      assert.equal(second.statusCode, 200, path);
      assert.equal(builds(), built + 1, `${path}: B's page is the kept one`);
      assert.equal(renders.length, 1, `${path}: nothing rendered for B`);
      assert.equal(await views(), viewed + 1, `${path}: B's view is audited though the page was kept`);
      const nonce = nonceOf(second);
      assert.ok(nonce && nonce !== nonceOf(first), path);
      assert.equal(withoutCharts(second.body), freshRender(template, context, viewerB, nonce), `${path}: B's page is a fresh render's`);
      assert.ok(second.body.includes('Bob Brown') && second.body.includes(viewerB.token) && second.body.includes(`nonce="${nonce}"`), path);
      for (const leak of [nonceOf(first), viewerA.token, 'Ann O', PLACEHOLDERS.nonce.slice(0, 20)]) assert.ok(!second.body.includes(leak), `${path}: ${leak}`);

      // B's own build (another address, the same page: nothing shows the query string) is the page B was given from
      // A's: nothing of A's request went into the kept page.
      const own = await viewerB.browser.get(`${path}${path.includes('?') ? '&' : '?'}fresh=1`);
      assert.equal(builds(), built + 2, path);
      assert.equal(own.body.replaceAll(nonceOf(own), 'NONCE'), second.body.replaceAll(nonce, 'NONCE'), `${path}: B's own build is the same page`);
    }
  });

  test('the header and links that depend on the person are in the key: an analyst elsewhere or an administrator gets their own page', async () => {
    const b = (await harness.store.organisations.byCode(CODES[1]))!;
    const a = (await harness.store.organisations.byCode(CODES[0]))!;
    const elsewhere = await person('e@example.nhs.uk', 'Eve Elsewhere', [[a.id, 'viewer'], [b.id, 'analyst']]);
    await addUser(harness.store, { email: 'f@example.nhs.uk', displayName: 'Fay Admin', administrator: true, password: PASSWORD, memberships: [[a.id, 'viewer']] });
    const admin = new Browser(harness.app);
    await admin.get('/sign-in');
    assert.equal((await admin.post('/sign-in', { email: 'f@example.nhs.uk', password: PASSWORD })).statusCode, 303);
    await viewerA.browser.get(BASE);
    assert.doesNotMatch((await viewerA.browser.get(BASE)).body, /href="\/import"/);
    let built = builds();
    assert.match((await elsewhere.browser.get(BASE)).body, /href="\/import"/, "an analyst elsewhere has Import in the header");
    assert.equal(builds(), built + 1);
    built = builds();
    const page = (await admin.get(BASE)).body;
    assert.equal(builds(), built + 1);
    assert.match(page, /\(administrator\)/);
    assert.match(page, /return\/wres\.xlsx/, "an administrator member may download the national return");
    assert.doesNotMatch((await viewerB.browser.get(BASE)).body, /return\/wres\.xlsx|\(administrator\)|href="\/import"/);
  });

  test('(b) a viewer of another organisation gets 404 for this one, kept or not, and their own page is their own', async () => {
    for (const path of PAGES) {
      await viewerA.browser.get(path);
      const viewed = await views();
      assert.equal((await viewerOther.browser.get(path)).statusCode, 404, path);
      assert.equal(await views(), viewed, `${path}: nothing viewed`);
    }
    const own = await viewerOther.browser.get(`/organisations/${CODES[1]}/${YEAR}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Trust PCB/);
    assert.doesNotMatch(own.body, /Trust PCA/);
    const other = await viewerA.browser.get(`/organisations/${CODES[1]}/${YEAR}`);
    assert.equal(other.statusCode, 404);
  });

  test("(c) a new import, a peer's import, a changed national figure or region: the next request is a fresh page", async () => {
    const pages = async () => Promise.all(PAGES.map(async (p) => (await viewerA.browser.get(p)).headers.etag));
    await pages();
    let built = builds();
    await pages();
    assert.equal(builds(), built, 'all kept');

    await load(CODES[0]);
    const afterImport = await pages();
    assert.equal(builds(), built + PAGES.length, 'every page built again after a new import of the year');
    built = builds();

    await load(CODES[1]);
    await viewerA.browser.get(`${BASE}/compare`);
    await viewerA.browser.get(`${BASE}/overview`);
    await viewerA.browser.get(`${BASE}/wdes/compare`);
    assert.equal(builds(), built + 3, "a peer's import: the comparisons and overview built again");
    built = builds();
    await viewerA.browser.get(BASE);
    assert.equal(builds(), built, "the dashboard does not read peers: still kept");

    const administrator = await addUser(harness.store, { email: 'admin@example.nhs.uk', administrator: true });
    await harness.store.nationalFigures.upsert({
      year: YEAR, indicator: '2', white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: 9_000, population: 100_000 },
      source: 'Test publication', enteredBy: administrator.id,
    });
    const compare = await viewerA.browser.get(`${BASE}/compare`);
    assert.equal(builds(), built + 1, 'a national figure: the comparison built again');
    assert.match(compare.body, /Test publication|national/i);
    built = builds();

    // The organisation's region, re-imported under another: a new version and a new row, so fresh pages throughout.
    await load(CODES[0], 'South');
    const regional = await viewerA.browser.get(`${BASE}/compare?peers=region`);
    assert.equal(builds(), built + 1);
    assert.match(regional.body, /same region \(South\)/);
    assert.notDeepEqual(await pages(), afterImport);
  });

  test("(d) the analyst's view is never kept nor served from the cache", async () => {
    for (const path of PAGES) {
      await viewerA.browser.get(path);
      const { entries } = pageCache(harness.store).stats();
      const built = builds();
      for (let i = 0; i < 2; i++) {
        renders.length = 0;
        const response = await analyst.browser.get(path);
        assert.equal(response.statusCode, 200, path);
        assert.equal(response.headers['cache-control'], 'no-store', path);
        assert.equal(renders.length, 1, `${path}: rendered afresh every time`);
        assert.equal(renders[0]!.context['csrfToken'], analyst.token, `${path}: with the analyst's own parts, no placeholders`);
        assert.ok(response.body.includes('Dee Analyst'), path);
      }
      assert.equal(builds(), built, path);
      assert.equal(pageCache(harness.store).stats().entries, entries, `${path}: nothing kept`);
    }
  });
});

describe('the page cache itself', () => {
  test('a kept page fills each slot, escaped, and nothing else', () => {
    const page = keptPage(`<p>${PLACEHOLDERS.displayName}</p><script nonce="${PLACEHOLDERS.nonce}"></script><input value="${PLACEHOLDERS.csrfToken}">`);
    assert.equal(fillPage(page, { nonce: 'N1', csrfToken: 'T&1', displayName: `<O'Neil>` }).toString('utf8'), '<p>&lt;O&#39;Neil&gt;</p><script nonce="N1"></script><input value="T&amp;1">');
  });

  test('concurrent requests for one key share one build; another key is another build', async () => {
    const cache = createPageCache();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return '<p>page</p>';
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', build)));
    assert.equal(builds, 1);
    assert.ok(pages.every((p) => p === pages[0]));
    await cache.get('other', build);
    assert.equal(builds, 2);
  });

  test('keys: a frozen object by identity, anything else by value', () => {
    const a = Object.freeze({ n: 1 });
    const b = Object.freeze({ n: 1 });
    assert.equal(pageKey([a]), pageKey([a]));
    assert.notEqual(pageKey([a]), pageKey([b]), 'another frozen object is another key, whatever it holds');
    assert.equal(pageKey([{ n: 1 }]), pageKey([{ n: 1 }]));
    assert.notEqual(pageKey([{ n: 1 }]), pageKey([{ n: 2 }]));
    assert.notEqual(pageKey([[a]]), pageKey([[b]]), 'inside an array too');
  });

  test('verifying: a kept page is built afresh when asked for again and must be the same, or the request fails', async () => {
    const cache = createPageCache({ verify: true });
    let undeclared = '<p>one</p>';
    const build = async () => undeclared;
    const kept = await cache.get('k', build, '/organisations/X/2025');
    assert.equal(await cache.get('k', build, '/organisations/X/2025'), kept, 'the same page: the kept one is answered');
    assert.equal(cache.stats().builds, 1, 'a check is not a build');
    undeclared = '<p>two</p>';
    await assert.rejects(cache.get('k', build, '/organisations/X/2025'), (error: unknown) =>
      error instanceof StalePageError && error.message.includes('/organisations/X/2025'));
    const unchecked = createPageCache();
    await unchecked.get('k', async () => '<p>one</p>');
    assert.equal((await unchecked.get('k', build)).hash, kept.hash, 'without verifying, the kept page is answered unbuilt');
    assert.equal(verifyFromEnv({ MIRROR_VERIFY_PAGE_CACHE: '1' }), true);
    assert.equal(verifyFromEnv({}), false);
  });

  test('bounded: the least recently used page goes first', async () => {
    const cache = createPageCache({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    assert.equal(cache.stats().entries, 2);
    const before = cache.stats().builds;
    await cache.get('a', async () => 'a');
    assert.equal(cache.stats().builds, before + 1);
  });
});
