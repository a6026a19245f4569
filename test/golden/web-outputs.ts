/**
 * Every GET route of the JSON API and every CSV download of the web application, and the visible text of the
 * demonstration trust's pages, fetched through the real app (createApp, on SQLite, Fastify's inject) with a fixed
 * clock and pseudonym key, signed in through the real sign-in form as an analyst and as a viewer of every
 * organisation. The demonstration trust and the synthetic region are imported through the ordinary demonstration
 * loader, as `npm start` does with MIRROR_DEMO_REGION=8 (the region members at a tenth of their size), and national
 * figures are entered for the later year only, so that the comparisons are seen both centred on them and not.
 *
 * An output the two roles see identically is stored once; one that differs is stored for each, as `.analyst` and
 * `.viewer`. web/responses.txt lists every request with its status, content type, file name and redirect. The
 * API and the main downloads are fetched as both roles; the per-indicator and per-breakdown downloads (rows of
 * wres.csv) as the analyst only, as are the region members' downloads and API: they have disclosure control
 * whoever asks, as the trust's show. Pages are stored as visible text (see page-text.ts): every page of the trust
 * for the later year, the main ones for the earlier; the region members' pages are not stored.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { join } from 'node:path';
import { defaultStandards } from '../../src/core/standards/index.ts';
import { ensureDemoRegion, ensureDemoTrust } from '../../src/services/demo-loader.ts';
import { createStore } from '../../src/store/create-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createApp } from '../../src/web/app.ts';
import { addUser } from '../../src/web/auth/test-harness.ts';
import { BREAKDOWN_ORDER } from '../../src/web/presenters/indicator.ts';
import { createRenderer } from '../../src/web/render.ts';
import {
  CLOCK, PSEUDONYM_KEY, REGION_COUNT, REGION_SAMPLE, REGION_STAFF_SCALE, TRUST_CODE, YEAR, YEARS, type Outputs, type Root,
} from './fixture.ts';
import { visibleText } from './page-text.ts';

type Role = 'analyst' | 'viewer';
const ROLES: readonly Role[] = ['analyst', 'viewer'];
const PASSWORD = 'golden outputs password';
const INDICATORS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const WDES_BREAKDOWNS = ['staffGroup', 'payBand', 'directorate', 'internationalRecruit', 'gender', 'ethnicity'];

interface Fetched {
  readonly status: number;
  readonly body: string;
  /** The file extension its content type calls for; "page.txt" for HTML, kept as visible text. */
  readonly ext: string;
  readonly html: boolean;
  readonly line: string;
}

/** Signs in through the form (CSRF token and all) and returns the cookies to send with every later request. */
async function signIn(app: FastifyInstance, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: LightMyRequestResponse) => {
    for (const c of response.cookies as { name: string; value: string }[]) jar.set(c.name, c.value);
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await app.inject({ method: 'GET', url: '/sign-in' });
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const response = await app.inject({
    method: 'POST', url: '/sign-in', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD }).toString(),
  });
  if (response.statusCode !== 303) throw new Error(`${email} could not sign in: ${response.statusCode}`);
  keep(response);
  return cookie();
}

class WebRecorder {
  private readonly lines: string[] = [];

  constructor(private readonly app: FastifyInstance, private readonly cookies: Readonly<Record<Role | 'nobody', string>>, private readonly outputs: Outputs) {}

  private async get(url: string, who: Role | 'nobody'): Promise<Fetched> {
    const cookie = this.cookies[who];
    const r = await this.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const header = (name: string) => {
      const value = r.headers[name];
      return value === undefined ? null : String(value);
    };
    const extras = [header('content-disposition'), header('location') && `location ${header('location')}`].filter((x) => x !== null);
    const type = header('content-type') ?? '';
    const html = type.startsWith('text/html');
    const ext = html ? 'page.txt' : type.includes('json') ? 'json' : type.startsWith('text/csv') ? 'csv' : 'txt';
    return { status: r.statusCode, body: r.body, ext, html, line: `GET ${url} as ${who}: ${r.statusCode} ${header('content-type') ?? '-'}${extras.map((x) => `; ${x}`).join('')}` };
  }

  /**
   * Fetches as each role; keeps the body once if the roles agree, otherwise once per role. JSON and CSV are kept
   * exactly; an HTML page (even one answering a download's address, as a 400 does) as its visible text.
   */
  async fetch(url: string, roles: readonly (Role | 'nobody')[]): Promise<void> {
    const results: { who: Role | 'nobody'; fetched: Fetched }[] = [];
    for (const who of roles) results.push({ who, fetched: await this.get(url, who) });
    const texts = results.map(({ fetched }) => (fetched.html ? visibleText(fetched.body) : fetched.body));
    const same = texts.every((t) => t === texts[0]) && results.every(({ fetched }) => fetched.status === results[0]!.fetched.status);
    results.forEach(({ who, fetched }, i) => {
      this.lines.push(fetched.line);
      if (same && i > 0) return;
      this.outputs.set(fileName(url, fetched, same ? null : who), texts[i]!);
    });
  }

  finish(): void {
    this.outputs.set('web/responses.txt', `${this.lines.join('\n')}\n`);
  }
}

/** web/<path without extension>[@query][.role].<ext>, the extension from the content type ("page.txt" for HTML). */
function fileName(url: string, fetched: Fetched, who: string | null): string {
  const [path = '', query] = url.split('?');
  const stem = path === '/' ? '/home' : path.replace(/\.(csv|json)$/, '');
  return `web${stem}${query ? `@${query}` : ''}${who ? `.${who}` : ''}.${fetched.ext}`;
}

async function loadStore(root: Root): Promise<{ store: Store; adminId: number }> {
  const store = createStore({ dialect: 'sqlite', file: join(root.dir, 'mirror.sqlite') });
  await store.migrate();
  await ensureDemoTrust(store, { dataDir: root.dir, key: PSEUDONYM_KEY, years: YEARS });
  await ensureDemoRegion(store, { dataDir: root.dir, key: PSEUDONYM_KEY, years: YEARS, count: REGION_COUNT, staffScale: REGION_STAFF_SCALE });
  const organisations = await store.organisations.all();
  for (const role of ROLES) {
    await addUser(store, { email: `${role}@example.nhs.uk`, displayName: `Golden ${role}`, password: PASSWORD, memberships: organisations.map((o) => [o.id, role]) });
  }
  const admin = await addUser(store, { email: 'admin@example.nhs.uk', displayName: 'Golden administrator', administrator: true });
  return { store, adminId: admin.id };
}

/** National figures for the later year only (counts of the kind NHS England publishes; invented here). */
async function enterNationalFigures(store: Store, adminId: number): Promise<void> {
  const figures = {
    '2': { white: { events: 52_000, population: 310_000 }, ethnicMinority: { events: 31_000, population: 265_000 } },
    '3': { white: { events: 4_100, population: 980_000 }, ethnicMinority: { events: 2_300, population: 340_000 } },
    '4': { white: { events: 120_000, population: 980_000 }, ethnicMinority: { events: 41_000, population: 340_000 } },
  } as const;
  for (const [indicator, counts] of Object.entries(figures)) {
    await store.nationalFigures.upsert({ year: YEAR, indicator: indicator as '2' | '3' | '4', ...counts, source: 'Invented national figures for the golden outputs', enteredBy: adminId });
  }
}

/** The downloads of one organisation and year that stand on their own (the per-indicator ones are below). */
function mainCsvUrls(code: string, year: number): string[] {
  const base = `/organisations/${code}/${year}`;
  return [
    `${base}/wres.csv`, `${base}/wdes.csv`, `${base}/medical.csv`, `${base}/paygap.csv`,
    `${base}/compare.csv`, `${base}/compare.csv?peers=region`, `${base}/compare.csv?peers=type`,
    ...['recruitment', 'disciplinary', 'training'].map((m) => `${base}/monthly/${m}.csv`),
    `${base}/targets.csv`, `${base}/targets.csv?goal=35`, `${base}/targets.csv?goal=abc`,
  ];
}

/** Each indicator's and each breakdown's download: rows of wres.csv, with the same disclosure control. */
function indicatorCsvUrls(code: string, year: number): string[] {
  const base = `/organisations/${code}/${year}/indicators`;
  return [
    ...INDICATORS.map((id) => `${base}/${id}.csv`),
    ...['2', '3', '4'].flatMap((id) => BREAKDOWN_ORDER.map((key) => `${base}/${id}/${key}.csv`)),
  ];
}

function apiUrls(code: string, year: number): string[] {
  return ['wres', 'wdes', 'medical', 'paygap'].map((s) => `/api/v1/organisations/${code}/${s}/${year}`);
}

/** The demonstration trust's pages for a year: every one for the later year, the main ones for the earlier. */
function pageUrls(code: string, year: number, every: boolean): string[] {
  const base = `/organisations/${code}/${year}`;
  return [
    base,
    ...INDICATORS.map((id) => `${base}/indicators/${id}`),
    ...(every ? ['2', '3', '4'].flatMap((id) => BREAKDOWN_ORDER.map((key) => `${base}/indicators/${id}/${key}`)) : []),
    `${base}/wdes`, `${base}/wdes/trends`,
    ...(every ? ['2', '3'].flatMap((m) => WDES_BREAKDOWNS.map((key) => `${base}/wdes/${m}/${key}`)) : []),
    `${base}/medical`, `${base}/paygap`, `${base}/paygap?reference=white-british`, `${base}/overview`,
    `${base}/monthly`, `${base}/monthly/disciplinary`, `${base}/monthly/training`,
    `${base}/compare`, ...(every ? [`${base}/compare?peers=region`, `${base}/compare?peers=type`] : []),
    `${base}/targets`, ...(every ? [`${base}/targets?goal=35`, `${base}/targets?goal=abc`] : []),
  ];
}

export async function webOutputs(root: Root, outputs: Outputs): Promise<void> {
  let started = performance.now();
  const lap = (label: string) => {
    if (process.env['GOLDEN_TIMING']) console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
  };
  const { store, adminId } = await loadStore(root);
  lap('import');
  const app = await createApp(
    {
      store, storeConfig: { dialect: 'sqlite', file: join(root.dir, 'mirror.sqlite') }, render: createRenderer(),
      clock: () => new Date(CLOCK), pseudonymKey: PSEUDONYM_KEY, reportingKey: PSEUDONYM_KEY, mailer: null, dataDir: root.dir, standards: defaultStandards(),
    },
    { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
  );
  try {
    await app.ready();
    await enterNationalFigures(store, adminId);
    const cookies = { analyst: await signIn(app, 'analyst@example.nhs.uk'), viewer: await signIn(app, 'viewer@example.nhs.uk'), nobody: '' };
    const web = new WebRecorder(app, cookies, outputs);

    await web.fetch('/api/v1/openapi.json', ['nobody']);
    await web.fetch('/api/v1/organisations', ROLES);
    await web.fetch('/api/v1/organisations', ['nobody']);
    await web.fetch(`/api/v1/organisations/${TRUST_CODE}/wres/2023`, ['analyst']);
    for (const url of ['/', '/import', `/organisations/${TRUST_CODE}`]) await web.fetch(url, ROLES);
    for (const year of YEARS) {
      for (const url of [...apiUrls(TRUST_CODE, year), ...mainCsvUrls(TRUST_CODE, year)]) await web.fetch(url, ROLES);
      for (const url of indicatorCsvUrls(TRUST_CODE, year)) await web.fetch(url, ['analyst']);
      for (const url of pageUrls(TRUST_CODE, year, year === YEAR)) await web.fetch(url, ROLES);
    }
    lap('trust');
    for (const code of REGION_SAMPLE) {
      for (const year of YEARS) {
        for (const url of [...apiUrls(code, year), ...mainCsvUrls(code, year), ...indicatorCsvUrls(code, year)]) await web.fetch(url, ['analyst']);
      }
    }
    lap('region');
    web.finish();
  } finally {
    await app.close();
    await store.close();
  }
}
