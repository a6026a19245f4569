/**
 * When the database goes away or is busy, the service says so (503, "the database is not available just now") and
 * carries on: PostgreSQL connections are dropped under load while people load pages and use the API, and a SQLite
 * file is held by another writer. The server runs as a child process, so if a fault stopped it the test would see
 * the process end.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type StoreConfig } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { addUser } from '../../src/web/auth/test-harness.ts';
import { hashToken, randomToken } from '../../src/services/tokens.ts';
import { adminUrl, createTestDatabase } from '../store/each-dialect.ts';
import { HttpClient, startChildServer, type ChildServer } from '../support/child-mirror.ts';

const EMAIL = 'analyst@example.org';
const PASSWORD = 'a long enough password';
const UNAVAILABLE_PAGE = /The database is not available just now/;
const UNAVAILABLE_JSON = 'the database is not available just now; try again in a moment';

interface Outcome {
  readonly status: number;
  readonly body: string;
}

/** A person with a password and an API token, written straight into the store the server uses. */
async function preparePerson(config: StoreConfig): Promise<string> {
  const store = new KyselyStore(openDatabase(config));
  try {
    const user = await addUser(store, { email: EMAIL, password: PASSWORD });
    const token = randomToken();
    await store.apiTokens.create({ userId: user.id, organisationId: null, name: 'test', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000), now: new Date() });
    return token;
  } finally {
    await store.close();
  }
}

function serverEnv(config: StoreConfig, dataDir: string): Record<string, string> {
  return config.dialect === 'postgres' ? { DATABASE_URL: config.connectionString, MIRROR_DATA_DIR: dataDir } : { MIRROR_DATA_DIR: dataDir };
}

async function request(send: () => Promise<{ status: number; body: string }>): Promise<Outcome> {
  try {
    const { status, body } = await send();
    return { status, body };
  } catch (error) {
    // The connection itself failed: the server stopped or dropped it.
    return { status: 0, body: error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error) };
  }
}

function assertAnswered(outcomes: readonly Outcome[], server: ChildServer): void {
  for (const outcome of outcomes) {
    assert.ok([200, 503].includes(outcome.status), `a request got ${outcome.status}: ${outcome.body.slice(0, 300)}\n${server.output()}`);
  }
}

test('the server survives PostgreSQL dropping its connections under load, says the database is unavailable, and recovers', async (t) => {
  const database = await createTestDatabase('postgres', t);
  if (!database) return;
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dataDir = await mkdtemp(`${tmpdir()}/mirror-drops-`);
  let server: ChildServer | null = null;
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    server = await startChildServer(serverEnv(database.config, dataDir));
    const token = await preparePerson(database.config);
    const browser = new HttpClient(server.url);
    await browser.signIn(EMAIL, PASSWORD);
    const api = new HttpClient(server.url);
    const page = () => browser.get('/');
    const organisations = () => api.get('/api/v1/organisations', { authorization: `Bearer ${token}` });
    assert.equal((await page()).status, 200);
    assert.equal((await organisations()).status, 200);

    const name = new URL(database.config.dialect === 'postgres' ? database.config.connectionString : '').pathname.slice(1);
    await admin.connect();
    const outcomes: Outcome[] = [];
    let terminating = true;
    const loop = async (send: () => Promise<{ status: number; body: string }>) => {
      while (terminating) outcomes.push(await request(send));
    };
    const loops = [page, page, page, page, organisations, organisations].map(loop);
    let terminations = 0;
    for (const started = Date.now(); Date.now() - started < 4000;) {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      terminations += 1;
      await sleep(200);
    }
    terminating = false;
    await Promise.all(loops);

    assert.equal(server.exitCode(), null, `the server stopped:\n${server.output()}`);
    assertAnswered(outcomes, server);
    const unavailable = outcomes.filter((o) => o.status === 503);
    assert.ok(unavailable.length > 0, `no request saw the database go away in ${outcomes.length} requests and ${terminations} terminations`);
    for (const o of unavailable) {
      if (o.body.startsWith('{')) assert.deepEqual(JSON.parse(o.body), { error: UNAVAILABLE_JSON });
      else assert.match(o.body, UNAVAILABLE_PAGE);
    }

    // Once the database is left alone, every request succeeds on fresh connections.
    await sleep(300);
    for (let i = 0; i < 10; i++) {
      assert.equal((await page()).status, 200);
      assert.equal((await organisations()).status, 200);
    }
    assert.equal(server.exitCode(), null);
  } finally {
    await admin.end().catch(() => {});
    await server?.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a SQLite database held by another writer gives a 503 page and JSON, not a crash, and works once it is free', async (t) => {
  const database = await createTestDatabase('sqlite', t);
  if (database?.config.dialect !== 'sqlite') return;
  const { dirname } = await import('node:path');
  let server: ChildServer | null = null;
  try {
    server = await startChildServer(serverEnv(database.config, dirname(database.config.file)));
    const token = await preparePerson(database.config);
    const signIn = async () => {
      const browser = new HttpClient(server!.url);
      await browser.get('/sign-in');
      return browser.postForm('/sign-in', { email: EMAIL, password: PASSWORD });
    };
    // Using a token records when it was used, so each API request writes.
    const organisations = () => new HttpClient(server!.url).get('/api/v1/organisations', { authorization: `Bearer ${token}` });

    const holder = new SqliteDatabase(database.config.file);
    holder.exec('begin immediate');
    let busy: [Outcome, Outcome];
    try {
      busy = await Promise.all([request(organisations), request(signIn)]);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    assert.equal(server.exitCode(), null, `the server stopped:\n${server.output()}`);
    assert.equal(busy[0].status, 503, busy[0].body);
    assert.deepEqual(JSON.parse(busy[0].body), { error: UNAVAILABLE_JSON });
    assert.equal(busy[1].status, 503, busy[1].body.slice(0, 500));
    assert.match(busy[1].body, UNAVAILABLE_PAGE);

    assert.equal((await organisations()).status, 200);
    assert.equal((await signIn()).status, 303);
  } finally {
    await server?.stop();
    await database.drop();
  }
});
