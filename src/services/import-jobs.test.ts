import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { DEFAULT_READ_LIMITS } from '../ingest/limits.ts';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { ImportJobs } from './import-jobs.ts';
import { SealedUpload } from './sealed-upload.ts';

let dir = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-jobs-'));
  await writeSyntheticTrust(join(dir, 'trust'), { year: 2025, seed: 12, staff: 250 });
});

after(() => rmSync(dir, { recursive: true, force: true }));

testEachDialect('an import job runs in a worker on its own connection, and its upload is deleted when it ends', async ({ store, config }) => {
  const user = await store.users.create({ email: 'jobs@example.nhs.uk', displayName: 'Jobs', administrator: false });
  const jobs = new ImportJobs({ storeConfig: config, key: randomBytes(32), clock: () => new Date(), limits: DEFAULT_READ_LIMITS });
  try {
    const upload = new SealedUpload(join(dir, 'uploads', randomBytes(8).toString('hex')));
    for (const file of ['staff.csv', 'applications.csv']) await upload.write(file, createReadStream(join(dir, 'trust', file)));
    const job = jobs.start({ ownerId: user.id, organisation: { code: 'JOBS', name: 'Jobs trust' }, year: 2025, upload, headerMappings: {} });
    const done = await jobs.settled(job.id);
    assert.equal(done?.status, 'succeeded', JSON.stringify(done?.problems));
    assert.deepEqual(done?.version?.sources.map((s) => [s.file, s.rows]), [['staff.csv', 250], ['applications.csv', 1875]]);
    const organisation = await store.organisations.byCode('JOBS');
    assert.ok(organisation, 'the main connection sees what the worker wrote');
    assert.deepEqual(await store.organisations.years(organisation.id), [2025]);
    assert.ok(!existsSync(upload.folder), 'the upload is gone');
  } finally {
    await jobs.close();
  }
});
