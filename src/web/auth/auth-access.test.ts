/**
 * Authentication end to end, access: CSRF protection, roles and memberships, the API's credentials, cookies over
 * https and OIDC. The real app from createApp (which registers authentication) over a real SQLite store in a
 * temporary folder, driven with app.inject and a cookie-keeping browser. Signing in: auth-sign-in.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { sampleImport } from '../../../test/store/fixtures.ts';
import { auditActions, auditEvents, PASSWORD, path, signIn } from './auth-test-support.ts';
import { registerAuth, requireMembership, verifyCsrf } from './plugin.ts';
import { addUser, Browser, codeById, createHarness, type Harness } from './test-harness.ts';

/** Test routes: who am I over the API, a page that needs a membership, and a manual-CSRF route. */
function testRoutes(app: FastifyInstance) {
  app.get('/api/v1/whoami', async (request) => ({ id: request.currentUser?.id, displayName: request.currentUser?.displayName }));
  app.post('/api/v1/echo', async () => ({ ok: true }));
  app.get<{ Params: { code: string } }>('/test/organisations/:code', async (request, reply) => {
    const membership = requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    return { organisation: membership.organisation.code, role: membership.role };
  });
  app.get<{ Params: { code: string } }>('/test/organisations/:code/import', async (request, reply) => {
    const membership = requireMembership(request, reply, request.params.code, ['analyst']);
    if (!membership) return reply;
    return { ok: true };
  });
  app.post('/test/upload', { config: { csrf: 'manual' } }, async (request, reply) => {
    const field = (request.body as Record<string, unknown> | undefined)?.['_csrf'];
    if (!verifyCsrf(request, field)) return reply.code(403).send({ refused: true });
    return { accepted: true };
  });
}

describe('CSRF protection', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ beforeReady: testRoutes });
    await addUser(h.store, { email: 'ada@trust.nhs.uk', password: PASSWORD });
  });
  after(async () => h.close());

  test('a signed-out form without the token, or with a wrong one, is refused with 403', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in');
    const missing = await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: PASSWORD }, { withCsrf: false });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /This form has expired/);
    const wrong = await browser.post('/sign-in', { _csrf: 'A'.repeat(43), email: 'ada@trust.nhs.uk', password: PASSWORD });
    assert.equal(wrong.statusCode, 403);
    // The right value in the form but no cookie: a forged cross-site post.
    const token = browser.lastCsrf;
    const noCookie = await h.app.inject({
      method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, email: 'ada@trust.nhs.uk', password: PASSWORD }).toString(),
    });
    assert.equal(noCookie.statusCode, 403);
  });

  test('a signed-in form needs the session token: not missing, not wrong, not the signed-out one', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in');
    const signedOutToken = browser.lastCsrf;
    await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: PASSWORD });
    assert.equal((await browser.post('/sign-out', {}, { withCsrf: false })).statusCode, 403);
    assert.equal((await browser.post('/sign-out', { _csrf: signedOutToken })).statusCode, 403);
    assert.ok(browser.cookie('mirror_session'), 'still signed in');
    await browser.get('/account');
    assert.notEqual(browser.lastCsrf, signedOutToken);
    assert.equal((await browser.post('/sign-out', {}, { headers: {} })).statusCode, 303);
  });

  test('the header x-csrf-token is accepted in place of the form field', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'ada@trust.nhs.uk');
    await browser.get('/account');
    const response = await browser.post('/sign-out', {}, { withCsrf: false, headers: { 'x-csrf-token': browser.lastCsrf } });
    assert.equal(response.statusCode, 303);
  });

  test('a route declared csrf: manual checks the token itself with verifyCsrf (multipart uploads)', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'ada@trust.nhs.uk');
    await browser.get('/account');
    const send = (token: string) =>
      browser.send('POST', '/test/upload', JSON.stringify({ _csrf: token }), { 'content-type': 'application/json' });
    assert.equal((await send(browser.lastCsrf)).statusCode, 200);
    assert.equal((await send('wrong')).statusCode, 403);
  });

  test('API requests with the session cookie must send the header; bearer tokens need none', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'ada@trust.nhs.uk');
    await browser.get('/account');
    const withoutHeader = await browser.send('POST', '/api/v1/echo', '{}', { 'content-type': 'application/json' });
    assert.equal(withoutHeader.statusCode, 403);
    const withHeader = await browser.send('POST', '/api/v1/echo', '{}', { 'content-type': 'application/json', 'x-csrf-token': browser.lastCsrf });
    assert.equal(withHeader.statusCode, 200);
  });
});

describe('roles and access', () => {
  let h: Harness;
  let rxx: number;
  before(async () => {
    h = await createHarness({ beforeReady: testRoutes });
    rxx = (await h.store.imports.create(sampleImport(2025))).organisationId;
    await h.store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'Another NHS Trust' } }));
    await addUser(h.store, { email: 'admin@trust.nhs.uk', displayName: 'Ada Admin', administrator: true, password: PASSWORD });
    await addUser(h.store, { email: 'viewer@trust.nhs.uk', displayName: 'Vic Viewer', password: PASSWORD, memberships: [[rxx, 'viewer']] });
    await addUser(h.store, { email: 'analyst@trust.nhs.uk', displayName: 'Ana Analyst', password: PASSWORD, memberships: [[rxx, 'analyst']] });
  });
  after(async () => h.close());

  test('signed out, pages send you to sign in and come back afterwards', async () => {
    const response = await new Browser(h.app).get('/admin/users');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Fadmin%2Fusers');
  });

  test('a viewer cannot reach administration: 403', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'viewer@trust.nhs.uk');
    for (const url of ['/admin/users', '/admin/audit', '/admin/users/1']) {
      const response = await browser.get(url);
      assert.equal(response.statusCode, 403, url);
      assert.match(response.body, /You do not have permission to see this page/);
    }
    await browser.get('/account');
    const post = await browser.post('/admin/users', { email: 'x@trust.nhs.uk', displayName: 'X' });
    assert.equal(post.statusCode, 403);
    assert.equal(await h.store.users.byEmail('x@trust.nhs.uk'), null);
  });

  test('navigation shows Import to analysts and Administration to administrators only', async () => {
    const viewer = new Browser(h.app);
    await signIn(viewer, 'viewer@trust.nhs.uk');
    const viewerPage = (await viewer.get('/account')).body;
    assert.match(viewerPage, /href="\/"[^>]*>\s*Organisations/);
    assert.doesNotMatch(viewerPage, /href="\/import"/);
    assert.doesNotMatch(viewerPage, /href="\/admin\/users"/);
    const analyst = new Browser(h.app);
    await signIn(analyst, 'analyst@trust.nhs.uk');
    const analystPage = (await analyst.get('/account')).body;
    assert.match(analystPage, /href="\/import"/);
    assert.doesNotMatch(analystPage, /href="\/admin\/users"/);
  });

  test('membership of another organisation, or of none that exists, answers 404', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'viewer@trust.nhs.uk');
    const own = await browser.get('/test/organisations/RXX');
    assert.equal(own.statusCode, 200);
    assert.deepEqual(JSON.parse(own.body), { organisation: 'RXX', role: 'viewer' });
    const other = await browser.get('/test/organisations/AAA');
    const missing = await browser.get('/test/organisations/ZZZ');
    assert.equal(other.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(other.body.replace(/nonce="[^"]*"|value="[^"]*"/g, ''), missing.body.replace(/nonce="[^"]*"|value="[^"]*"/g, ''), 'the two cannot be told apart');
    assert.equal((await browser.get('/test/organisations/RXX/import')).statusCode, 404, 'a viewer is not an analyst');
    const analyst = new Browser(h.app);
    await signIn(analyst, 'analyst@trust.nhs.uk');
    assert.equal((await analyst.get('/test/organisations/RXX/import')).statusCode, 200);
  });

  test('an administrator adds a person, gets a one-time link for them, and sets their access', async () => {
    const admin = new Browser(h.app);
    await signIn(admin, 'admin@trust.nhs.uk');
    const list = await admin.get('/admin/users');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Vic Viewer/);
    assert.match(list.body, /Test NHS Trust \(RXX\): Viewer/);

    const invalid = await admin.post('/admin/users', { email: 'viewer@trust.nhs.uk', displayName: 'Someone' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /href="#email"[\s\S]*already has an account/);

    const created = await admin.post('/admin/users', { email: 'Nia@Trust.NHS.uk', displayName: 'Nia New', administrator: 'yes' });
    assert.equal(created.statusCode, 200);
    assert.equal(created.headers['cache-control'], 'no-store');
    const link = codeById(created.body, 'sign-in-link');
    const nia = await h.store.users.byEmail('nia@trust.nhs.uk');
    assert.equal(nia?.administrator, true);
    assert.equal(nia?.hasPassword, false);

    const page = await admin.get(`/admin/users/${nia!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label class="nhsuk-label" for="organisation">/);
    const badRole = await admin.post(`/admin/users/${nia!.id}/memberships`, { organisation: 'RXX', role: 'boss' });
    assert.equal(badRole.statusCode, 400);
    assert.match(badRole.body, /href="#role"/);
    const set = await admin.post(`/admin/users/${nia!.id}/memberships`, { organisation: 'RXX', role: 'analyst' });
    assert.equal(set.statusCode, 303);
    assert.deepEqual((await h.store.users.memberships(nia!.id)).map((m) => [m.organisation.code, m.role]), [['RXX', 'analyst']]);
    await admin.get(`/admin/users/${nia!.id}`);
    await admin.post(`/admin/users/${nia!.id}/memberships`, { organisation: 'RXX', role: 'viewer' });
    assert.deepEqual((await h.store.users.memberships(nia!.id)).map((m) => [m.organisation.code, m.role]), [['RXX', 'viewer']]);
    const ownerPage = await admin.get(`/admin/users/${nia!.id}`);
    assert.match(ownerPage.body, /value="owner"/, 'the owner role can be granted');
    await admin.post(`/admin/users/${nia!.id}/memberships`, { organisation: 'RXX', role: 'owner' });
    assert.deepEqual((await h.store.users.memberships(nia!.id)).map((m) => [m.organisation.code, m.role]), [['RXX', 'owner']]);
    assert.match((await admin.get(`/admin/users/${nia!.id}`)).body, /Owner/);
    await admin.get(`/admin/users/${nia!.id}`);
    await admin.post(`/admin/users/${nia!.id}/memberships`, { organisation: 'RXX', role: 'none' });
    assert.deepEqual(await h.store.users.memberships(nia!.id), []);
    assert.equal((await admin.get('/admin/users/99999')).statusCode, 404);

    // Adding, changing and removing a role are each audited, with the role before and after.
    const changes = await auditEvents(h, 'membership-changed');
    assert.deepEqual(changes.map((e) => [e.organisationId, e.subject, e.details]).reverse(), [
      [rxx, `user/${nia!.id}`, { role: 'analyst', previous: null }],
      [rxx, `user/${nia!.id}`, { role: 'viewer', previous: 'analyst' }],
      [rxx, `user/${nia!.id}`, { role: 'owner', previous: 'viewer' }],
      [rxx, `user/${nia!.id}`, { role: null, previous: 'owner' }],
    ]);
    assert.ok((await auditActions(h)).includes('user-created'));

    const nias = new Browser(h.app);
    const used = await nias.useLink(path(link));
    assert.equal(used.headers.location, '/account/password');
  });

  test('the audit log is paged, newest first, and viewing it is audited', async () => {
    const admin = new Browser(h.app);
    await signIn(admin, 'admin@trust.nhs.uk');
    const page = await admin.get('/admin/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Audit log/);
    const newest = (await h.store.audit.list({ limit: 1, offset: 0 }))[0];
    assert.equal(newest?.action, 'audit-viewed');
    const rows = [...page.body.matchAll(/<td[^>]*>[\s\S]*?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/g)].map((m) => m[1]!);
    assert.ok(rows.length > 1);
    assert.deepEqual(rows, [...rows].sort().reverse());
    assert.doesNotMatch(page.body, new RegExp(PASSWORD));
    const total = (await h.store.audit.list({ limit: 10_000, offset: 0 })).length;
    if (total > 50) {
      assert.match(page.body, /href="\/admin\/audit\?page=2"/);
      assert.equal((await admin.get('/admin/audit?page=2')).statusCode, 200);
    }
  });
});

describe('the API', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ beforeReady: testRoutes });
    const rxx = (await h.store.imports.create(sampleImport(2025))).organisationId;
    await addUser(h.store, { email: 'api@trust.nhs.uk', displayName: 'Api Person', password: PASSWORD, memberships: [[rxx, 'viewer']] });
  });
  after(async () => h.close());

  test('without credentials, or with a wrong token, the API answers 401 JSON', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/api/v1/whoami' });
    assert.equal(none.statusCode, 401);
    assert.deepEqual(JSON.parse(none.body), { error: 'authentication required' });
    assert.equal(none.headers['www-authenticate'], 'Bearer');
    const wrong = await h.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    assert.equal(wrong.statusCode, 401);
    const odd = await h.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: 'Basic YTpi' } });
    assert.equal(odd.statusCode, 401);
  });

  test('a token made on the account page reads the API, and is shown only once', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'api@trust.nhs.uk');
    await browser.get('/account');
    const empty = await browser.post('/account/api-tokens', { tokenName: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#tokenName"[\s\S]*Enter a name for the token/);
    const created = await browser.post('/account/api-tokens', { tokenName: 'Power BI', organisation: 'RXX', expiresIn: '90' });
    assert.equal(created.statusCode, 200);
    assert.equal(created.headers['cache-control'], 'no-store');
    const token = codeById(created.body, 'api-token');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch((await browser.get('/account')).body, new RegExp(token));

    const me = await h.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(JSON.parse(me.body).displayName, 'Api Person');
    const lower = await h.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: `bearer ${token}` } });
    assert.equal(lower.statusCode, 200, 'the scheme name is case-insensitive');
    const post = await h.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(post.statusCode, 200, 'a bearer token needs no CSRF token');
    assert.ok((await auditActions(h)).includes('api-token-created'));
  });

  test('the session cookie also works for the API', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'api@trust.nhs.uk');
    const me = await browser.get('/api/v1/whoami');
    assert.equal(me.statusCode, 200);
    assert.equal(JSON.parse(me.body).displayName, 'Api Person');
  });
});

describe('cookies over https', () => {
  test('the session cookie is Secure when the service is reached over https', async () => {
    const h = await createHarness({ baseUrl: 'https://mirror.example.nhs.uk' });
    try {
      await addUser(h.store, { email: 'ada@trust.nhs.uk', password: PASSWORD });
      const browser = new Browser(h.app);
      const page = await browser.get('/sign-in');
      assert.equal(page.cookies.find((c) => c.name === 'mirror_csrf')?.secure, true);
      const response = await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: PASSWORD });
      const cookie = response.cookies.find((c) => c.name === 'mirror_session');
      assert.equal(cookie?.secure, true);
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Lax');
    } finally {
      await h.close();
    }
  });
});

describe('OIDC sign-in', () => {
  const env = {
    MIRROR_OIDC_ISSUER: 'https://login.example.nhs.uk/tenant/v2.0',
    MIRROR_OIDC_CLIENT_ID: 'mirror-client',
    MIRROR_OIDC_CLIENT_SECRET: 'mirror-secret',
  };
  const configuration = new client.Configuration(
    {
      issuer: env.MIRROR_OIDC_ISSUER,
      authorization_endpoint: 'https://login.example.nhs.uk/tenant/oauth2/v2.0/authorize',
      token_endpoint: 'https://login.example.nhs.uk/tenant/oauth2/v2.0/token',
      jwks_uri: 'https://login.example.nhs.uk/tenant/discovery/v2.0/keys',
    },
    env.MIRROR_OIDC_CLIENT_ID,
    env.MIRROR_OIDC_CLIENT_SECRET,
  );

  test('partly configured, the app refuses to start', async () => {
    const h = await createHarness();
    try {
      const app = await import('fastify').then((f) => f.default());
      await assert.rejects(registerAuth(app, h.services, h.config, { env: { MIRROR_OIDC_ISSUER: env.MIRROR_OIDC_ISSUER } }), /MIRROR_OIDC_CLIENT_ID/);
      await app.close();
    } finally {
      await h.close();
    }
  });

  test('configured, the sign-in page offers it, and starting sends the browser to the provider with PKCE and state', async () => {
    const h = await createHarness();
    try {
      // An app with OIDC switched on through registerAuth's options, and the provider's metadata given, not fetched.
      const Fastify = (await import('fastify')).default;
      const oidcApp = Fastify();
      await oidcApp.register((await import('@fastify/formbody')).default);
      await registerAuth(oidcApp, h.services, h.config, { env, oidcConfiguration: async () => configuration });
      await oidcApp.ready();
      const browser = new Browser(oidcApp);
      const page = await browser.get('/sign-in?next=%2Faccount');
      assert.match(page.body, /Sign in with your organisation account/);
      assert.match(page.body, /href="\/auth\/oidc\/start\?next=%2Faccount"/);

      const start = await browser.get('/auth/oidc/start?next=%2Faccount');
      assert.equal(start.statusCode, 303);
      const location = new URL(String(start.headers.location));
      assert.equal(`${location.origin}${location.pathname}`, 'https://login.example.nhs.uk/tenant/oauth2/v2.0/authorize');
      assert.equal(location.searchParams.get('redirect_uri'), 'http://127.0.0.1:3000/auth/oidc/callback');
      assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(location.searchParams.get('state'));
      assert.ok(location.searchParams.get('nonce'));
      const cookie = start.cookies.find((c) => c.name === 'mirror_oidc');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.path, '/auth/oidc');
      assert.ok(!cookie?.value.includes(location.searchParams.get('state')!), 'the state cookie is encoded and signed');

      // A callback without the cookie (another browser, or too late) is refused clearly.
      const stray = await new Browser(oidcApp).get(`/auth/oidc/callback?code=abc&state=${location.searchParams.get('state')}`);
      assert.equal(stray.statusCode, 400);
      assert.match(stray.body, /Your sign-in timed out/);
      // The provider reporting an error (the person cancelled) is refused clearly too.
      const cancelled = await browser.get(`/auth/oidc/callback?error=access_denied&state=${location.searchParams.get('state')}`);
      assert.equal(cancelled.statusCode, 400);
      assert.match(cancelled.body, /You did not finish signing in/);
      await oidcApp.close();
    } finally {
      await h.close();
    }
  });
});
