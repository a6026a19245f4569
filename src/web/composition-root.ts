/**
 * The composition root: the one place the web application's services are built (the store, opened and migrated;
 * the renderer; the clock; the pseudonym key; the registered standards) and handed to the app, whose routes receive
 * them. server.ts builds the running service through it, and a route test can build the same app over a SQLite
 * store in memory (`{ dialect: 'sqlite', file: ':memory:' }`).
 */
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { defaultStandards } from '../core/standards/index.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import { createStore, type StoreConfig } from '../store/create-store.ts';
import type { Mailer } from '../services/mailer.ts';
import { createApp } from './app.ts';
import { createRenderer } from './render.ts';
import type { AppConfig, Services } from './services.ts';

export interface ServiceOptions {
  readonly storeConfig: StoreConfig;
  readonly dataDir: string;
  readonly pseudonymKey: Buffer;
  /**
   * The reporting key (services/report-sealing.ts loadReportingKey). Without one (tests, benchmarks) a random key
   * lives as long as the process, so reports made then cannot be read after it stops.
   */
  readonly reportingKey?: Uint8Array;
  /** Email through SMTP; none when not given. */
  readonly mailer?: Mailer | null;
  readonly clock?: () => Date;
  readonly standards?: StandardRegistry;
}

/** Opens and migrates the store and builds every service routes are handed. */
export async function buildServices(options: ServiceOptions): Promise<Services> {
  const store = createStore(options.storeConfig);
  await store.migrate();
  return {
    store,
    storeConfig: options.storeConfig,
    render: createRenderer(),
    clock: options.clock ?? (() => new Date()),
    pseudonymKey: options.pseudonymKey,
    reportingKey: options.reportingKey ?? randomBytes(32),
    mailer: options.mailer ?? null,
    dataDir: options.dataDir,
    standards: options.standards ?? defaultStandards(),
  };
}

/** The services and the app that serves them. */
export async function buildApp(options: ServiceOptions, config: AppConfig): Promise<{ readonly app: FastifyInstance; readonly services: Services }> {
  const services = await buildServices(options);
  return { app: await createApp(services, config), services };
}
