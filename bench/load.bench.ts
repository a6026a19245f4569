/**
 * `npm run bench` (last part) and `npm run bench:load`: the main pages under load (issue 15, item 8). The real
 * server runs in its own process (load-server.ts) over the demonstration trust among a synthetic region of 8
 * organisations; autocannon (ADR 0011) drives it over loopback from this process at 10 and 50 connections, signed in
 * as a viewer (whose pages are kept and revalidated) and as an analyst (never kept), for BENCH_LOAD_SECONDS each
 * (default 5). For each page it reports requests a second, the median and 99th-percentile latency, errors and
 * timeouts, and the ratio of its rate to the reference: `/healthz`, the plainest route of the same server, driven
 * the same way. Then "other routes unaffected": `/healthz` and the viewer's dashboard at 10 connections alone, and
 * again while a flood of 50 connections asks for the comparisons page (the viewer's, kept; the analyst's, built
 * afresh every time). The goals (issue 15): dashboard and indicator pages at least 500 a second with p99 under 100 ms at
 * 50 connections, the comparisons page at least 200 a second, no timeouts. Nothing here asserts a time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { DEMO_ORGANISATION, ensureDemoRegion } from '../src/services/demo-loader.ts';
import { openDatabase } from '../src/store/database.ts';
import { KyselyStore } from '../src/store/kysely-store.ts';

const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 5);
const SCALE = Number(process.env['BENCH_STAFF_SCALE'] ?? 0.5);
/** BENCH_LOAD_BESIDE_ONLY=1: only the other routes beside a flood, not every page on its own. */
const BESIDE_ONLY = process.env['BENCH_LOAD_BESIDE_ONLY'] === '1';
const YEAR = 2025;
const PASSWORD = 'a long enough password';
const BASE = `/organisations/${DEMO_ORGANISATION.code}/${YEAR}`;
const PAGES: Readonly<Record<string, string>> = {
  reference: '/healthz', dashboard: BASE, indicator: `${BASE}/indicators/2`, comparisons: `${BASE}/compare`, overview: `${BASE}/overview`,
};

interface Run {
  readonly page: string;
  readonly who: string;
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

/** Starts load-server.ts over the database and waits for the address it prints. */
async function startServer(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load-server.ts')], {
    env: { ...process.env, MIRROR_BENCH_DB: db, MIRROR_BENCH_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server stopped (${code}) before it was ready`)));
  });
  return { url, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

/** Signs in through the real form and returns the cookie header a browser would then send. */
async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${url}/sign-in`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const signedIn = await fetch(`${url}/sign-in`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
  });
  keep(signedIn);
  if (signedIn.status !== 303) throw new Error(`signing in as ${email} answered ${signedIn.status}`);
  return cookie();
}

async function load(url: string, path: string, connections: number, cookie: string, seconds = SECONDS): Promise<autocannon.Result> {
  return autocannon({ url: `${url}${path}`, connections, duration: seconds, timeout: 10, headers: { cookie } });
}

/**
 * Waits until the server has worked off what the last run left queued: autocannon stops sending at the end of its
 * time, but the requests the server has already read (fifty slow analyst pages, say) are still answered, and would
 * otherwise be counted against the next page. Idle is two requests to /healthz in a row answered within 20 ms.
 */
async function settle(url: string): Promise<void> {
  let quick = 0;
  for (let attempt = 0; attempt < 600 && quick < 2; attempt++) {
    const started = performance.now();
    await (await fetch(`${url}/healthz`)).text();
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function summary(page: string, who: string, connections: number, r: autocannon.Result): Run {
  return {
    page, who, connections, requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99,
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
  };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mirror-bench-load-'));
  const db = join(root, 'mirror.sqlite');
  try {
    const store = new KyselyStore(openDatabase({ dialect: 'sqlite', file: db }));
    await store.migrate();
    await ensureDemoRegion(store, { dataDir: root, key: Buffer.alloc(32, 9), years: [YEAR - 1, YEAR], count: 8, staffScale: SCALE });
    await store.close();
    const server = await startServer(db);
    try {
      const cookies = { viewer: await signIn(server.url, 'viewer@example.nhs.uk'), analyst: await signIn(server.url, 'analyst@example.nhs.uk') };
      const runs: Run[] = [];
      for (const connections of BESIDE_ONLY ? [] : [10, 50]) {
        for (const [page, path] of Object.entries(PAGES)) {
          for (const who of page === 'reference' ? (['viewer'] as const) : (['viewer', 'analyst'] as const)) {
            await settle(server.url);
            await load(server.url, path, 2, cookies[who], 1); // warm the caches, as a running server's are
            await settle(server.url);
            runs.push(summary(page, who, connections, await load(server.url, path, connections, cookies[who])));
          }
        }
      }
      // Warm what the rest asks for, as a running server's caches (and chart threads) are.
      for (const [path, who] of [[PAGES['dashboard']!, 'viewer'], [PAGES['comparisons']!, 'viewer'], [PAGES['comparisons']!, 'analyst']] as const) {
        await load(server.url, path, 2, cookies[who], 1);
      }
      await settle(server.url);
      const alone = summary('reference alone', 'viewer', 10, await load(server.url, PAGES['reference']!, 10, cookies.viewer));
      await settle(server.url);
      const dashboardAlone = summary('dashboard alone', 'viewer', 10, await load(server.url, PAGES['dashboard']!, 10, cookies.viewer));
      // Other routes beside a flood of one page: the viewer's comparisons (kept, so cheap each) and the analyst's
      // (built afresh each time, funnel charts and all).
      const beside: Array<{ route: string; flood: string; result: Run }> = [];
      for (const [route, flood, who] of [
        ['reference', 'comparisons', 'viewer'], ['reference', 'comparisons', 'analyst'], ['dashboard', 'comparisons', 'analyst'],
      ] as const) {
        await settle(server.url);
        const [during] = await Promise.all([
          load(server.url, PAGES[route]!, 10, cookies.viewer),
          load(server.url, PAGES[flood]!, 50, cookies[who]),
        ]);
        beside.push({ route, flood: `${who}'s ${flood}`, result: summary(`${route} beside ${who}'s ${flood} at 50`, 'viewer', 10, during) });
      }
      const reference = (c: number) => runs.find((r) => r.page === 'reference' && r.connections === c)!.requestsPerSecond;
      console.log(`Load on the main pages over loopback, ${SECONDS} s each (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}):`);
      console.log('  page          who      conns   req/s  ratio to /healthz  p50 ms  p99 ms  errors  timeouts  non-2xx');
      for (const r of runs) {
        const ratio = (r.requestsPerSecond / reference(r.connections)).toFixed(2);
        console.log(`  ${r.page.padEnd(13)} ${r.who.padEnd(8)} ${String(r.connections).padStart(5)} ${String(r.requestsPerSecond).padStart(7)} ${ratio.padStart(18)} ${String(r.p50Ms).padStart(7)} ${String(r.p99Ms).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(9)} ${String(r.non2xx).padStart(8)}`);
      }
      console.log(`  Other routes at 10 connections, alone: /healthz ${alone.requestsPerSecond} req/s (p99 ${alone.p99Ms} ms), the viewer's dashboard ${dashboardAlone.requestsPerSecond} req/s (p99 ${dashboardAlone.p99Ms} ms); beside a flood of 50 connections:`);
      for (const b of beside) console.log(`    ${b.route === 'reference' ? '/healthz' : "the viewer's dashboard"} beside the ${b.flood}: ${b.result.requestsPerSecond} req/s, p99 ${b.result.p99Ms} ms, ${b.result.errors + b.result.timeouts} errors or timeouts`);
      mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
      writeFileSync(join(import.meta.dirname, 'results', 'load.local.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, seconds: SECONDS, runs, alone, dashboardAlone, beside }, null, 2)}\n`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
