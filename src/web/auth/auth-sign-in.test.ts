/**
 * Authentication end to end, signing in: the first administrator, sign-in links, signing in and out, and the limits
 * on attempts. The real app from createApp (which registers authentication) over a real SQLite store in a temporary
 * folder, driven with app.inject and a cookie-keeping browser. Access, CSRF, the API and OIDC: auth-access.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSignInLink } from '../../services/sign-in-links.ts';
import { auditActions, auditEvents, PASSWORD, path, signIn } from './auth-test-support.ts';
import { addUser, Browser, createHarness, type Harness } from './test-harness.ts';
import { hashToken } from '../../services/tokens.ts';

describe('first run', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h.close());

  test('a first-run link leads to setting up the first administrator, who is then signed in', async () => {
    const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: null, now: new Date() });
    assert.match(link, /^http:\/\/127\.0\.0\.1:3000\/sign-in\/link\?token=[A-Za-z0-9_-]{43}$/);
    const browser = new Browser(h.app);

    const used = await browser.useLink(path(link));
    assert.equal(used.statusCode, 303);
    assert.equal(used.headers.location, '/account/setup');
    assert.equal(await h.store.users.count(), 0, 'no account exists until the form is completed');

    const form = await browser.get('/account/setup');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Set up your administrator account/);
    assert.match(form.body, /autocomplete="name"/);
    assert.match(form.body, /autocomplete="email"/);
    assert.match(form.body, /autocomplete="new-password"/);

    const invalid = await browser.post('/account/setup', { displayName: '', email: 'not-an-email', password: 'aaaaaaaaaaaaaaa' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /<title>Error: Set up your administrator account/);
    assert.match(invalid.body, /href="#displayName"[\s\S]*Enter a full name/);
    assert.match(invalid.body, /href="#email"[\s\S]*Enter an email address in the correct format/);
    assert.match(invalid.body, /href="#password"[\s\S]*Password must not be the same character repeated/);
    assert.doesNotMatch(invalid.body, /aaaaaaaaaaaaaaa/, 'a password is never shown back');

    const own = await browser.post('/account/setup', { displayName: 'Ada Admin', email: 'Ada@Trust.NHS.uk', password: 'ada@trust.nhs.uk' });
    assert.equal(own.statusCode, 400);
    assert.match(own.body, /href="#password"[\s\S]*Password must not include your name or email address\. Choose words that have nothing to do with you/);
    const common = await browser.post('/account/setup', { displayName: 'Ada Admin', email: 'Ada@Trust.NHS.uk', password: 'Password1234!' });
    assert.equal(common.statusCode, 400);
    assert.match(common.body, /href="#password"[\s\S]*Password is one of the most common passwords, or too close to one/);
    assert.equal(await h.store.users.count(), 0);

    const done = await browser.post('/account/setup', { displayName: 'Ada Admin', email: 'Ada@Trust.NHS.uk', password: PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/');
    assert.ok(browser.cookie('mirror_session'));
    const user = await h.store.users.byEmail('ada@trust.nhs.uk');
    assert.equal(user?.administrator, true);
    assert.equal(user?.hasPassword, true);

    const account = await browser.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Ada Admin/);
    assert.match(account.body, /href="\/admin\/users"/, 'administrators see Administration in the header');

    const actions = await auditActions(h);
    for (const action of ['sign-in-link-created', 'sign-in-link-used', 'user-created', 'password-set', 'sign-in'] as const) {
      assert.ok(actions.includes(action), action);
    }
  });

  test('the setup page cannot be used again once someone has an account', async () => {
    const browser = new Browser(h.app);
    const page = await browser.get('/account/setup');
    assert.equal(page.statusCode, 303);
    const post = await browser.post('/account/setup', { displayName: 'Eve', email: 'eve@example.com', password: PASSWORD });
    assert.equal(post.statusCode, 403);
    assert.equal(await h.store.users.byEmail('eve@example.com'), null);
  });

  test('a first-run link made before setup is refused after it', async () => {
    const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: null, now: new Date() });
    const response = await new Browser(h.app).useLink(path(link));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /already been set up/);
  });
});

describe('sign-in links', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
  });
  after(async () => h.close());

  test('a link works once, signs its person in, and sends someone without a password to create one', async () => {
    const user = await addUser(h.store, { email: 'new@trust.nhs.uk' });
    const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: user.id, now: new Date() });
    const browser = new Browser(h.app);
    const first = await browser.useLink(path(link));
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/account/password');
    assert.equal(first.headers['cache-control'], 'no-store');

    const page = await browser.get('/account/password');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Create a password/);
    assert.doesNotMatch(page.body, /Current password/);
    const weak = await browser.post('/account/password', { newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /href="#newPassword"[\s\S]*Password must be 12 characters or more/);
    const common = await browser.post('/account/password', { newPassword: 'iloveyou2024' });
    assert.equal(common.statusCode, 400);
    assert.match(common.body, /href="#newPassword"[\s\S]*Password is one of the most common passwords, or too close to one/);
    const own = await browser.post('/account/password', { newPassword: 'new@trust.nhs.uk 2024' });
    assert.equal(own.statusCode, 400);
    assert.match(own.body, /href="#newPassword"[\s\S]*Password must not include your name or email address/);
    const saved = await browser.post('/account/password', { newPassword: PASSWORD });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/account?saved=password');
    assert.equal((await h.store.users.byId(user.id))?.hasPassword, true);
    assert.ok((await auditActions(h)).includes('password-set'));

    const second = await new Browser(h.app).useLink(path(link));
    assert.equal(second.statusCode, 400);
    assert.match(second.body, /This sign-in link cannot be used/);

    const signedIn = await signIn(new Browser(h.app), 'new@trust.nhs.uk');
    assert.equal(signedIn.statusCode, 303);
  });

  test('an expired link is refused', async () => {
    const user = await addUser(h.store, { email: 'late@trust.nhs.uk' });
    const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: user.id, now: new Date(Date.now() - 2 * 60 * 60_000), lifetimeMinutes: 60 });
    const browser = new Browser(h.app);
    const response = await browser.useLink(path(link));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /expired/);
    assert.equal(browser.cookie('mirror_session'), undefined);
  });

  test('an unknown or malformed token is refused, and the failure is audited', async () => {
    for (const url of [`/sign-in/link?token=${'A'.repeat(43)}`, '/sign-in/link?token=nonsense', '/sign-in/link']) {
      const response = await new Browser(h.app).useLink(url);
      assert.equal(response.statusCode, 400, url);
    }
    const failures = await auditEvents(h, 'sign-in-failed');
    assert.ok(failures.some((e) => e.details['method'] === 'link'));
  });

  test('a person with a password goes to the start page, and changing it needs the current one', async () => {
    const user = await addUser(h.store, { email: 'has@trust.nhs.uk', displayName: 'Harriet Hasford', password: PASSWORD });
    const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: user.id, now: new Date() });
    const browser = new Browser(h.app);
    const used = await browser.useLink(path(link));
    assert.equal(used.headers.location, '/');

    const other = new Browser(h.app);
    await signIn(other, 'has@trust.nhs.uk');
    assert.equal((await other.get('/account')).statusCode, 200);

    await browser.get('/account/password');
    const wrong = await browser.post('/account/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /href="#currentPassword"[\s\S]*Your current password is not correct/);
    const named = await browser.post('/account/password', { currentPassword: PASSWORD, newPassword: 'Harriet Hasford the third' });
    assert.equal(named.statusCode, 400);
    assert.match(named.body, /href="#newPassword"[\s\S]*Password must not include your name or email address/);
    const changed = await browser.post('/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    assert.equal(changed.statusCode, 303);
    assert.equal((await browser.get('/account')).statusCode, 200, 'still signed in here, with a new session');
    assert.equal((await other.get('/account')).statusCode, 303, 'signed out everywhere else');
  });
});

describe('signing in and out', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    await addUser(h.store, { email: 'ada@trust.nhs.uk', displayName: 'Ada', password: PASSWORD });
  });
  after(async () => h.close());

  test('the sign-in page is a labelled form with autocomplete and a CSRF token', async () => {
    const browser = new Browser(h.app);
    const page = await browser.get('/sign-in');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label class="nhsuk-label" for="email">/);
    assert.match(page.body, /<label class="nhsuk-label" for="password">/);
    assert.match(page.body, /autocomplete="email"/);
    assert.match(page.body, /autocomplete="current-password"/);
    assert.match(page.body, /name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    assert.doesNotMatch(page.body, /organisation account/, 'no OIDC button unless configured');
    const cookie = page.cookies.find((c) => c.name === 'mirror_csrf');
    assert.ok(cookie?.httpOnly);
  });

  test('a correct email and password sign in, with a fresh session cookie each time', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in?next=%2Faccount');
    const response = await browser.post('/sign-in', { email: ' ADA@trust.nhs.uk ', password: PASSWORD, next: '/account' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    const cookie = response.cookies.find((c) => c.name === 'mirror_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, undefined, 'not Secure over http');
    assert.equal(cookie.maxAge, 8 * 60 * 60);
    const first = cookie.value;

    const page = await browser.get('/account');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');

    // Signing in again (for example after a planted cookie) replaces the session: no fixation.
    const again = await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: PASSWORD });
    assert.equal(again.statusCode, 303);
    const second = browser.cookie('mirror_session');
    assert.ok(second && second !== first);
    assert.equal(await h.store.sessions.byTokenHash(hashToken(first), new Date()), null, 'the old session is gone');
  });

  test('an unsafe next address is ignored', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: PASSWORD, next: '//evil.example/' });
    assert.equal(response.headers.location, '/');
  });

  test('a wrong password and an unknown email get the same message, and both are audited without personal data', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in');
    const wrong = await browser.post('/sign-in', { email: 'ada@trust.nhs.uk', password: 'not the password' });
    const unknown = await browser.post('/sign-in', { email: 'nobody@trust.nhs.uk', password: 'not the password' });
    for (const response of [wrong, unknown]) {
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /Enter a correct email address and password/);
      assert.match(response.body, /href="#email"/);
      assert.doesNotMatch(response.body, /not the password/);
      assert.equal(response.cookies.find((c) => c.name === 'mirror_session'), undefined);
    }
    const failures = await auditEvents(h, 'sign-in-failed');
    assert.ok(failures.length >= 2);
    const text = JSON.stringify(failures);
    assert.doesNotMatch(text, /trust\.nhs\.uk|not the password/);
  });

  test('empty fields get their own messages', async () => {
    const browser = new Browser(h.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: '', password: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#email"[\s\S]*Enter your email address/);
    assert.match(response.body, /href="#password"[\s\S]*Enter your password/);
  });

  test('signing out deletes the session, so the old cookie no longer works', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'ada@trust.nhs.uk');
    const token = browser.cookie('mirror_session')!;
    await browser.get('/account');
    const out = await browser.post('/sign-out');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/sign-in');
    assert.equal(browser.cookie('mirror_session'), undefined);
    assert.equal(await h.store.sessions.byTokenHash(hashToken(token), new Date()), null);
    const replay = await h.app.inject({ method: 'GET', url: '/account', cookies: { mirror_session: token } });
    assert.equal(replay.statusCode, 303);
    assert.equal(replay.headers.location, '/sign-in?next=%2Faccount');
    assert.ok((await auditActions(h)).includes('sign-out'));
  });

  test('a session ends after 8 hours', async () => {
    const browser = new Browser(h.app);
    await signIn(browser, 'ada@trust.nhs.uk');
    h.setNow(new Date(Date.now() + 8 * 60 * 60_000 + 1000));
    try {
      assert.equal((await browser.get('/account')).statusCode, 303);
    } finally {
      h.setNow(new Date());
    }
  });
});

describe('sign-in attempts are limited', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    await addUser(h.store, { email: 'target@trust.nhs.uk', password: PASSWORD });
  });
  after(async () => h.close());

  test('at most 10 attempts per email address in 15 minutes, from any address', async () => {
    for (let i = 1; i <= 10; i++) {
      const browser = new Browser(h.app, `10.0.0.${i}`);
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', { email: 'target@trust.nhs.uk', password: `guess number ${i}` });
      assert.equal(response.statusCode, 401, `attempt ${i}`);
    }
    const browser = new Browser(h.app, '10.0.1.1');
    await browser.get('/sign-in');
    const refused = await browser.post('/sign-in', { email: 'TARGET@trust.nhs.uk', password: PASSWORD });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /You have tried to sign in too many times/);
    assert.match(refused.body, /Wait 15 minutes/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(browser.cookie('mirror_session'), undefined, 'even the right password waits');
  });

  test('at most 10 attempts per network address in 15 minutes, whatever the email', async () => {
    const browser = new Browser(h.app, '192.0.2.7');
    await browser.get('/sign-in');
    for (let i = 1; i <= 10; i++) {
      const response = await browser.post('/sign-in', { email: `person${i}@trust.nhs.uk`, password: 'a wrong password' });
      assert.equal(response.statusCode, 401, `attempt ${i}`);
    }
    const refused = await browser.post('/sign-in', { email: 'someone.else@trust.nhs.uk', password: 'a wrong password' });
    assert.equal(refused.statusCode, 429);
    const elsewhere = new Browser(h.app, '192.0.2.8');
    await elsewhere.get('/sign-in');
    assert.equal((await elsewhere.post('/sign-in', { email: 'someone.else@trust.nhs.uk', password: 'a wrong password' })).statusCode, 401);
  });
});
