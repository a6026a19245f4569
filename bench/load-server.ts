/**
 * The server the load benchmark (load.bench.ts) drives from another process: the real application over the SQLite
 * database the benchmark prepared (MIRROR_BENCH_DB), with a viewer and an analyst of the demonstration trust, listening
 * on 127.0.0.1 at a port of its choosing, which it prints as its one line of output once ready. Logs nothing else.
 */
import { dirname } from 'node:path';
import { DEMO_ORGANISATION } from '../src/services/demo-loader.ts';
import { addUser } from '../src/web/auth/test-harness.ts';
import { buildApp } from '../src/web/composition-root.ts';

const file = process.env['MIRROR_BENCH_DB'];
if (!file) throw new Error('MIRROR_BENCH_DB names the database');
const password = process.env['MIRROR_BENCH_PASSWORD'] ?? 'a long enough password';
const { app, services } = await buildApp(
  { storeConfig: { dialect: 'sqlite', file }, dataDir: dirname(file), pseudonymKey: Buffer.alloc(32, 9) },
  { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
);
const organisation = (await services.store.organisations.byCode(DEMO_ORGANISATION.code))!;
for (const role of ['viewer', 'analyst'] as const) {
  await addUser(services.store, { email: `${role}@example.nhs.uk`, password, memberships: [[organisation.id, role]] });
}
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(url);
process.on('SIGTERM', () => {
  void app.close().then(() => services.store.close()).then(() => process.exit(0));
});
