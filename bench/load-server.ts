/**
 * The server the load benchmark (load.bench.ts) drives from another process: the real application over the SQLite
 * database the benchmark prepared (MIRROR_BENCH_DB), with a viewer and an analyst of the demonstration trust, listening
 * on 127.0.0.1 at a port of its choosing, which it prints as its one line of output once ready. Logs nothing else.
 * MIRROR_ROUTE_CONCURRENCY and MIRROR_CHART_THREADS are read as the service reads them (for comparison: a very large
 * value of the first is no fair admission; 0 of the second, charts drawn on the event loop).
 */
import { dirname } from 'node:path';
import { DEMO_ORGANISATION } from '../src/services/demo-loader.ts';
import { addUser } from '../src/web/auth/test-harness.ts';
import { buildApp } from '../src/web/composition-root.ts';
import { type WebSettings, webSettingsFromEnv } from '../src/web/config.ts';

const settingsOf = (s: WebSettings) => ({ routeConcurrency: s.routeConcurrency, chartThreads: s.chartThreads });
const file = process.env['MIRROR_BENCH_DB'];
if (!file) throw new Error('MIRROR_BENCH_DB names the database');
const password = process.env['MIRROR_BENCH_PASSWORD'] ?? 'a long enough password';
const { app, services } = await buildApp(
  { storeConfig: { dialect: 'sqlite', file }, dataDir: dirname(file), pseudonymKey: Buffer.alloc(32, 9) },
  { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent', ...settingsOf(webSettingsFromEnv(process.env)) },
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
