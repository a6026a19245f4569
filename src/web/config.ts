/**
 * Settings for running the web application, all from environment variables with safe defaults for a laptop:
 * PORT (3000), HOST (127.0.0.1), MIRROR_BASE_URL (http://HOST:PORT), MIRROR_DATA_DIR (./data), DATABASE_URL
 * (PostgreSQL; unset means the embedded SQLite file), LOG_LEVEL (info), MIRROR_DEMO (on: load the synthetic trust),
 * MIRROR_DEMO_REGION (unset or 0: off; N: load a synthetic region of N organisations, SYN01 to SYNnn, for comparisons).
 */
import { resolve } from 'node:path';

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
    demoRegion: demoRegionFromEnv(env['MIRROR_DEMO_REGION']),
    showFaultDetails: env['NODE_ENV'] === 'development',
  };
}

/** MIRROR_DEMO_REGION: unset, empty or 0 for none, otherwise a whole number of organisations from 1 to 99. */
function demoRegionFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new Error(`MIRROR_DEMO_REGION must be a whole number from 0 to 99, not "${value}"`);
  return n;
}
