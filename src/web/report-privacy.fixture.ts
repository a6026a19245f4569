/**
 * Run by report-privacy.test.ts in a child process, so that everything the application logs (at the most detailed level)
 * can be read from this process's standard output. Builds the app over a SQLite file and a reporting key file in
 * a fresh data folder, submits an anonymous report and a confidential one from a browser with a distinctive user
 * agent and forwarded address (and a distinctive address of its own), follows them up, lets a handler read and
 * answer, then closes the store and prints the data folder's path as the last line of standard error.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadReportingKey } from '../services/report-sealing.ts';
import { buildApp } from './composition-root.ts';
import { addUser, Browser } from './auth/test-harness.ts';

const env = process.env;
const agent = env['MIRROR_TEST_AGENT']!;
const forwarded = env['MIRROR_TEST_FORWARDED']!;
const address = env['MIRROR_TEST_ADDRESS']!;
const dir = mkdtempSync(join(tmpdir(), 'mirror-report-privacy-'));
const reportingKey = await loadReportingKey({ MIRROR_DATA_DIR: dir });
const { app, services } = await buildApp(
  { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: randomBytes(32), reportingKey },
  { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'trace' },
);
const { store } = services;
await store.imports.create({
  organisation: { code: 'PRIV', name: 'Privacy Trust' }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
  records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null }, standardCounts: {},
});
const organisation = (await store.organisations.byCode('PRIV'))!;
const handler = await addUser(store, { email: 'guardian@example.nhs.uk', displayName: 'Gwen Guardian', password: 'a long enough password' });
for (const role of ['ftsu-guardian', 'dignity-at-work', 'hr', 'edi-lead']) await store.reporting.setHandler(organisation.id, role, handler.id, true);

const headers = { 'user-agent': agent, 'x-forwarded-for': forwarded, 'x-real-ip': forwarded, forwarded: `for=${forwarded}` };
const reporter = new Browser(app, address);
const get = (url: string) => reporter.get(url, headers);
const post = (url: string, form: Record<string, string>) => reporter.post(url, form, { headers });

const receipts: string[] = [];
await get('/report/PRIV');
for (const [route, contact] of [['anonymous', ''], ['confidential', env['MIRROR_TEST_CONTACT']!]] as const) {
  const sent = await post('/report/PRIV', { route, category: 'colleagues', wanted: 'action', content: env['MIRROR_TEST_CONTENT']!, contact });
  if (sent.statusCode !== 200) throw new Error(`report not sent: ${sent.statusCode}`);
  receipts.push(/<strong class="mirror-receipt">([A-Z0-9-]+)<\/strong>/.exec(sent.body)![1]!);
}
await get('/report/follow-up');
const wrong = await post('/report/follow-up', { receipt: 'AAAA-AAAA-AAAA-AAAA' });
const opened = await post('/report/follow-up', { receipt: receipts[0]!, message: env['MIRROR_TEST_MESSAGE']! });
await get('/report/PRIV/about');

const staff = new Browser(app, '127.0.0.1');
await staff.get('/sign-in');
await staff.post('/sign-in', { email: 'guardian@example.nhs.uk', password: 'a long enough password' });
const cases = await store.reporting.casesVisibleTo(organisation.id, handler.id, ['dignity-at-work']);
for (const c of cases) {
  await staff.get(`/cases/PRIV/${c.id}`);
  await staff.post(`/cases/PRIV/${c.id}/messages`, { message: 'Thank you for telling us.' });
}
await app.close();
await store.close();
process.stderr.write(`${JSON.stringify({ dir, receipts, wrong: wrong.statusCode, opened: opened.statusCode, openedShowsContent: opened.body.includes(env['MIRROR_TEST_CONTENT']!), cases: cases.length })}\n`);
