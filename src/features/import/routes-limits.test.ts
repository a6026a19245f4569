/**
 * One upload must not stall the server: on a real server (port 0) a large import runs while /healthz keeps
 * answering, a zip bomb is refused by its unpacked size without the process's memory jumping, and a file over the
 * upload limit is refused on the form. Limits come from the environment, as an operator sets them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeZipBomb } from '../../../test/support/zip-bomb.ts';
import { generateSyntheticTrust } from '../../demo/synthetic-trust.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { addUser, Browser } from '../../web/auth/test-harness.ts';
import { type RunningServer, startServer } from '../../web/server.ts';

const PASSWORD = 'a long enough password';
const MB = 1024 * 1024;

/** Asks /healthz every 200 ms and prints how long each answer took, in milliseconds, or 99999 for a failure. */
const PROBE = `
for (;;) {
  const started = performance.now();
  const ok = await fetch(process.argv[1]).then((r) => r.ok, () => false);
  console.log(ok ? performance.now() - started : 99999);
  await new Promise((r) => setTimeout(r, 200));
}`;

type Upload = { name: string; content: Uint8Array | string; type?: string };

async function multipart(fields: Record<string, string>, files: Record<string, Upload>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of Object.values(files)) form.append('files', new Blob([file.content], { type: file.type ?? 'text/csv' }), file.name);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

async function upload(browser: Browser, fields: Record<string, string>, files: Record<string, Upload>) {
  await browser.get('/import');
  const body = await multipart({ _csrf: browser.lastCsrf, ...fields }, files);
  return browser.send('POST', '/import', body.payload as unknown as string, { 'content-type': body.contentType });
}

async function finished(browser: Browser, location: string) {
  for (let i = 0; i < 2400; i++) {
    const page = await browser.get(location);
    if (!page.body.includes('http-equiv="refresh"')) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

/** A staff file of `count` people: a small synthetic trust's rows repeated under new identifiers. */
function bigStaffCsv(count: number): string {
  const [header, ...rows] = generateSyntheticTrust({ year: 2025, seed: 5, staff: 300, applications: 10 }).files.staff.trimEnd().split('\n');
  const out = [header];
  for (let i = 0; out.length <= count; i += 1) out.push(rows[i % rows.length]!.replace(/^[^,]*/, `P${String(i).padStart(7, '0')}`));
  return `${out.join('\n')}\n`;
}

describe('uploads on a running server', () => {
  let server: RunningServer;
  let analyst: Browser;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-limits-'));
    server = await startServer(
      { PORT: '0', MIRROR_DATA_DIR: join(dir, 'data'), MIRROR_DEMO: 'off', LOG_LEVEL: 'silent', MIRROR_MAX_UNPACKED_MB: '20', MIRROR_MAX_UPLOAD_MB: '12' },
      () => {},
    );
    await writeSyntheticTrust(join(dir, 'trust'), { year: 2024, seed: 4, staff: 100 });
    const key = readFileSync(join(dir, 'data', 'pseudonym.key'));
    const seeded = await importFolder(server.store, join(dir, 'trust'), {
      organisation: { code: 'LIMT', name: 'Limits test trust' }, year: 2024, channel: 'cli', importedBy: null, key,
    });
    assert.ok(seeded.ok);
    const organisation = (await server.store.organisations.byCode('LIMT'))!;
    await addUser(server.store, { email: 'limits@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    analyst = new Browser(server.app);
    await analyst.get('/sign-in');
    assert.equal((await analyst.post('/sign-in', { email: 'limits@example.nhs.uk', password: PASSWORD })).statusCode, 303);
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/healthz answers quickly, again and again, while a large import runs', async () => {
    const response = await upload(analyst, { organisation: 'LIMT', year: '2025' }, { staff: { name: 'staff.csv', content: bigStaffCsv(60_000) } });
    assert.equal(response.statusCode, 303);
    // Probed from another process, as a load balancer would, so a stalled server shows as a slow answer.
    const probe = spawn(process.execPath, ['--input-type=module', '-e', PROBE, `${server.url}/healthz`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timings: number[] = [];
    probe.stdout.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n').filter(Boolean)) timings.push(Number(line));
    });
    const page = await finished(analyst, String(response.headers['location']));
    await new Promise((r) => setTimeout(r, 400));
    probe.kill();
    assert.match(page.body, /Import complete/);
    const slowest = Math.max(...timings);
    assert.ok(slowest < 1000, `every /healthz answered within 1 s while importing; the slowest took ${Math.round(slowest)} ms`);
    assert.ok(timings.length >= 3, `the import ran long enough to be probed several times (${timings.length} probes)`);
  });

  test('a zip bomb is refused by its unpacked size, naming the limit and its setting, and memory does not jump', async () => {
    const path = join(dir, 'staff.xlsx');
    const bomb = await writeZipBomb(path, { unpackedBytes: 600 * MB });
    const bytes = readFileSync(path);
    assert.ok(bomb.onDisk < 1 * MB, `small on disk (${bomb.onDisk} bytes)`);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let page: Awaited<ReturnType<typeof finished>>;
    try {
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const response = await upload(analyst, { organisation: 'LIMT', year: '2025' }, { staff: { name: 'staff.xlsx', content: bytes, type: xlsx } });
      assert.equal(response.statusCode, 303);
      page = await finished(analyst, String(response.headers['location']));
    } finally {
      clearInterval(sample);
    }
    const grew = (peak - before) / MB;
    assert.ok(grew < 300, `memory grew by ${Math.round(grew)} MB while a ${Math.round(bomb.unpacked / MB)} MB bomb was refused`);
    assert.match(page.body, /The files have problems/);
    assert.match(page.body, /staff\.xlsx/);
    assert.match(page.body, /unpacks to more than 20 MB/);
    assert.match(page.body, /MIRROR_MAX_UNPACKED_MB/);
  });

  test('a file over the upload limit is refused on the form, naming the file, the limit and its setting', async () => {
    const response = await upload(analyst, { organisation: 'LIMT', year: '2025' }, { staff: { name: 'staff.csv', content: 'x'.repeat(13 * MB) } });
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /staff\.csv is larger than 12 MB/);
    assert.match(response.body, /MIRROR_MAX_UPLOAD_MB/);
  });
});
