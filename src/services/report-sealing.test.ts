import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadReportingKey, REPORTING_KEY_FILE, reportSealer } from './report-sealing.ts';

test('sealed text opens only under the same key, and is different each time', async () => {
  const key = randomBytes(32);
  const sealer = await reportSealer(key);
  const text = 'Racist remarks at handover — «quoted» words';
  const a = sealer.seal(text);
  const b = sealer.seal(text);
  assert.notEqual(a, b, 'a fresh nonce each time');
  assert.ok(!Buffer.from(a, 'base64').toString('latin1').includes('handover'));
  assert.equal(sealer.open(a), text);
  assert.throws(() => sealer.open(a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA')), 'a changed value does not open');
  const other = await reportSealer(randomBytes(32));
  assert.throws(() => other.open(a), 'another key does not open it');
});

test('the receipt\'s hash is the same each time under one key, and differs under another', async () => {
  const key = randomBytes(32);
  const one = await reportSealer(key);
  const again = await reportSealer(Buffer.from(key));
  const other = await reportSealer(randomBytes(32));
  const hash = await one.receiptHash('AFHJKMNQRUWXY346');
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(await again.receiptHash('AFHJKMNQRUWXY346'), hash);
  assert.notEqual(await one.receiptHash('AFHJKMNQRUWXY347'), hash);
  assert.notEqual(await other.receiptHash('AFHJKMNQRUWXY346'), hash, 'a copy of the database without the key cannot be searched');
});

test('the reporting key comes from the environment, or a file made once, readable only by its owner', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mirror-reporting-key-'));
  try {
    const made = await loadReportingKey({ MIRROR_DATA_DIR: dir });
    assert.equal(made.length, 32);
    const path = join(dir, REPORTING_KEY_FILE);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(await loadReportingKey({ MIRROR_DATA_DIR: dir }), made, 'the same key on the next start');
    assert.equal(readFileSync(path, 'utf8').trim(), made.toString('hex'));
    const fromEnv = randomBytes(32);
    assert.deepEqual(await loadReportingKey({ MIRROR_DATA_DIR: dir, MIRROR_REPORTING_KEY: fromEnv.toString('base64') }), fromEnv);
    await assert.rejects(loadReportingKey({ MIRROR_REPORTING_KEY: 'abcd' }), /reporting key in MIRROR_REPORTING_KEY is 2 bytes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
