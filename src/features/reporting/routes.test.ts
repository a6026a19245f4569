/**
 * Reporting through the web (issue 12): the form, the receipt and the conversation it opens, and who can read a
 * case. Real store (SQLite file), real sealing, real sign-in; the harness's clock is set so dates are known.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dayOf, keptUntil } from '../../core/reporting/cases.ts';
import { deleteExpiredCases } from './case-service.ts';
import { addUser, Browser, createHarness, type Harness } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

async function signIn(harness: Harness, email: string): Promise<Browser> {
  const browser = new Browser(harness.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email, password: PASSWORD });
  assert.equal(response.statusCode, 303, `${email} signs in`);
  return browser;
}

function receiptOf(html: string): string {
  const match = /<strong class="mirror-receipt">([A-Z0-9-]+)<\/strong>/.exec(html);
  assert.ok(match?.[1], 'the page shows a receipt');
  return match[1];
}

describe('reporting racism and discrimination', () => {
  let harness: Harness;
  const people = new Map<string, Browser>();
  const ids = new Map<string, number>();

  before(async () => {
    harness = await createHarness();
    const { store } = harness;
    const org = async (code: string) => {
      await store.imports.create({
        organisation: { code, name: `Organisation ${code}` }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
        records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null },
        standardCounts: {},
      });
      return (await store.organisations.byCode(code))!.id;
    };
    const a = await org('ORGA');
    const b = await org('ORGB');
    ids.set('ORGA', a);
    const add = async (name: string, extra: { administrator?: boolean; memberships?: [number, 'analyst' | 'viewer'][] } = {}) => {
      const user = await addUser(store, { email: `${name}@example.nhs.uk`, displayName: `${name[0]!.toUpperCase()}${name.slice(1)} Person`, password: PASSWORD, ...extra });
      ids.set(name, user.id);
    };
    await add('dignity');
    await add('hr');
    await add('otherorg');
    await add('analyst', { memberships: [[a, 'analyst']] });
    await add('viewer', { memberships: [[a, 'viewer']] });
    await add('admin', { administrator: true });
    for (const name of ['dignity', 'hr', 'otherorg', 'analyst', 'viewer', 'admin']) people.set(name, await signIn(harness, `${name}@example.nhs.uk`));
    // The administrator gives the roles through the form.
    const admin = people.get('admin')!;
    await admin.get('/admin/reporting/ORGA');
    for (const [email, role, code] of [['dignity', 'dignity-at-work', 'ORGA'], ['hr', 'hr', 'ORGA'], ['otherorg', 'dignity-at-work', 'ORGB']] as const) {
      const response = await admin.post(`/admin/reporting/${code}/handlers`, { email: `${email}@example.nhs.uk`, role });
      assert.equal(response.statusCode, 303, `${email} becomes a handler`);
      assert.equal(response.headers.location, `/admin/reporting/${code}`);
    }
    assert.equal((await store.reporting.handlers(b)).length, 1);
  });

  after(() => harness.close());

  test('the form needs no sign-in, works for a known organisation only, and refuses files', async () => {
    const reporter = new Browser(harness.app);
    const form = await reporter.get('/report/ORGA');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Report racism or discrimination/);
    assert.match(form.body, /Racism or discrimination from patients or the public/);
    assert.equal(form.headers['cache-control'], 'no-store');
    assert.equal((await reporter.get('/report/NOPE')).statusCode, 404);
    assert.equal((await reporter.get('/report/NOPE/about')).statusCode, 404);
    assert.equal((await reporter.get('/report/ORGA/about')).statusCode, 200);
    const cookies = [form.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split('=')[0]);
    assert.deepEqual(cookies, ['mirror_csrf'], 'the only cookie is the form\'s CSRF cookie');
    const upload = await reporter.send('POST', '/report/ORGA', '--x\r\nContent-Disposition: form-data; name="content"\r\n\r\nhello\r\n--x--\r\n', {
      'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': reporter.lastCsrf,
    });
    assert.notEqual(upload.statusCode, 200, 'a multipart body (a file) is not taken');
    assert.equal((await harness.store.reporting.casesVisibleTo(ids.get('ORGA')!, ids.get('dignity')!, ['dignity-at-work'])).length, 0);
    const empty = await reporter.post('/report/ORGA', { route: 'confidential', category: 'colleagues', wanted: 'heard', content: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Describe what happened/);
    assert.match(empty.body, /Enter your name or a way to contact you/);
  });

  test('a receipt opens the conversation both ways; a wrong one does not; only the routed role sees the case', async () => {
    const reporter = new Browser(harness.app);
    await reporter.get('/report/ORGA');
    const sent = await reporter.post('/report/ORGA', { route: 'anonymous', category: 'colleagues', wanted: 'action', content: 'A colleague mocked my accent in the handover.', contact: 'Should not be kept' });
    assert.equal(sent.statusCode, 200);
    const receipt = receiptOf(sent.body);
    assert.match(receipt, /^[AFHJKMNQRUWXY34679]{4}(-[AFHJKMNQRUWXY34679]{4}){3}$/);

    const caseId = (await harness.store.reporting.casesVisibleTo(ids.get('ORGA')!, ids.get('dignity')!, ['dignity-at-work']))[0]!.id;
    const stored = (await harness.store.reporting.caseById(ids.get('ORGA')!, caseId))!;
    assert.equal(stored.contact, null, 'an anonymous report keeps no contact');
    assert.equal(stored.receivedOn, dayOf(new Date()), 'the day only');
    assert.doesNotMatch(stored.content, /accent/);

    const follow = new Browser(harness.app);
    await follow.get('/report/follow-up');
    const wrong = await follow.post('/report/follow-up', { receipt: 'AAAA-AAAA-AAAA-AAAA' });
    assert.equal(wrong.statusCode, 400);
    assert.doesNotMatch(wrong.body, /accent/);
    const opened = await follow.post('/report/follow-up', { receipt: receipt.toLowerCase().replaceAll('-', ' ') });
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /A colleague mocked my accent in the handover\./);
    assert.equal(opened.headers['set-cookie'], undefined, 'following up sets no cookie: the receipt is sent each time');
    assert.equal(sent.headers['set-cookie'], undefined, 'nor does sending a report');
    assert.equal(opened.headers['cache-control'], 'no-store');

    const url = `/cases/ORGA/${caseId}`;
    for (const who of ['hr', 'analyst', 'viewer', 'admin', 'otherorg']) {
      assert.equal((await people.get(who)!.get(url)).statusCode, 404, `${who} cannot read the case`);
      assert.doesNotMatch((await people.get(who)!.get('/cases/ORGA')).body, new RegExp(`Case ${caseId}<`), `${who} does not see it listed`);
    }
    assert.equal((await people.get('otherorg')!.get(`/cases/ORGB/${caseId}`)).statusCode, 404);
    const handler = people.get('dignity')!;
    const page = await handler.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /mocked my accent/);
    assert.match(page.body, /None: reported anonymously/);
    assert.equal((await handler.post(`${url}/messages`, { message: 'Thank you. Which ward was it?' })).statusCode, 303);
    assert.equal((await handler.post(`${url}/notes`, { note: 'Private: check the rota.' })).statusCode, 303);

    const again = await follow.post('/report/follow-up', { receipt, message: 'Ward 7, on a night shift.' });
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Which ward was it\?/);
    assert.match(again.body, /Ward 7, on a night shift\./);
    assert.doesNotMatch(again.body, /check the rota/, 'notes are for handlers only');
    assert.doesNotMatch(again.body, /Dignity Person/, 'the handler is not named to the reporter');
    const handlerView = await handler.get(url);
    assert.match(handlerView.body, /Ward 7, on a night shift\./);
    assert.match(handlerView.body, /check the rota/);

    // Later the reporter gives a contact: the report is now made in confidence, and nothing offers to withdraw it.
    assert.match(again.body, /Give your name or contact/);
    const empty = await follow.post('/report/follow-up', { receipt, identify: 'yes', contact: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter your name or a way to contact you/);
    const identified = await follow.post('/report/follow-up', { receipt, identify: 'yes', contact: 'Kwame, kwame.private@example.com' });
    assert.equal(identified.statusCode, 200);
    assert.match(identified.body, /Your name or contact has been added/);
    assert.doesNotMatch(identified.body, /Give your name or contact/);
    const disclosed = (await harness.store.reporting.caseById(ids.get('ORGA')!, caseId))!;
    assert.equal(disclosed.route, 'confidential');
    assert.doesNotMatch(disclosed.contact ?? '', /kwame/, 'sealed');
    assert.doesNotMatch((await handler.get(url)).body, /kwame\.private/, 'shown only once the case is assigned');

    const events = await harness.store.audit.list({ limit: 500, offset: 0 });
    const caseEvents = events.filter((e) => e.subject === `report-case/${caseId}`);
    assert.deepEqual(new Set(caseEvents.map((e) => e.action)), new Set(['report-case-viewed', 'report-message-sent', 'report-note-added']));
    assert.ok(caseEvents.every((e) => e.userId === ids.get('dignity')));
    assert.doesNotMatch(JSON.stringify(events), /accent|Ward 7|rota/);
  });

  test('a contact is seen only by the assigned handler; reassignment moves the case; closing and retention delete it', async () => {
    const reporter = new Browser(harness.app);
    await reporter.get('/report/ORGA');
    const sent = await reporter.post('/report/ORGA', { route: 'confidential', category: 'microaggressions', wanted: 'advice', content: 'Comments about my hair.', contact: 'Adaeze Okonkwo-Test, 07700 900123' });
    assert.equal(sent.statusCode, 200);
    const list = await harness.store.reporting.casesVisibleTo(ids.get('ORGA')!, ids.get('dignity')!, ['dignity-at-work']);
    const caseId = list.find((c) => c.category === 'microaggressions')!.id;
    const url = `/cases/ORGA/${caseId}`;
    const dignity = people.get('dignity')!;
    const hr = people.get('hr')!;
    const before = await dignity.get(url);
    assert.doesNotMatch(before.body, /Okonkwo-Test/, 'not assigned yet: the contact is hidden');
    assert.match(before.body, /shown only to the handler the case is assigned to/);

    assert.equal((await dignity.post(`${url}/status`, { status: 'triaged' })).statusCode, 303);
    assert.equal((await dignity.post(`${url}/assign`, { assignee: String(ids.get('dignity')) })).statusCode, 303);
    const assigned = await dignity.get(url);
    assert.match(assigned.body, /Adaeze Okonkwo-Test, 07700 900123/);
    assert.equal((await harness.store.reporting.caseById(ids.get('ORGA')!, caseId))!.status, 'assigned');

    // A conflict of interest: handed to HR, and the first handler no longer sees it.
    assert.equal((await dignity.post(`${url}/assign`, { assignee: String(ids.get('hr')) })).statusCode, 303);
    assert.equal((await dignity.get(url)).statusCode, 404);
    const hrView = await hr.get(url);
    assert.equal(hrView.statusCode, 200);
    assert.match(hrView.body, /Okonkwo-Test/);

    const refused = await hr.post(`${url}/status`, { status: 'closed' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Choose the outcome the case is closed with/);
    assert.equal((await hr.post(`${url}/status`, { status: 'in-progress' })).statusCode, 303);
    assert.equal((await hr.post(`${url}/status`, { status: 'closed', outcome: 'advice-given' })).statusCode, 303);
    const closed = (await harness.store.reporting.caseById(ids.get('ORGA')!, caseId))!;
    const today = dayOf(new Date());
    assert.deepEqual([closed.status, closed.closingOutcome, closed.closedOn], ['closed', 'advice-given', today]);

    const events = await harness.store.audit.list({ limit: 500, offset: 0 });
    assert.doesNotMatch(JSON.stringify(events), /Okonkwo|07700|hair/);

    const lastDay = new Date(`${keptUntil(today, 12)}T23:59:00Z`);
    assert.equal(await deleteExpiredCases(harness.store, lastDay), 0, 'kept through the last day of 12 months');
    assert.equal(await deleteExpiredCases(harness.store, new Date(lastDay.getTime() + 120_000)), 1);
    assert.equal(await harness.store.reporting.caseById(ids.get('ORGA')!, caseId), null);
    assert.deepEqual(await harness.store.reporting.messages(caseId), []);
  });

  test('a report routed to a role nobody holds is seen by every handler of the organisation, and nobody else', async () => {
    const reporter = new Browser(harness.app);
    await reporter.get('/report/ORGA');
    assert.equal((await reporter.post('/report/ORGA', { route: 'anonymous', category: 'patients-public', wanted: 'heard', content: 'A patient refused my care.' })).statusCode, 200);
    const [found] = await harness.store.reporting.casesVisibleTo(ids.get('ORGA')!, 0, ['edi-lead']);
    assert.ok(found, 'routed to the equality, diversity and inclusion lead, which nobody holds');
    for (const who of ['dignity', 'hr']) {
      const page = await people.get(who)!.get(`/cases/ORGA/${found.id}`);
      assert.equal(page.statusCode, 200, who);
      assert.match((await people.get(who)!.get('/cases/ORGA')).body, /Nobody holds the role: Equality, diversity and inclusion lead/);
    }
    for (const who of ['analyst', 'viewer', 'admin', 'otherorg']) assert.equal((await people.get(who)!.get(`/cases/ORGA/${found.id}`)).statusCode, 404, who);
  });

  test('an administrator sets the lists; the form shows them; a viewer cannot change them', async () => {
    const admin = people.get('admin')!;
    await admin.get('/admin/reporting/ORGA');
    const saved = await admin.post('/admin/reporting/ORGA', {
      categories: 'Racism or discrimination from colleagues\nBanter about religion', directorates: 'Surgery\nWomen and children',
      handlerRoles: 'Dignity at Work adviser\nHuman resources', retentionMonths: '6', 'route-colleagues': 'hr',
    });
    assert.equal(saved.statusCode, 303);
    const settings = (await harness.store.reporting.settings(ids.get('ORGA')!))!;
    assert.deepEqual(settings.categories.map((c) => c.key), ['colleagues', 'banter-about-religion']);
    assert.equal(settings.routing['colleagues'], 'hr');
    assert.equal(settings.retentionMonths, 6);
    const form = await new Browser(harness.app).get('/report/ORGA');
    assert.match(form.body, /Banter about religion/);
    assert.match(form.body, /Women and children/);
    const viewer = people.get('viewer')!;
    await viewer.get('/cases');
    assert.equal((await viewer.post('/admin/reporting/ORGA', { categories: 'x', handlerRoles: 'y', retentionMonths: '3' })).statusCode, 403);
    assert.equal((await viewer.get('/admin/reporting/ORGA')).statusCode, 403);
  });

  test('too many wrong receipts make everyone wait, whoever enters them', async () => {
    const guesser = new Browser(harness.app);
    await guesser.get('/report/follow-up');
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await guesser.post('/report/follow-up', { receipt: `nonsense ${i}` })).statusCode;
    assert.equal(last, 429);
    const someoneElse = new Browser(harness.app, '10.9.9.9');
    await someoneElse.get('/report/follow-up');
    assert.equal((await someoneElse.post('/report/follow-up', { receipt: 'AFHJ-KMNQ-RUWX-Y346' })).statusCode, 429);
  });
});
