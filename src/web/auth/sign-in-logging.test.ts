import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const here = dirname(fileURLToPath(import.meta.url));

test('the logs of signing in hold no email address, name, password or token', () => {
  const email = 'logged.person@trust.nhs.uk';
  const password = 'a distinctive passphrase 8472';
  const name = 'Zebedee Quixote';
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'sign-in-logging.fixture.ts')], {
    env: { ...process.env, MIRROR_TEST_EMAIL: email, MIRROR_TEST_PASSWORD: password, MIRROR_TEST_NAME: name },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(child.status, 0, child.stderr);
  const log = child.stdout;
  const secrets = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as Record<string, string>;

  // The log really was written, and covers the requests that carried the secrets.
  const lines = log.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.ok(lines.length > 20);
  const urls = lines.map((line) => (line['req'] as { url?: string } | undefined)?.url).filter(Boolean);
  for (const url of ['/sign-in', '/sign-in/link', '/account/api-tokens', '/api/v1/whoami', '/admin/users']) assert.ok(urls.includes(url), url);

  const forbidden: Record<string, string> = {
    email, password, name, emailLocalPart: 'logged.person', surname: 'Quixote', ...secrets,
    encodedEmail: encodeURIComponent(email),
  };
  for (const [what, value] of Object.entries(forbidden)) {
    assert.ok(value && value.length >= 6, what);
    assert.equal(log.includes(value), false, `the log contains the ${what}`);
  }
});
