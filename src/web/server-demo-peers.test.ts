import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { latestReportingYear } from '../core/util/reporting-year.ts';
import { startServer } from './server.ts';

test('npm start answers at once with the demonstration trust and loads its synthetic peers after, in the background', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mirror-peers-'));
  const lines: string[] = [];
  const server = await startServer({ PORT: '0', HOST: '127.0.0.1', MIRROR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', MIRROR_DEMO_REGION: '3' }, (line) => lines.push(line));
  try {
    const year = latestReportingYear(new Date());
    assert.ok(server.demoPeers, 'the peers are being loaded');
    // The server listens before the peers are in: the sign-in page answers while the worker imports them.
    const first = await fetch(`${server.url}/sign-in`);
    assert.equal(first.status, 200);
    assert.ok(lines.some((line) => line.includes('Loading 2 synthetic peer organisations in the background')), lines.join('\n'));

    const loaded = await server.demoPeers;
    assert.deepEqual(loaded, [`SYN02/${year - 1}`, `SYN02/${year}`, `SYN03/${year - 1}`, `SYN03/${year}`]);
    const organisations = await server.store.organisations.all();
    assert.deepEqual(organisations.map((o) => o.code).sort(), ['SYN01', 'SYN02', 'SYN03']);
    for (const organisation of organisations) {
      assert.equal(organisation.synthetic, true, `${organisation.code} is labelled synthetic`);
      assert.equal(organisation.region, 'Synthetic region');
      assert.ok(await server.store.imports.current(organisation.id, year), `${organisation.code} has ${year}`);
    }
    assert.ok(lines.some((line) => line.startsWith('Loaded the synthetic peers: SYN02/')), lines.join('\n'));
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('MIRROR_DEMO_REGION=0 loads no peers, and MIRROR_DEMO=off loads neither trust nor peers', async () => {
  for (const env of [{ MIRROR_DEMO_REGION: '0' }, { MIRROR_DEMO: 'off' }]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mirror-peers-'));
    const server = await startServer({ PORT: '0', HOST: '127.0.0.1', MIRROR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, () => {});
    try {
      assert.equal(server.demoPeers, null);
      const codes = (await server.store.organisations.all()).map((o) => o.code);
      assert.deepEqual(codes, env.MIRROR_DEMO === 'off' ? [] : ['SYN01']);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
});
