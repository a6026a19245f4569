/**
 * Settings for running the web application, all from environment variables with safe defaults for a laptop:
 * PORT (3000), HOST (127.0.0.1), MIRROR_BASE_URL (http://HOST:PORT), MIRROR_DATA_DIR (./data), DATABASE_URL
 * (PostgreSQL; unset means the embedded SQLite file), LOG_LEVEL (info), MIRROR_DEMO (on: load the synthetic trust).
 */
import { resolve } from 'node:path';

export interface WebSettings {
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly loadDemo: boolean;
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
    showFaultDetails: env['NODE_ENV'] === 'development',
  };
}
