/**
 * For the route tests: a real SQLite store in a temporary folder (or in memory), the real app built by the
 * composition root (which registers authentication), and a small browser that keeps cookies between requests.
 */
import type { Mailer } from '../../services/mailer.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { SQLITE_IN_MEMORY } from '../../store/database.ts';
import type { Role, Store, User } from '../../store/store.ts';
import { buildApp } from '../composition-root.ts';
import type { AppConfig, Services } from '../services.ts';
import { hashPassword } from './passwords.ts';

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly services: Services;
  readonly config: AppConfig;
  /** Moves the app's clock; null puts it back to the real time. */
  setNow(date: Date | null): void;
  close(): Promise<void>;
}

/** Each harness's clock, so that its browsers judge a cookie's expiry by the app's time, not the real one. */
const appClocks = new WeakMap<FastifyInstance, () => Date>();

export async function createHarness(
  options: { baseUrl?: string; logLevel?: string; beforeReady?: (app: FastifyInstance) => void; standards?: StandardRegistry; store?: 'file' | 'memory'; mailer?: Mailer; chartThreads?: number } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mirror-auth-'));
  const storeConfig = { dialect: 'sqlite', file: options.store === 'memory' ? SQLITE_IN_MEMORY : join(dir, 'mirror.sqlite') } as const;
  let now: Date | null = null;
  const config: AppConfig = {
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:3000', showFaultDetails: true, logLevel: options.logLevel ?? 'silent',
    ...(options.chartThreads === undefined ? {} : { chartThreads: options.chartThreads }),
  };
  // Built by the same composition root as the running service.
  const { app, services } = await buildApp({
    storeConfig,
    clock: () => now ?? new Date(),
    pseudonymKey: randomBytes(32),
    dataDir: dir,
    ...(options.standards ? { standards: options.standards } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  }, config);
  const { store } = services;
  appClocks.set(app, () => now ?? new Date());
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    store,
    services,
    config,
    setNow: (date) => {
      now = date;
    },
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills `statuses` with the status each request was answered with, by address: in onSend, not onResponse, because a
 * response to a closed socket never finishes but is still sent with its status. For beforeReady.
 */
export function keepSentStatuses(app: FastifyInstance, statuses: Map<string, number>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    statuses.set(request.url, reply.statusCode);
    return payload;
  });
}

/** Creates a person with a password and, optionally, memberships by organisation id. */
export async function addUser(
  store: Store,
  person: { email: string; displayName?: string; administrator?: boolean; password?: string; memberships?: [number, Role][] },
): Promise<User> {
  const user = await store.users.create({ email: person.email, displayName: person.displayName ?? 'Test Person', administrator: person.administrator ?? false });
  if (person.password) await store.users.setPasswordHash(user.id, await hashPassword(person.password));
  for (const [organisationId, role] of person.memberships ?? []) await store.users.setMembership(user.id, organisationId, role);
  return (await store.users.byId(user.id))!;
}

/** A person with a password and memberships, signed in through the real sign-in form. */
export async function signedIn(
  harness: Harness,
  person: { email: string; password: string; administrator?: boolean; memberships?: [number, Role][] },
): Promise<Browser> {
  await addUser(harness.store, person);
  const browser = new Browser(harness.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: person.email, password: person.password });
  if (response.statusCode !== 303) throw new Error(`${person.email} could not sign in: ${response.statusCode}`);
  return browser;
}

interface StoredCookie {
  value: string;
  path: string;
}

/** Keeps cookies as a browser would (by name and path), and finds the CSRF token in the last page. */
export class Browser {
  readonly cookies = new Map<string, StoredCookie>();
  lastCsrf = '';

  constructor(private readonly app: FastifyInstance, private readonly remoteAddress = '127.0.0.1') {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  /** Opens a one-time sign-in link and presses its "Sign in" button, as a person does. */
  async useLink(url: string): Promise<LightMyRequestResponse> {
    const page = await this.get(url);
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
    return token ? this.post('/sign-in/link', { token }) : page;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.send('GET', url, undefined, headers);
  }

  /** Posts a form; `_csrf` is added from the last page unless the form says otherwise. */
  async post(url: string, form: Record<string, string> = {}, options: { withCsrf?: boolean; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const fields = options.withCsrf === false || '_csrf' in form ? form : { _csrf: this.lastCsrf, ...form };
    return this.send('POST', url, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...options.headers });
  }

  async send(method: 'GET' | 'POST', url: string, payload: string | Buffer | undefined, headers: Record<string, string>): Promise<LightMyRequestResponse> {
    const path = url.split('?')[0] ?? '/';
    const cookieHeader = [...this.cookies.entries()]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
      remoteAddress: this.remoteAddress,
    });
    const nowMs = (appClocks.get(this.app)?.() ?? new Date()).getTime();
    for (const c of response.cookies as { name: string; value: string; path?: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= nowMs);
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, { value: c.value, path: c.path ?? '/' });
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.lastCsrf = token;
    return response;
  }
}

/** The value of a `<code id="…">` on a page (a new token or link). */
export function codeById(html: string, id: string): string {
  const match = new RegExp(`<code[^>]*id="${id}"[^>]*>([^<]+)</code>`).exec(html);
  if (!match?.[1]) throw new Error(`no <code id="${id}"> on the page`);
  return match[1].replaceAll('&amp;', '&');
}
