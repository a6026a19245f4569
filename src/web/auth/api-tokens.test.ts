/**
 * API tokens end to end on the real app over a real SQLite store: made for one organisation with a lifetime, listed
 * without the secret, revoked on the account page, refused once expired or revoked, and all ended when the person's
 * password changes or an administrator removes their access.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sampleImport } from '../../../test/store/fixtures.ts';
import type { AuditEvent } from '../../store/store.ts';
import { addUser, Browser, codeById, createHarness, type Harness } from './test-harness.ts';
import { hashToken } from '../../services/tokens.ts';

const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;

describe('API tokens', () => {
  let h: Harness;
  let rxx = 0;
  let aaa = 0;
  let people = 0;

  before(async () => {
    h = await createHarness();
    rxx = (await h.store.imports.create(sampleImport(2025))).organisationId;
    aaa = (await h.store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'Another NHS Trust' } }))).organisationId;
    await addUser(h.store, { email: 'admin@trust.nhs.uk', displayName: 'Ada Admin', administrator: true, password: PASSWORD });
  });
  after(async () => h.close());

  // Each browser has its own address, so that signing in many people does not meet the per-address rate limit.
  let addresses = 0;
  const newBrowser = () => new Browser(h.app, `10.9.0.${++addresses}`);

  /** A new person with access to both organisations, signed in. */
  async function person(): Promise<{ browser: Browser; id: number; email: string }> {
    people += 1;
    const email = `person${people}@trust.nhs.uk`;
    const user = await addUser(h.store, { email, displayName: `Pat Person ${people}`, password: PASSWORD, memberships: [[rxx, 'viewer'], [aaa, 'analyst']] });
    const browser = newBrowser();
    await browser.get('/sign-in');
    assert.equal((await browser.post('/sign-in', { email, password: PASSWORD })).statusCode, 303);
    return { browser, id: user.id, email };
  }

  async function signedInAdmin(): Promise<Browser> {
    const admin = newBrowser();
    await admin.get('/sign-in');
    await admin.post('/sign-in', { email: 'admin@trust.nhs.uk', password: PASSWORD });
    return admin;
  }

  async function makeToken(browser: Browser, form: Record<string, string>): Promise<string> {
    await browser.get('/account');
    const created = await browser.post('/account/api-tokens', form);
    assert.equal(created.statusCode, 200, created.body);
    return codeById(created.body, 'api-token');
  }

  const api = (token: string, url = '/api/v1/organisations'): Promise<LightMyRequestResponse> =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  async function events(action: AuditEvent['action']): Promise<AuditEvent[]> {
    return (await h.store.audit.list({ limit: 1000, offset: 0 })).filter((e) => e.action === action);
  }

  test('the account page, where tokens are made, is reached from the person\'s name in the header; an administrator is shown as one', async () => {
    const { browser } = await person();
    const home = await browser.get('/');
    assert.match(home.body, /<a class="nhsuk-header__account-link" href="\/account">[\s\S]*?Pat Person \d+\s*<\/a>/, home.body.slice(0, 3000));
    assert.doesNotMatch(home.body, /\(administrator\)/);
    const admin = await signedInAdmin();
    assert.match((await admin.get('/')).body, /<a class="nhsuk-header__account-link" href="\/account">[\s\S]*?Ada Admin \(administrator\)\s*<\/a>/);
  });

  test('a token is made for one organisation with a chosen lifetime, read only there, and listed without its secret', async () => {
    const { browser, id } = await person();
    const form = await browser.get('/account');
    assert.match(form.body, /<select[^>]*id="organisation"[\s\S]*Another NHS Trust \(AAA\)[\s\S]*Test NHS Trust \(RXX\)/);
    assert.match(form.body, /<input[^>]*id="expiresIn(-\d)?"[^>]*value="90"[^>]*checked/, '90 days is chosen unless changed');
    for (const days of ['7', '30', '365']) assert.match(form.body, new RegExp(`value="${days}"`));

    const before = Date.now();
    const token = await makeToken(browser, { tokenName: 'Power BI', organisation: 'RXX', expiresIn: '30' });
    const listing = await api(token);
    assert.equal(listing.statusCode, 200);
    assert.deepEqual(JSON.parse(listing.body).map((o: { code: string }) => o.code), ['RXX'], 'only the organisation chosen');
    assert.equal((await api(token, '/api/v1/organisations/AAA/wres/2025')).statusCode, 404, 'not the other one the person can see');

    const [stored] = await h.store.apiTokens.live(id, new Date());
    assert.ok(stored);
    assert.equal(stored.organisation?.code, 'RXX');
    assert.ok(Math.abs(stored.expiresAt.getTime() - (before + 30 * DAY)) < 60_000);
    assert.ok(stored.lastUsedAt, 'its use is recorded');
    const row = await (h.store as unknown as { db: import('kysely').Kysely<import('../../store/schema.ts').Database> }).db
      .selectFrom('api_tokens').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
    assert.equal(row.token_hash, hashToken(token), 'only the hash is kept');
    assert.doesNotMatch(JSON.stringify(row), new RegExp(token));

    const account = await browser.get('/account');
    assert.doesNotMatch(account.body, new RegExp(token), 'never shown again');
    const day = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    assert.match(account.body, new RegExp(`Power BI[\\s\\S]*Test NHS Trust \\(RXX\\)[\\s\\S]*${day(new Date(before))}[\\s\\S]*${day(stored.expiresAt)}[\\s\\S]*${day(stored.lastUsedAt)}`));
    assert.match(account.body, new RegExp(`<form[^>]*action="/account/api-tokens/${stored.id}/revoke"`));

    const created = (await events('api-token-created')).find((e) => e.subject === `api-token/${stored.id}`);
    assert.deepEqual({ ...created?.details, expiresAt: undefined }, { user: id, days: 30, expiresAt: undefined, via: 'account' });
    assert.equal(created?.organisationId, rxx);
  });

  test('the form refuses a missing name, an organisation the person cannot see and an unknown lifetime; 90 days is the default', async () => {
    const { browser, id } = await person();
    await browser.get('/account');
    const bad = await browser.post('/account/api-tokens', { tokenName: '', organisation: 'NOPE', expiresIn: '1000' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /nhsuk-error-summary[\s\S]*href="#tokenName"[\s\S]*href="#organisation"[\s\S]*href="#expiresIn"/);
    assert.match(bad.body, /Choose an organisation you can see/);
    assert.match(bad.body, /Choose how long the token lasts/);
    assert.deepEqual(await h.store.apiTokens.live(id, new Date()), []);

    const before = Date.now();
    await makeToken(browser, { tokenName: 'Default', organisation: 'AAA' });
    const [stored] = await h.store.apiTokens.live(id, new Date());
    assert.ok(stored && Math.abs(stored.expiresAt.getTime() - (before + 90 * DAY)) < 60_000);
  });

  test('someone who can see no organisation is told to ask for access first', async () => {
    await addUser(h.store, { email: 'nobody@trust.nhs.uk', displayName: 'Nobody Yet', password: PASSWORD });
    const browser = newBrowser();
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: 'nobody@trust.nhs.uk', password: PASSWORD });
    const page = await browser.get('/account');
    assert.match(page.body, /You can create an API token once you can see an organisation/);
    assert.doesNotMatch(page.body, /Create API token/);
    assert.equal((await browser.post('/account/api-tokens', { tokenName: 'x', organisation: 'RXX', expiresIn: '90' })).statusCode, 400);
  });

  test('an expired token gets 401', async () => {
    const { browser } = await person();
    const token = await makeToken(browser, { tokenName: 'Short', organisation: 'RXX', expiresIn: '7' });
    assert.equal((await api(token)).statusCode, 200);
    h.setNow(new Date(Date.now() + 7 * DAY + 60_000));
    try {
      const expired = await api(token);
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.headers['www-authenticate'], 'Bearer error="invalid_token"');
    } finally {
      h.setNow(null);
    }
  });

  test('a token revoked on the account page gets 401 at once; nobody else can revoke it', async () => {
    const { browser, id } = await person();
    const token = await makeToken(browser, { tokenName: 'Revoke me', organisation: 'RXX', expiresIn: '90' });
    const [stored] = await h.store.apiTokens.live(id, new Date());
    const other = await person();
    await other.browser.get('/account');
    assert.equal((await other.browser.post(`/account/api-tokens/${stored!.id}/revoke`)).statusCode, 404);
    assert.equal((await other.browser.post('/account/api-tokens/999999/revoke')).statusCode, 404);
    assert.equal((await api(token)).statusCode, 200, 'still works');

    await browser.get('/account');
    const revoked = await browser.post(`/account/api-tokens/${stored!.id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/account?saved=token-revoked');
    assert.equal((await api(token)).statusCode, 401);
    const page = await browser.get('/account?saved=token-revoked');
    assert.match(page.body, /The API token has been revoked/);
    assert.doesNotMatch(page.body, /Revoke me/);
    const audit = (await events('api-token-revoked')).find((e) => e.subject === `api-token/${stored!.id}`);
    assert.deepEqual(audit?.details, { user: id, via: 'account' });
    assert.equal(audit?.userId, id);
  });

  test("a password change ends every one of the person's tokens and other sessions", async () => {
    const { browser, id, email } = await person();
    const first = await makeToken(browser, { tokenName: 'One', organisation: 'RXX', expiresIn: '90' });
    const second = await makeToken(browser, { tokenName: 'Two', organisation: 'AAA', expiresIn: '365' });
    const elsewhere = newBrowser();
    await elsewhere.get('/sign-in');
    await elsewhere.post('/sign-in', { email, password: PASSWORD });

    await browser.get('/account/password');
    const changed = await browser.post('/account/password', { currentPassword: PASSWORD, newPassword: 'marmalade tractor seventeen' });
    assert.equal(changed.statusCode, 303);
    assert.equal((await api(first)).statusCode, 401);
    assert.equal((await api(second)).statusCode, 401);
    assert.equal((await elsewhere.get('/account')).statusCode, 303, 'signed out elsewhere');
    assert.equal((await browser.get('/account')).statusCode, 200, 'still signed in where the password was changed');
    assert.deepEqual(await h.store.apiTokens.live(id, new Date()), []);
    const audit = (await events('api-token-revoked')).find((e) => e.subject === `user/${id}`);
    assert.deepEqual(audit?.details, { count: 2, reason: 'password-changed' });
  });

  test("removing a person's access to an organisation ends their tokens for it; removing them ends every token and session", async () => {
    const { browser, id, email } = await person();
    const forRxx = await makeToken(browser, { tokenName: 'RXX', organisation: 'RXX', expiresIn: '90' });
    const forAaa = await makeToken(browser, { tokenName: 'AAA', organisation: 'AAA', expiresIn: '90' });
    const admin = await signedInAdmin();

    await admin.get(`/admin/users/${id}`);
    assert.equal((await admin.post(`/admin/users/${id}/memberships`, { organisation: 'RXX', role: 'none' })).statusCode, 303);
    assert.equal((await api(forRxx)).statusCode, 401, 'no longer reads RXX, and will not again if access is given back');
    assert.equal((await api(forAaa)).statusCode, 200);
    await admin.get(`/admin/users/${id}`);
    await admin.post(`/admin/users/${id}/memberships`, { organisation: 'RXX', role: 'viewer' });
    assert.equal((await api(forRxx)).statusCode, 401, 'still revoked');

    const page = await admin.get(`/admin/users/${id}`);
    assert.match(page.body, /<form[^>]*action="\/admin\/users\/\d+\/status"[\s\S]*Remove their access to Mirror/);
    const removed = await admin.post(`/admin/users/${id}/status`, { active: 'no' });
    assert.equal(removed.statusCode, 303);
    assert.equal((await h.store.users.byId(id))?.active, false);
    assert.equal((await api(forAaa)).statusCode, 401);
    assert.equal((await browser.get('/account')).statusCode, 303, 'signed out');
    const again = newBrowser();
    await again.get('/sign-in');
    assert.notEqual((await again.post('/sign-in', { email, password: PASSWORD })).statusCode, 303, 'cannot sign in');
    assert.deepEqual((await events('user-deactivated')).map((e) => e.subject), [`user/${id}`]);
    assert.ok((await events('api-token-revoked')).some((e) => e.subject === `user/${id}` && e.details['reason'] === 'deactivated'));
    assert.ok((await events('api-token-revoked')).some((e) => e.subject === `user/${id}` && e.details['reason'] === 'access-removed' && e.organisationId === rxx));

    await admin.get(`/admin/users/${id}`);
    assert.equal((await admin.post(`/admin/users/${id}/status`, { active: 'yes' })).statusCode, 303);
    assert.equal((await h.store.users.byId(id))?.active, true);
    assert.equal((await api(forAaa)).statusCode, 401, 'giving access back does not bring tokens back');
    assert.deepEqual((await events('user-reactivated')).map((e) => e.subject), [`user/${id}`]);
  });

  test('an administrator cannot remove their own access', async () => {
    const admin = await signedInAdmin();
    const me = (await h.store.users.byEmail('admin@trust.nhs.uk'))!;
    await admin.get(`/admin/users/${me.id}`);
    const refused = await admin.post(`/admin/users/${me.id}/status`, { active: 'no' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /You cannot remove your own access/);
    assert.equal((await h.store.users.byId(me.id))?.active, true);
  });
});
