/**
 * What the web application is handed by its composition root: the services routes call (built once, in server.ts
 * for the running service and in the test harnesses for tests) and its configuration. Kept apart from app.ts so
 * that routes depend on these types, not on the app that registers them.
 */
import type { StandardRegistry } from '../core/standards/registry.ts';
import type { StoreConfig } from '../store/create-store.ts';
import type { UploadLimits } from './config.ts';
import type { Store } from '../store/store.ts';
import type { Renderer } from './render.ts';
import type { Mailer } from '../services/mailer.ts';

export interface AppConfig {
  /** Where people reach the service, e.g. http://127.0.0.1:3000; used for links and cookie security. */
  readonly baseUrl: string;
  /** Show details of unexpected faults (development only). */
  readonly showFaultDetails: boolean;
  /** Log level for structured logs. */
  readonly logLevel: string;
  /** Upload and reading limits (config.ts); the defaults when not given. */
  readonly limits?: UploadLimits;
  /** How many requests of one route are worked at a time (fair-admission.ts); the default when not given. */
  readonly routeConcurrency?: number;
  /** Threads that draw the charts of pages of an organisation's year (charts/off-thread.ts); 0 or none: the event loop. */
  readonly chartThreads?: number;
}

export interface Services {
  readonly store: Store;
  /** How the store was opened, so an import's worker thread can open its own connection to it. */
  readonly storeConfig: StoreConfig;
  readonly render: Renderer;
  readonly clock: () => Date;
  readonly pseudonymKey: Buffer;
  /** The key reports of racism and discrimination are sealed under (services/report-sealing.ts); never in the database. */
  readonly reportingKey: Uint8Array;
  /** Email through SMTP (services/mailer.ts), or null when none is configured: then no email is sent. */
  readonly mailer: Mailer | null;
  readonly dataDir: string;
  /** The standards whose reports, downloads and pages the app serves. */
  readonly standards: StandardRegistry;
}
