import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test, type TestContext } from 'node:test';
import { SealedUpload, sweepUploads } from './sealed-upload.ts';

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'mirror-sealed-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const STAFF = 'staff_id,ethnic_category\nS000001,White - British\nS000002,Asian or Asian British - Indian\n';

describe('sealed uploads', () => {
  test('nothing is written until a file arrives; what is written is unreadable; opening gives the file back', async (t) => {
    const upload = new SealedUpload(join(tempDir(t), 'uploads', 'one'));
    assert.ok(!existsSync(upload.folder), 'no folder before the first file');
    await upload.write('staff.csv', Readable.from([Buffer.from(STAFF)]));
    await upload.write('wdes_9b.txt', Readable.from([]));
    const sealed = readdirSync(upload.folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.sealed'));
    assert.equal(sealed.length, 2);
    for (const name of sealed) {
      const bytes = readFileSync(join(upload.folder, name));
      for (const clear of ['S000001', 'White', 'staff_id']) assert.ok(!bytes.includes(clear), `${name} holds "${clear}" in clear`);
    }
    const opened = await upload.open();
    assert.equal(readFileSync(join(opened, 'staff.csv'), 'utf8'), STAFF);
    assert.equal(readFileSync(join(opened, 'wdes_9b.txt'), 'utf8'), '');
    await upload.closeOpened();
    assert.ok(!existsSync(opened));
    await upload.remove();
    assert.ok(!existsSync(upload.folder));
  });

  test('a file changed on disk, or another key, opens nothing', async (t) => {
    const folder = join(tempDir(t), 'uploads', 'two');
    const upload = new SealedUpload(folder);
    await upload.write('staff.csv', Readable.from([Buffer.from(STAFF)]));
    await assert.rejects(new SealedUpload(folder).open(), 'a fresh key cannot open it');
    const [name] = readdirSync(join(folder, 'sealed'));
    const path = join(folder, 'sealed', name!);
    const bytes = readFileSync(path);
    bytes[20] = bytes[20]! ^ 1;
    writeFileSync(path, bytes);
    await assert.rejects(upload.open(), 'the tag check fails');
  });

  test('the sweep deletes everything in the uploads folder and says how many', async (t) => {
    const uploads = join(tempDir(t), 'uploads');
    assert.equal(await sweepUploads(uploads), 0, 'a missing folder is nothing to sweep');
    mkdirSync(join(uploads, 'a', 'open'), { recursive: true });
    writeFileSync(join(uploads, 'a', 'open', 'staff.csv'), STAFF);
    writeFileSync(join(uploads, 'b'), 'x');
    assert.equal(await sweepUploads(uploads), 2);
    assert.deepEqual(readdirSync(uploads), []);
  });
});
