/**
 * The operator's commands that write to the store (import, token), run in-process as a terminal would, over a real
 * SQLite store in a temporary MIRROR_DATA_DIR.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { createStore, storeConfigFromEnv } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { runCli } from '../../test/support/run-cli.ts';

const saved: Record<string, string | undefined> = {};
let root = '';

/** Points the command line at a fresh data folder, and puts the environment back afterwards. */
function useDataDir(): void {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mirror-operator-'));
    for (const name of ['MIRROR_DATA_DIR', 'DATABASE_URL', 'MIRROR_PSEUDONYM_KEY']) saved[name] = process.env[name];
    process.env['MIRROR_DATA_DIR'] = join(root, 'data');
    delete process.env['DATABASE_URL'];
    delete process.env['MIRROR_PSEUDONYM_KEY'];
  });
  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  });
}

async function withStore<T>(body: (store: Store) => Promise<T>): Promise<T> {
  const store = createStore(storeConfigFromEnv(process.env));
  try {
    await store.migrate();
    return await body(store);
  } finally {
    await store.close();
  }
}

describe('mirror import on an organisation that already exists', () => {
  useDataDir();

  test('keeps the organisation\'s name, says so, and imports the year', async () => {
    const folder = join(root, 'files', '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 5, staff: 200 });
    const first = await runCli('import', folder, '--org', 'RXX', '--name', 'Example NHS Trust', '--year', '2025');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Imported Example NHS Trust \(RXX\) for 2025: version 1/);

    const again = await runCli('import', folder, '--org', 'RXX', '--name', 'Someone Else\'s Trust', '--year', '2025');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /RXX already exists as "Example NHS Trust": its name is kept, as an import never renames an organisation\./);
    assert.match(again.stdout, /Imported Example NHS Trust \(RXX\) for 2025: version 2/);
    assert.equal(await withStore(async (store) => (await store.organisations.byCode('RXX'))?.name), 'Example NHS Trust');

    const same = await runCli('import', folder, '--org', 'RXX', '--name', 'Example NHS Trust', '--year', '2025');
    assert.equal(same.code, 0, same.stderr);
    assert.doesNotMatch(same.stderr, /already exists/, 'nothing to say when the name matches');
  });
});
