/**
 * Settings for running the web application, all from environment variables with safe defaults for a laptop:
 * PORT (3000), HOST (127.0.0.1), MIRROR_BASE_URL (http://HOST:PORT), MIRROR_DATA_DIR (./data), DATABASE_URL
 * (PostgreSQL; unset means the embedded SQLite file), LOG_LEVEL (info), MIRROR_DEMO (on: load the synthetic trust),
 * MIRROR_DEMO_REGION (8: the synthetic trust and 7 synthetic peers, loaded after start, for comparisons; 0 or 1: none),
 * the upload limits MIRROR_MAX_UPLOAD_MB (200), MIRROR_MAX_ROWS, MIRROR_MAX_CELL_CHARS and MIRROR_MAX_UNPACKED_MB,
 * MIRROR_ROUTE_CONCURRENCY (4: how many requests of one route are worked at a time; fair-admission.ts) and
 * MIRROR_CHART_THREADS (one fewer than the cores, 1 to 4; 0 for none: the threads that draw the charts of an
 * organisation's pages, charts/off-thread.ts).
 */
import { resolve } from 'node:path';
import { DEFAULT_ROUTE_CONCURRENCY } from './fair-admission.ts';
import { defaultChartThreads } from './charts/off-thread.ts';
import { MEGABYTE, positiveWholeNumber, readLimitsFromEnv, DEFAULT_READ_LIMITS, type ReadLimits } from '../ingest/limits.ts';

/** Limits on uploads: the size of each uploaded file (MIRROR_MAX_UPLOAD_MB), then those on reading it (limits.ts). */
export interface UploadLimits extends ReadLimits {
  readonly maxUploadBytes: number;
}

export const MAX_UPLOAD_SETTING = 'MIRROR_MAX_UPLOAD_MB';
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { ...DEFAULT_READ_LIMITS, maxUploadBytes: 200 * MEGABYTE };

export interface WebSettings {
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly loadDemo: boolean;
  /** Organisations in the synthetic region to load (0: none, only the demonstration trust). */
  readonly demoRegion: number;
  readonly showFaultDetails: boolean;
  readonly limits: UploadLimits;
  /** How many requests of one route are worked at a time; the rest wait their turn (fair-admission.ts). */
  readonly routeConcurrency: number;
  /** Threads drawing the charts of an organisation's pages; 0: drawn on the event loop (charts/off-thread.ts). */
  readonly chartThreads: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function webSettingsFromEnv(env: Env): WebSettings {
  const host = env['HOST'] || '127.0.0.1';
  const port = Number(env['PORT'] || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    host,
    port,
    baseUrl: (env['MIRROR_BASE_URL'] || `http://${shownHost}:${port}`).replace(/\/$/, ''),
    dataDir: resolve(env['MIRROR_DATA_DIR'] || 'data'),
    logLevel: env['LOG_LEVEL'] || 'info',
    loadDemo: (env['MIRROR_DEMO'] ?? 'on') !== 'off',
    demoRegion: wholeNumberUpTo(env, 'MIRROR_DEMO_REGION', 99, DEFAULT_DEMO_REGION),
    showFaultDetails: env['NODE_ENV'] === 'development',
    limits: {
      ...readLimitsFromEnv(env),
      maxUploadBytes: positiveWholeNumber(env, MAX_UPLOAD_SETTING, DEFAULT_UPLOAD_LIMITS.maxUploadBytes / MEGABYTE) * MEGABYTE,
    },
    routeConcurrency: positiveWholeNumber(env, 'MIRROR_ROUTE_CONCURRENCY', DEFAULT_ROUTE_CONCURRENCY),
    chartThreads: wholeNumberUpTo(env, 'MIRROR_CHART_THREADS', 16, defaultChartThreads()),
  };
}

/** The synthetic region's size when MIRROR_DEMO_REGION is not set: the demonstration trust and seven peers. */
export const DEFAULT_DEMO_REGION = 8;

/**
 * A setting that is a whole number from 0 to `max`: unset or empty for `fallback`. MIRROR_DEMO_REGION (0 or 1: no
 * peers) and MIRROR_CHART_THREADS (0: charts drawn on the event loop).
 */
function wholeNumberUpTo(env: Env, name: string, max: number, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, not "${value}"`);
  return n;
}
