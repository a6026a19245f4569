/**
 * Issue 12's first "done when": a report sent with a distinctive user agent and forwarded address leaves neither
 * anywhere in the database file, the logs or the data folder; and the report's words, the reporter's contact and
 * their messages are not in the database file, the logs or the data folder in the clear either (they are sealed).
 * The application runs in a child process (report-privacy.fixture.ts) logging at "trace", so every log line is read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const here = dirname(fileURLToPath(import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('an anonymous report leaves no user agent, address, or words in the clear in the database, the logs or the data folder', () => {
  const secrets = {
    agent: 'ZebraFinchBrowser/7.31 (DistinctiveAgent-Qx81)',
    forwarded: '198.51.100.231',
    address: '203.0.113.177',
    content: 'Distinctive report words about the night shift on Kestrel Ward',
    contact: 'Oluwaseun Distinctive-Contact 07700900461',
    message: 'Distinctive follow-up message about the rota',
  };
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'report-privacy.fixture.ts')], {
    env: {
      ...process.env, MIRROR_TEST_AGENT: secrets.agent, MIRROR_TEST_FORWARDED: secrets.forwarded, MIRROR_TEST_ADDRESS: secrets.address,
      MIRROR_TEST_CONTENT: secrets.content, MIRROR_TEST_CONTACT: secrets.contact, MIRROR_TEST_MESSAGE: secrets.message,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(child.status, 0, child.stderr);
  const result = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as { dir: string; receipts: string[]; wrong: number; opened: number; openedShowsContent: boolean; cases: number };
  try {
    // The run really did what it says: two reports, a wrong receipt refused, the right one opened, the cases read.
    assert.equal(result.receipts.length, 2);
    assert.equal(result.wrong, 400);
    assert.equal(result.opened, 200);
    assert.ok(result.openedShowsContent);
    assert.equal(result.cases, 2);
    const log = child.stdout;
    const lines = log.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const urls = lines.map((line) => (line['req'] as { url?: string } | undefined)?.url).filter(Boolean);
    assert.ok(urls.includes('/sign-in') && urls.some((u) => String(u).startsWith('/cases/PRIV/')), 'the log was written, for the staff pages');
    assert.ok(!urls.some((u) => String(u).startsWith('/report')), 'the reporting routes are left out of the request log');

    const files = filesUnder(result.dir);
    assert.ok(files.some((f) => f.endsWith('mirror.sqlite')) && files.some((f) => f.endsWith('reporting.key')), files.join(', '));
    const places: [string, string][] = [['the log', log], ...files.map((f): [string, string] => [f, readFileSync(f).toString('latin1')])];
    for (const [what, value] of Object.entries({ ...secrets, receipt: result.receipts[0]!, receiptCharacters: result.receipts[0]!.replaceAll('-', '') })) {
      for (const [where, text] of places) assert.equal(text.includes(value), false, `${where} contains the ${what}`);
    }
  } finally {
    rmSync(result.dir, { recursive: true, force: true });
  }
});
