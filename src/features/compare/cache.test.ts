/**
 * The peer comparison is built once per set of current imports (features/compare/service.ts `comparison`, kept in
 * services/computed-cache.ts): asked again with nothing changed it is the very same frozen result, and a peer's new
 * import, a changed national figure or another peer group is a new one. A request whose client has gone stops only
 * its own work: another request waiting for the same comparison still gets it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { createHarness, type Harness } from '../../web/auth/test-harness.ts';
import { comparison } from './service.ts';

const YEAR = 2025;
const CODES = ['CMPA', 'CMPB', 'CMPC'] as const;

describe('peer comparisons are built once per set of current imports', () => {
  let harness: Harness;
  let dir: string;
  let own: Organisation;
  let seed = 70;

  async function load(code: string, year = YEAR): Promise<void> {
    const folder = join(dir, `${code}-${year}-${seed}`);
    await writeSyntheticTrust(folder, { year, seed: seed++, staff: 300, applications: 2000 });
    const result = await importFolder(harness.store, folder, {
      organisation: { code, name: `Trust ${code}`, region: code === 'CMPC' ? 'Elsewhere' : 'Here' }, year, channel: 'cli', importedBy: null,
      key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
  }

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-compare-cache-'));
    for (const code of CODES) await load(code);
    own = (await harness.store.organisations.byCode(CODES[0]))!;
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('asked again with nothing changed, the same frozen comparison, with no report read again', async () => {
    for (const standard of ['WRES', 'WDES'] as const) {
      const first = await comparison(harness.services, standard, own, YEAR, 'all');
      assert.ok(first.enough && first.result);
      assert.ok(Object.isFrozen(first) && Object.isFrozen(first.peers) && Object.isFrozen(first.result));
      assert.equal(await comparison(harness.services, standard, own, YEAR, 'all'), first);
    }
  });

  test('another peer group or another standard is another comparison', async () => {
    const all = await comparison(harness.services, 'WRES', own, YEAR, 'all');
    const region = await comparison(harness.services, 'WRES', own, YEAR, 'region');
    assert.notEqual(region, all);
    assert.deepEqual(region.peers.map((p) => p.code), ['CMPA', 'CMPB']);
    assert.notEqual(await comparison(harness.services, 'WDES', own, YEAR, 'all'), all);
  });

  test("a peer's new import is a new comparison, with the peer's new figures", async () => {
    for (const standard of ['WRES', 'WDES'] as const) {
      const before = await comparison(harness.services, standard, own, YEAR, 'all');
      await load(CODES[1]);
      const after = await comparison(harness.services, standard, own, YEAR, 'all');
      assert.notEqual(after, before);
      const peer = (c: typeof before) => c.peers.find((p) => p.code === CODES[1])!.report;
      assert.notDeepEqual(peer(after), peer(before));
      assert.equal(await comparison(harness.services, standard, own, YEAR, 'all'), after);
    }
  });

  test("a new import of a peer's year before (which the standards read) is a new comparison", async () => {
    const before = await comparison(harness.services, 'WRES', own, YEAR, 'all');
    await load(CODES[2], YEAR - 1);
    assert.notEqual(await comparison(harness.services, 'WRES', own, YEAR, 'all'), before);
  });

  test('a changed national figure shows at once', async () => {
    const administrator = await harness.store.users.create({ email: 'admin@example.nhs.uk', displayName: 'Admin', administrator: true });
    const before = await comparison(harness.services, 'WRES', own, YEAR, 'all');
    assert.equal(before.national['2'], undefined);
    const figure = (minority: number) => ({
      year: YEAR, indicator: '2' as const, white: { events: 30_000, population: 200_000 }, ethnicMinority: { events: minority, population: 100_000 },
      source: 'Test publication', enteredBy: administrator.id,
    });
    await harness.store.nationalFigures.upsert(figure(9_000));
    const first = await comparison(harness.services, 'WRES', own, YEAR, 'all');
    assert.notEqual(first, before);
    assert.equal(first.national['2']?.figure.ethnicMinority.events, 9_000);
    await harness.store.nationalFigures.upsert(figure(25_000));
    const second = await comparison(harness.services, 'WRES', own, YEAR, 'all');
    assert.equal(second.national['2']?.figure.ethnicMinority.events, 25_000);
    assert.notDeepEqual(second.result?.funnels['2'], first.result?.funnels['2']);
    await harness.store.nationalFigures.remove(YEAR, '2');
    assert.equal((await comparison(harness.services, 'WRES', own, YEAR, 'all')).national['2'], undefined);
  });

  test("a request whose client has gone stops its own work, never another's waiting for the same comparison", async () => {
    // A store whose counts wait for a gate, so the first request is still computing when the second joins it.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const store = harness.store;
    const imports: Store['imports'] = {
      ...store.imports,
      standardCountsOf: async (id, standard) => {
        await gate;
        return store.imports.standardCountsOf(id, standard);
      },
    };
    const gated = Object.create(store, { imports: { value: imports } }) as Store;
    const controller = new AbortController();
    const stopped = comparison({ store: gated }, 'WRES', own, YEAR, 'all', controller.signal);
    await sleep(100);
    const waiting = comparison({ store: gated }, 'WRES', own, YEAR, 'all');
    await sleep(100);
    controller.abort();
    open();
    await assert.rejects(stopped, { name: 'AbortError' });
    const answer = await waiting;
    assert.deepEqual(answer.peers.map((p) => p.code), (await comparison(harness.services, 'WRES', own, YEAR, 'all')).peers.map((p) => p.code));
  });
});
