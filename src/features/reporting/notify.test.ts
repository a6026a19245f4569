/**
 * Issue 12, item 6: handlers are told by email that something is waiting, and the email carries nothing else. A real
 * SMTP server (smtp-server) runs in-process; Mirror sends through nodemailer over a real connection, and the test
 * reads what arrived.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../services/mailer.ts';
import { addUser, Browser, createHarness, type Harness } from '../../web/auth/test-harness.ts';
import { NOTIFICATION_SUBJECT } from './notify-service.ts';

interface Received { readonly to: string[]; readonly raw: string }

/** Listens on the first free port of 4150 to 4199 (this worktree's range), on the loopback address only. */
async function startSmtp(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  for (let port = 4150; port < 4200; port++) {
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return { server, port };
  }
  throw new Error('no free port from 4150 to 4199');
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(check(), what);
}

describe('email notifications', () => {
  const received: Received[] = [];
  let smtp: { server: SMTPServer; port: number };
  let harness: Harness;
  let mailer: ReturnType<typeof createMailer>;

  before(async () => {
    smtp = await startSmtp(received);
    mailer = createMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Mirror <mirror@trust.example>' });
    harness = await createHarness({ mailer, baseUrl: 'https://mirror.trust.example' });
    await harness.store.imports.create({
      organisation: { code: 'MAIL', name: 'Kingfisher Valley NHS Trust' }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
      records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null }, standardCounts: {},
    });
    const organisation = (await harness.store.organisations.byCode('MAIL'))!;
    for (const [email, name, role] of [['guardian@trust.example', 'Grace Guardianname', 'dignity-at-work'], ['people@trust.example', 'Percy Peoplename', 'hr']] as const) {
      const user = await addUser(harness.store, { email, displayName: name });
      await harness.store.reporting.setHandler(organisation.id, role, user.id, true);
    }
  });

  after(async () => {
    await harness.close();
    mailer.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  test('a report and a reporter\'s message each tell the role\'s handlers only that something is waiting', async () => {
    const reporter = new Browser(harness.app);
    await reporter.get('/report/MAIL');
    const content = 'Distinctive words: the charge nurse called me a name on Heron Ward';
    const contact = 'Chidinma Contactname 07700900777';
    const sent = await reporter.post('/report/MAIL', { route: 'confidential', category: 'colleagues', wanted: 'action', content, contact });
    assert.equal(sent.statusCode, 200);
    const receipt = /<strong class="mirror-receipt">([A-Z0-9-]+)<\/strong>/.exec(sent.body)![1]!;
    await waitFor(() => received.length === 1, 'one email, to the one Dignity at Work adviser');
    assert.deepEqual(received[0]!.to, ['guardian@trust.example'], 'only the role the category is routed to');

    await reporter.get('/report/follow-up');
    const message = 'Distinctive follow-up: it happened again on Tuesday';
    assert.equal((await reporter.post('/report/follow-up', { receipt, message })).statusCode, 200);
    await waitFor(() => received.length === 2, 'a second email after the reporter wrote');

    for (const mail of received) {
      assert.match(mail.raw, new RegExp(`Subject: ${NOTIFICATION_SUBJECT}`));
      assert.match(mail.raw, /https:\/\/mirror\.trust\.example\/cases/);
      for (const secret of [content, 'Heron Ward', contact, 'Chidinma', 'Contactname', message, 'Tuesday', receipt, receipt.replaceAll('-', ''),
        'Kingfisher', 'MAIL', 'Grace', 'Guardianname', 'Percy', 'colleagues', 'Racism or discrimination', 'Dignity at Work']) {
        assert.equal(mail.raw.includes(secret), false, `the email contains ${secret}`);
      }
    }
  });
});
