/**
 * Run by pulse-privacy.test.ts in a child process, so that everything the application logs (at the most detailed
 * level) can be read from this process's standard output. Builds the app over a SQLite file in a fresh data folder,
 * opens a staff network's pulse question, answers it from a browser with a distinctive user agent and forwarded address
 * (and a distinctive address of its own), lets a member read the network's page, then closes the store and prints what
 * happened, with the data folder's path, as the last line of standard error.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildApp } from './composition-root.ts';
import { addUser, Browser } from './auth/test-harness.ts';

const env = process.env;
const agent = env['MIRROR_TEST_AGENT']!;
const forwarded = env['MIRROR_TEST_FORWARDED']!;
const address = env['MIRROR_TEST_ADDRESS']!;
const dir = mkdtempSync(join(tmpdir(), 'mirror-pulse-privacy-'));
const { app, services } = await buildApp(
  { storeConfig: { dialect: 'sqlite', file: join(dir, 'mirror.sqlite') }, dataDir: dir, pseudonymKey: randomBytes(32), reportingKey: randomBytes(32) },
  { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'trace' },
);
const { store } = services;
await store.imports.create({
  organisation: { code: 'PRIV', name: 'Privacy Trust' }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
  records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null }, standardCounts: {},
});
const organisation = (await store.organisations.byCode('PRIV'))!;
await addUser(store, { email: 'analyst@example.nhs.uk', password: 'a long enough password', memberships: [[organisation.id, 'analyst']] });
const network = await store.staffNetworks.create(organisation.id, {
  name: 'Race Equality Network', purpose: '', chairName: 'A. Chair', chairRole: 'Nurse', chairUserId: null, sponsorName: 'B. Sponsor', sponsorRole: 'Chief People Officer',
}, null);
const today = new Date().toISOString().slice(0, 10);
const question = await store.staffNetworks.createQuestion({ networkId: network, question: 'Do you feel safe to speak up?', options: ['Yes', 'No'], opensOn: '2000-01-01', closesOn: today, createdBy: null });
const auditBefore = (await store.audit.list({ limit: 1000, offset: 0 })).length;

const headers = { 'user-agent': agent, 'x-forwarded-for': forwarded, 'x-real-ip': forwarded, forwarded: `for=${forwarded}` };
const answerer = new Browser(app, address);
const url = `/networks/PRIV/${network}/pulse/${question}`;
await answerer.get(url, headers);
const answers: number[] = [];
for (let i = 0; i < 3; i++) answers.push((await answerer.post(url, { answer: String(i % 2) }, { headers })).statusCode);
const auditAfter = (await store.audit.list({ limit: 1000, offset: 0 })).length;

const staff = new Browser(app, '127.0.0.1');
await staff.get('/sign-in');
await staff.post('/sign-in', { email: 'analyst@example.nhs.uk', password: 'a long enough password' });
await staff.get(`/organisations/PRIV/networks/${network}`);
const tallies = await store.staffNetworks.tallies(question, 2);
await app.close();
await store.close();
process.stderr.write(`${JSON.stringify({ dir, answers, tallies, audited: auditAfter - auditBefore })}\n`);
