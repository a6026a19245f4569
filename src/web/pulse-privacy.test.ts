/**
 * Issue 12, item 9: answering a staff network's pulse question with a distinctive user agent and forwarded address
 * leaves neither anywhere in the database file, the logs or the data folder; the pulse routes write no request line;
 * answering is not audited; and the answers are only tallied. The application runs in a child process
 * (pulse-privacy.fixture.ts) logging at "trace", so every log line is read.
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

test('a pulse answer leaves no user agent or address in the database, the logs or the data folder, and is only tallied', () => {
  const secrets = { agent: 'KestrelPulseBrowser/9.12 (DistinctiveAgent-Pz44)', forwarded: '198.51.100.77', address: '203.0.113.58' };
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'pulse-privacy.fixture.ts')], {
    env: { ...process.env, MIRROR_TEST_AGENT: secrets.agent, MIRROR_TEST_FORWARDED: secrets.forwarded, MIRROR_TEST_ADDRESS: secrets.address },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(child.status, 0, child.stderr);
  const result = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as { dir: string; answers: number[]; tallies: number[]; audited: number };
  try {
    // The run really did what it says: three answers taken and tallied.
    assert.deepEqual(result.answers, [200, 200, 200]);
    assert.deepEqual(result.tallies, [2, 1]);
    assert.equal(result.audited, 0, 'answering is not audited (an audit record carries the exact time)');
    const log = child.stdout;
    const lines = log.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const urls = lines.map((line) => (line['req'] as { url?: string } | undefined)?.url).filter(Boolean);
    assert.ok(urls.includes('/sign-in') && urls.some((u) => String(u).startsWith('/organisations/PRIV/networks/')), 'the log was written, for the staff pages');
    assert.ok(!urls.some((u) => String(u).startsWith('/networks')), 'the pulse routes are left out of the request log');
    const files = filesUnder(result.dir);
    assert.ok(files.some((f) => f.endsWith('mirror.sqlite')), files.join(', '));
    const places: [string, string][] = [['the log', log], ...files.map((f): [string, string] => [f, readFileSync(f).toString('latin1')])];
    for (const [what, value] of Object.entries(secrets)) {
      for (const [where, text] of places) assert.equal(text.includes(value), false, `${where} contains the ${what}`);
    }
  } finally {
    rmSync(result.dir, { recursive: true, force: true });
  }
});
