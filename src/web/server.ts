/**
 * Running the web application as a service: open the store and run migrations, load the synthetic demonstration
 * trust, listen, print a one-time sign-in link while nobody has an account, and shut down gracefully on SIGINT or
 * SIGTERM (finish requests in flight, then close the store).
 */
import { latestReportingYear } from '../core/util/reporting-year.ts';
import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDemoTrust } from '../services/demo-loader.ts';
import { type BackgroundLoad, loadDemoPeersInBackground } from '../services/demo-peers.ts';
import { defaultStandards } from '../core/standards/index.ts';
import { loadPseudonymKey, PSEUDONYM_KEY_FILE } from '../services/pseudonym.ts';
import { loadReportingKey, REPORTING_KEY_FILE } from '../services/report-sealing.ts';
import { deleteExpiredCases } from '../features/reporting/case-service.ts';
import { createMailer, mailSettingsFromEnv } from '../services/mailer.ts';
import { sweepUploads } from '../services/sealed-upload.ts';
import { firstRunSignInLink } from '../services/sign-in-links.ts';
import { SQLITE_FILE_NAME, storeConfigFromEnv } from '../store/create-store.ts';
import { ensurePrivateFolder, looseModeWarnings } from '../store/file-modes.ts';
import type { Store } from '../store/store.ts';
import { createApp } from './app.ts';
import type { AppConfig } from './services.ts';
import { webSettingsFromEnv, type Env, type WebSettings } from './config.ts';
import { buildServices } from './composition-root.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly settings: WebSettings;
  /** The address actually listened on (useful when PORT=0). */
  readonly url: string;
  /** The synthetic peers being loaded after start (MIRROR_DEMO_REGION), or null when there are none to load. */
  readonly demoPeers: Promise<string[]> | null;
  close(): Promise<void>;
}


export async function startServer(env: Env, say: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<RunningServer> {
  const settings = webSettingsFromEnv(env);
  for (const warning of prepareDataFolder(settings.dataDir)) say(warning);
  mkdirSync(settings.dataDir, { recursive: true });
  const storeConfig = storeConfigFromEnv({ ...env, MIRROR_DATA_DIR: settings.dataDir });
  const key = await loadPseudonymKey({ ...env, MIRROR_DATA_DIR: settings.dataDir });
  const reportingKey = await loadReportingKey({ ...env, MIRROR_DATA_DIR: settings.dataDir });
  const mailSettings = mailSettingsFromEnv(env);
  const mailer = mailSettings ? createMailer(mailSettings) : null;
  const clock = () => new Date();
  // The composition root: the store (opened and migrated) and every service the routes are handed.
  const services = await buildServices({ storeConfig, dataDir: settings.dataDir, pseudonymKey: key, reportingKey, mailer, clock, standards: defaultStandards() });
  const { store } = services;
  // Uploads left by a process that stopped mid-import: encrypted with keys that died with it, or a working copy.
  const removed = await sweepUploads(join(settings.dataDir, 'uploads'));
  if (removed > 0) say(`Removed ${removed} leftover upload${removed === 1 ? '' : 's'} from before the last stop.`);

  // Closed reports past their retention period, now and once a day while running.
  const expired = await deleteExpiredCases(store, clock());
  if (expired > 0) say(`Deleted ${expired} closed report${expired === 1 ? '' : 's'} past the retention period.`);
  const retention = setInterval(() => {
    deleteExpiredCases(store, clock()).catch(() => undefined);
  }, 24 * 60 * 60 * 1000);
  retention.unref();

  const year = latestReportingYear(clock());
  const demoYears = [year - 1, year];
  if (settings.loadDemo) {
    const loaded = await ensureDemoTrust(store, { dataDir: settings.dataDir, key, years: demoYears });
    if (loaded.length > 0) say(`Loaded the synthetic demonstration trust for ${loaded.join(' and ')}.`);
  }

  // Mutable here only: with PORT=0 the real address is known after listening, and links the app makes later (an
  // administrator's sign-in links for people) must carry it, so the app reads config.baseUrl at request time.
  const config: { -readonly [K in keyof AppConfig]: AppConfig[K] } = {
    baseUrl: settings.baseUrl, showFaultDetails: settings.showFaultDetails, logLevel: settings.logLevel, limits: settings.limits,
    routeConcurrency: settings.routeConcurrency, chartThreads: settings.chartThreads,
  };
  const app = await createApp(services, config);
  const address = await app.listen({ host: settings.host, port: settings.port });
  const port = Number(new URL(address).port);
  const url = settings.port === 0 ? settings.baseUrl.replace(/:0$/, `:${port}`) : settings.baseUrl;
  config.baseUrl = url;
  say(`Mirror is running at ${url}`);

  const link = await firstRunSignInLink(store, { baseUrl: url, now: clock() });
  if (link) {
    say('Nobody has an account yet. Open this one-time link to sign in as the first administrator (it works once, for 60 minutes):');
    say(`  ${link}`);
  }

  // The demonstration trust's synthetic peers, so that comparisons between organisations have something to show
  // from the first visit; loaded in a worker thread after start, so the pages answer meanwhile.
  let peers: BackgroundLoad | null = null;
  if (settings.loadDemo && settings.demoRegion > 1) {
    say(`Loading ${settings.demoRegion - 1} synthetic peer organisations in the background, for comparisons between organisations.`);
    peers = loadDemoPeersInBackground(storeConfig, { dataDir: settings.dataDir, key, years: demoYears, count: settings.demoRegion });
    peers.done.then(
      (loaded) => say(loaded.length > 0 ? `Loaded the synthetic peers: ${loaded.join(', ')}.` : 'The synthetic peers were already loaded.'),
      (error: unknown) => { if (!closing) say(`The synthetic peers could not be loaded: ${error instanceof Error ? error.message : String(error)}`); },
    );
  }

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(retention);
      await peers?.stop();
      await app.close();
      await store.close();
      mailer?.close();
    })();
    return closing;
  };
  return { app, store, settings, url, demoPeers: peers?.done ?? null, close };
}

/**
 * Makes the data folder and its uploads folder, readable only by this account, if they are missing; and returns a
 * warning for each of them, the database files and the pseudonym key that others can read (see file-modes.ts).
 */
function prepareDataFolder(dataDir: string): string[] {
  const uploads = join(dataDir, 'uploads');
  ensurePrivateFolder(dataDir);
  ensurePrivateFolder(uploads);
  const database = join(dataDir, SQLITE_FILE_NAME);
  return looseModeWarnings([dataDir, uploads, database, `${database}-wal`, `${database}-shm`, join(dataDir, PSEUDONYM_KEY_FILE), join(dataDir, REPORTING_KEY_FILE)]);
}

/** Stops cleanly on SIGINT or SIGTERM: requests in flight finish, then the store closes. */
export function closeOnSignals(server: RunningServer, say: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`Received ${signal}; stopping.`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
