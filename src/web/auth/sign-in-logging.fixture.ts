/**
 * Run by sign-in-logging.test.ts in a child process with logging at its most detailed: signs a person in every way
 * there is, then prints the secrets it saw (as JSON, on stderr) so the parent can check none reached the log on
 * stdout. Not a test file itself.
 */
import { createSignInLink } from '../../services/sign-in-links.ts';
import { sampleImport } from '../../../test/store/fixtures.ts';
import { addUser, Browser, codeById, createHarness } from './test-harness.ts';

const email = process.env['MIRROR_TEST_EMAIL']!;
const password = process.env['MIRROR_TEST_PASSWORD']!;
const displayName = process.env['MIRROR_TEST_NAME']!;

const h = await createHarness({
  logLevel: 'trace',
  beforeReady: (app) => app.get('/api/v1/whoami', async (request) => ({ id: request.currentUser?.id })),
});
try {
  const organisation = await h.store.imports.create(sampleImport(2025));
  const user = await addUser(h.store, { email, displayName, password, administrator: true, memberships: [[organisation.organisationId, 'viewer']] });
  const browser = new Browser(h.app);
  await browser.get('/sign-in');
  const signedOutCsrf = browser.lastCsrf;
  await browser.post('/sign-in', { email, password: `${password}-wrong` });
  await browser.post('/sign-in', { email, password }, { withCsrf: false });
  await browser.post('/sign-in', { email, password });
  const sessionToken = browser.cookie('mirror_session');
  await browser.get('/account');
  const created = await browser.post('/account/api-tokens', { tokenName: 'Reporting', organisation: 'RXX', expiresIn: '30' });
  const apiToken = codeById(created.body, 'api-token');
  await h.app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { authorization: `Bearer ${apiToken}` } });
  await browser.get('/admin/users');
  await browser.post('/admin/users', { email: `second.${email}`, displayName: `${displayName} Second` });
  const link = await createSignInLink(h.store, { baseUrl: h.config.baseUrl, userId: user.id, now: new Date() });
  const linkToken = new URL(link).searchParams.get('token');
  await new Browser(h.app).useLink(`/sign-in/link?token=${linkToken}`);
  await new Browser(h.app).useLink(`/sign-in/link?token=${linkToken}`);
  await browser.post('/sign-out');
  process.stderr.write(JSON.stringify({ sessionToken, apiToken, linkToken, signedOutCsrf, signedInCsrf: browser.lastCsrf }));
} finally {
  await h.close();
}
