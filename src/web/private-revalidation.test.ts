/**
 * The private report pages revalidate (web/private-revalidation.ts): each is sent with a weak ETag and
 * `private, no-cache`; asked again with that ETag it is answered 304 with no body and no Content-Security-Policy
 * (whose new nonce would block the kept page's scripts), and the view is audited all the same. A new import is a
 * new ETag; one person's never matches another's, nor one session's the next. An analyst's page, with counts of 1 to
 * 7 on it, is never kept: no-store and no ETag.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { importFolder } from '../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from './auth/test-harness.ts';
import { PRIVATE_REVALIDATE } from './private-revalidation.ts';

const PASSWORD = 'a long enough password';
const YEAR = 2025;
const CODES = ['REVA', 'REVB', 'REVC'] as const;
const BASE = `/organisations/${CODES[0]}/${YEAR}`;
const PAGES = [
  BASE, `${BASE}/indicators/2`, `${BASE}/indicators/2/staffGroup`, `${BASE}/wdes`, `${BASE}/wdes/trends`, `${BASE}/wdes/2/staffGroup`, `${BASE}/overview`,
  `${BASE}/compare`, `${BASE}/wdes/compare?peers=all`, `${BASE}/monthly`, `${BASE}/wdes/monthly`, `${BASE}/targets`, `${BASE}/wdes/targets?goal=12`,
] as const;

describe('private report pages are sent with validators and answered 304 when unchanged', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let otherViewer: Browser;
  let viewer: Browser;
  let seed = 90;

  async function load(code: string, year = YEAR): Promise<void> {
    const folder = join(dir, `${code}-${year}-${seed}`);
    await writeSyntheticTrust(folder, { year, seed: seed++, staff: 300, applications: 2000 });
    const result = await importFolder(harness.store, folder, {
      organisation: { code, name: `Trust ${code}` }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
  }

  const views = async () => (await harness.store.audit.list({ limit: 10_000, offset: 0 })).filter((e) => e.action === 'view').length;
  const etagOf = async (browser: Browser, path: string): Promise<string> => {
    const response = await browser.get(path);
    assert.equal(response.statusCode, 200, path);
    return String(response.headers.etag);
  };

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-revalidate-'));
    for (const code of CODES) await load(code);
    const own = (await harness.store.organisations.byCode(CODES[0]))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'analyst']] });
    otherViewer = await signedIn(harness, { email: 'other@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each page: a weak ETag and private, no-cache; the same ETag again is a 304 with no body and no policy, audited', async () => {
    for (const path of PAGES) {
      const first = await viewer.get(path);
      assert.equal(first.statusCode, 200, path);
      assert.match(String(first.headers.etag), /^W\/"[A-Za-z0-9_-]{32}"$/, path);
      assert.equal(first.headers['cache-control'], PRIVATE_REVALIDATE, path);
      assert.match(String(first.headers['content-security-policy']), /script-src [^;]*'nonce-/, path);
      const viewed = await views();
      const again = await viewer.get(path, { 'if-none-match': String(first.headers.etag) });
      assert.equal(again.statusCode, 304, path);
      assert.equal(again.body, '', path);
      assert.equal(again.headers['content-security-policy'], undefined, `${path}: a 304 keeps the policy the browser stored with the page`);
      assert.equal(again.headers.etag, first.headers.etag, path);
      assert.equal(again.headers['cache-control'], PRIVATE_REVALIDATE, path);
      assert.equal(await views(), viewed + 1, `${path}: the view is audited on a 304 too`);
      // Among others, and without W/, it still matches (If-None-Match compares weakly).
      const listed = await viewer.get(path, { 'if-none-match': `"other", ${String(first.headers.etag).slice(2)}` });
      assert.equal(listed.statusCode, 304, path);
      // Nothing presented, or a stale tag: the whole page.
      assert.equal((await viewer.get(path, { 'if-none-match': 'W/"stale"' })).statusCode, 200, path);
    }
  });

  test('a targets page with an error in its goal is answered afresh: 400, no ETag, never a 304', async () => {
    const path = `${BASE}/targets?goal=140`;
    const first = await viewer.get(path);
    assert.equal(first.statusCode, 400);
    assert.equal(first.headers.etag, undefined);
    const kept = await etagOf(viewer, `${BASE}/targets`);
    assert.equal((await viewer.get(path, { 'if-none-match': kept })).statusCode, 400);
  });

  test('another query string is another ETag', async () => {
    assert.notEqual(await etagOf(viewer, `${BASE}?a=1`), await etagOf(viewer, BASE));
  });

  test('a new import of the year is a new ETag, and the old one gets the whole page', async () => {
    const before = await Promise.all(PAGES.map((p) => etagOf(viewer, p)));
    await load(CODES[0]);
    for (const [i, path] of PAGES.entries()) {
      const response = await viewer.get(path, { 'if-none-match': before[i]! });
      assert.equal(response.statusCode, 200, path);
      assert.notEqual(response.headers.etag, before[i], path);
    }
  });

  test("a peer's new import changes the overview's ETag (its comparison with peers)", async () => {
    const before = await etagOf(viewer, `${BASE}/overview`);
    await load(CODES[1]);
    assert.equal((await viewer.get(`${BASE}/overview`, { 'if-none-match': before })).statusCode, 200);
  });

  test("an analyst's page (counts of 1 to 7 on screen) is never kept: no-store, no ETag, never a 304", async () => {
    for (const path of PAGES) {
      const first = await analyst.get(path);
      assert.equal(first.statusCode, 200, path);
      assert.equal(first.headers['cache-control'], 'no-store', path);
      assert.equal(first.headers.etag, undefined, path);
      const v = await etagOf(viewer, path);
      assert.equal((await analyst.get(path, { 'if-none-match': v })).statusCode, 200, `${path}: a viewer's ETag is not the analyst's page`);
    }
  });

  test("a viewer's ETag never matches another person's", async () => {
    for (const path of PAGES) {
      const [v, w] = [await etagOf(viewer, path), await etagOf(otherViewer, path)];
      assert.notEqual(v, w, path);
      assert.equal((await otherViewer.get(path, { 'if-none-match': v })).statusCode, 200, path);
    }
  });

  test("a new session's ETag never matches the last one's; signing out clears the browser's kept pages", async () => {
    const before = await etagOf(viewer, BASE);
    const out = await viewer.post('/sign-out');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers['clear-site-data'], '"cache"');
    // Signed out, the kept page is not revalidated: the person is sent to sign in.
    assert.notEqual((await viewer.get(BASE, { 'if-none-match': before })).statusCode, 304);
    await viewer.get('/sign-in');
    assert.equal((await viewer.post('/sign-in', { email: 'viewer@example.nhs.uk', password: PASSWORD })).statusCode, 303);
    const response = await viewer.get(BASE, { 'if-none-match': before });
    assert.equal(response.statusCode, 200);
    assert.notEqual(response.headers.etag, before);
  });
});
