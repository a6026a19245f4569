/**
 * A real Mirror server for the browser tests, started in-process as `npm start` would start it: a fresh data folder,
 * port 0, the synthetic demonstration trust loaded, and its printed lines kept so tests can read the one-time
 * sign-in link. Without the synthetic peers `npm start` loads after starting (MIRROR_DEMO_REGION=0): the browser
 * tests read one organisation's pages, and src/web/server-demo-peers.test.ts tests the peers' loading.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src/web/server.ts';

export interface TestServer {
  readonly server: RunningServer;
  readonly url: string;
  /** Every line the server printed. */
  readonly lines: readonly string[];
  /** The first administrator's one-time sign-in link, as printed at start. */
  readonly firstRunLink: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mirror-browser-'));
  const lines: string[] = [];
  const server = await startServer(
    { PORT: '0', HOST: '127.0.0.1', MIRROR_DATA_DIR: dataDir, MIRROR_DEMO: 'on', MIRROR_DEMO_REGION: '0', LOG_LEVEL: 'warn' },
    (line) => lines.push(line),
  );
  const firstRunLink = lines.map((line) => line.trim()).find((line) => /^https?:\/\/\S+\/sign-in\/link\?token=/.test(line));
  if (!firstRunLink) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the server printed no first-run sign-in link:\n${lines.join('\n')}`);
  }
  return {
    server,
    url: server.url,
    lines,
    firstRunLink,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
