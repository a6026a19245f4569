import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadPseudonymKey, parsePseudonymKey, pseudonymise, pseudonymiser } from './pseudonym.ts';

const KEY = Buffer.alloc(32, 1);

describe('pseudonymise', () => {
  test('is a keyed HMAC-SHA256 in hex, the same every time', () => {
    const pseudonym = pseudonymise(KEY, 'RXX', '12345');
    assert.match(pseudonym, /^[0-9a-f]{64}$/);
    assert.equal(pseudonymise(KEY, 'RXX', '12345'), pseudonym);
    assert.notEqual(pseudonymise(KEY, 'RXX', '12346'), pseudonym);
    assert.notEqual(pseudonymise(Buffer.alloc(32, 2), 'RXX', '12345'), pseudonym, 'another key');
  });

  test('the same staff id in two organisations gives unrelated pseudonyms', () => {
    assert.notEqual(pseudonymise(KEY, 'RXX', '12345'), pseudonymise(KEY, 'RYY', '12345'));
    assert.notEqual(pseudonymise(KEY, 'RX', 'X1'), pseudonymise(KEY, 'RXX', '1'), 'the two parts cannot run into each other');
  });

  test('a pseudonymiser for one organisation gives the same answers', () => {
    const of = pseudonymiser(KEY, 'RXX');
    assert.equal(of('A1'), pseudonymise(KEY, 'RXX', 'A1'));
    assert.equal(of('A1'), of('A1'));
  });
});

describe('the pseudonym key', () => {
  test('is read as hex or base64 and must be at least 32 bytes', () => {
    assert.deepEqual(parsePseudonymKey('01'.repeat(32), 'test'), KEY);
    assert.deepEqual(parsePseudonymKey(` ${KEY.toString('base64')}\n`, 'test'), KEY);
    assert.throws(() => parsePseudonymKey('01'.repeat(31), 'test'), /31 bytes; it must be at least 32/);
    assert.throws(() => parsePseudonymKey('not a key!', 'test'), /neither hex nor base64/);
  });

  test('comes from MIRROR_PSEUDONYM_KEY when set', async (t) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mirror-key-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    assert.deepEqual(await loadPseudonymKey({ MIRROR_PSEUDONYM_KEY: KEY.toString('hex'), MIRROR_DATA_DIR: dataDir }), KEY);
    await assert.rejects(stat(join(dataDir, 'pseudonym.key')), 'no key file is made');
  });

  test('otherwise is made once in the data folder, readable only by its owner, and reused', async (t) => {
    const folder = await mkdtemp(join(tmpdir(), 'mirror-key-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const dataDir = join(folder, 'data');
    const [first, concurrent] = await Promise.all([loadPseudonymKey({ MIRROR_DATA_DIR: dataDir }), loadPseudonymKey({ MIRROR_DATA_DIR: dataDir })]);
    assert.equal(first.length, 32);
    assert.deepEqual(concurrent, first);
    assert.deepEqual(await loadPseudonymKey({ MIRROR_DATA_DIR: dataDir }), first);
    const file = join(dataDir, 'pseudonym.key');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await readFile(file, 'utf8')).trim(), first.toString('hex'));
  });
});
