/**
 * Fair admission (fair-admission.ts): each route works a few requests at a time and the rest wait in its own queue, so
 * a flood of one page cannot hold up another. First the queue on its own, then the real app over real sockets on
 * loopback: a route held at its limit keeps its next request waiting (never started) while another route answers at
 * once; the waiting request starts when one in work is answered; and one whose client goes while it waits is never
 * worked and gives up its place.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createHarness, type Harness, keepSentStatuses } from './auth/test-harness.ts';
import { DEFAULT_ROUTE_CONCURRENCY, FairAdmission } from './fair-admission.ts';

describe('the queue', () => {
  test('a route takes its limit at once, then queues; another route is let in at once', async () => {
    const admission = new FairAdmission(2);
    const live = new AbortController().signal;
    const first = await admission.admit('GET /a', live);
    await admission.admit('GET /a', live);
    let third: (() => void) | null = null;
    const waiting = admission.admit('GET /a', live).then((release) => {
      third = release;
    });
    await admission.admit('GET /b', live);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(third, null, 'the third request of /a waits');
    assert.deepEqual(admission.snapshot().get('GET /a'), { working: 2, waiting: 1 });
    assert.deepEqual(admission.snapshot().get('GET /b'), { working: 1, waiting: 0 });
    first();
    first(); // a second call gives up nothing more
    await waiting;
    assert.notEqual(third, null, 'the third is let in when one is answered');
    assert.deepEqual(admission.snapshot().get('GET /a'), { working: 2, waiting: 0 });
  });

  test('a request whose client goes while it waits leaves the queue with an AbortError', async () => {
    const admission = new FairAdmission(1);
    const release = await admission.admit('GET /a', new AbortController().signal);
    const gone = new AbortController();
    const waiting = admission.admit('GET /a', gone.signal);
    gone.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.deepEqual(admission.snapshot().get('GET /a'), { working: 1, waiting: 0 });
    release();
    assert.equal(admission.snapshot().size, 0, 'nothing is kept of a route with nothing in work');
    await assert.rejects(admission.admit('GET /a', gone.signal), { name: 'AbortError' });
    assert.equal(admission.snapshot().size, 0, 'a request already gone leaves nothing of its route behind');
  });

  test('the limit is a whole number of at least one', () => {
    assert.throws(() => new FairAdmission(0), /at least 1/);
    assert.throws(() => new FairAdmission(1.5), /at least 1/);
  });
});

describe('the app, over real sockets', () => {
  let harness: Harness;
  let port: number;
  let started = 0;
  const holds: Array<() => void> = [];
  const statuses = new Map<string, number>();

  before(async () => {
    harness = await createHarness({
      store: 'memory',
      beforeReady: (app) => {
        keepSentStatuses(app, statuses);
        // Stands for a slow page: held until the test lets it answer.
        app.get('/healthz/test-held', async () => {
          started++;
          await new Promise<void>((resolve) => holds.push(resolve));
          return { held: true };
        });
        // As the uploads are: not held to a few at a time.
        app.get('/healthz/test-unqueued', { config: { admission: 'unqueued' } }, async () => {
          started++;
          await new Promise<void>((resolve) => holds.push(resolve));
          return { held: true };
        });
      },
    });
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    port = (harness.app.server.address() as AddressInfo).port;
  });

  after(async () => {
    for (const hold of holds) hold();
    await harness.close();
  });

  function get(path: string): { client: ClientRequest; answer: Promise<number> } {
    let client!: ClientRequest;
    const answer = new Promise<number>((resolve, reject) => {
      client = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      client.on('error', reject);
      client.end();
    });
    return { client, answer };
  }

  const waiting = () => harness.app.admission.snapshot().get('GET /healthz/test-held')?.waiting ?? 0;

  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(condition(), what);
  }

  test('a route at its limit queues its next request while another route answers; the next starts when one is answered', async () => {
    started = 0;
    const held = Array.from({ length: DEFAULT_ROUTE_CONCURRENCY }, (_, i) => get(`/healthz/test-held?n=${i}`));
    await until(() => started === DEFAULT_ROUTE_CONCURRENCY, 'the first requests up to the limit are worked');
    const next = get('/healthz/test-held?n=next');
    await until(() => waiting() === 1, 'the request over the limit waits');
    const other = get('/healthz');
    assert.equal(await other.answer, 200, 'another route answers while this one is at its limit');
    await until(() => statuses.has('/healthz'), 'the other route was answered');
    assert.equal(started, DEFAULT_ROUTE_CONCURRENCY, 'the request over the limit has not started');
    holds.shift()!();
    assert.equal(await held[0]!.answer, 200);
    await until(() => started === DEFAULT_ROUTE_CONCURRENCY + 1, 'the waiting request starts once one is answered');
    while (holds.length > 0) holds.shift()!();
    assert.deepEqual(await Promise.all([...held.slice(1), next].map((r) => r.answer)), Array(DEFAULT_ROUTE_CONCURRENCY).fill(200));
  });

  test('a request whose client goes while it waits is never worked, and its place is not lost', async () => {
    started = 0;
    const held = Array.from({ length: DEFAULT_ROUTE_CONCURRENCY }, (_, i) => get(`/healthz/test-held?m=${i}`));
    await until(() => started === DEFAULT_ROUTE_CONCURRENCY, 'the first requests up to the limit are worked');
    const leaving = get('/healthz/test-held?m=leaving');
    leaving.answer.catch(() => undefined);
    await until(() => waiting() === 1, 'the request over the limit waits');
    leaving.client.destroy();
    await until(() => statuses.get('/healthz/test-held?m=leaving') === 499, 'the request that waited is answered 499 (client gone)');
    assert.equal(waiting(), 0, 'and has left the queue');
    while (holds.length > 0) holds.shift()!();
    await Promise.all(held.map((r) => r.answer));
    assert.equal(started, DEFAULT_ROUTE_CONCURRENCY, 'the request whose client went was never worked');
    // Its place was not kept: the route takes its full limit again.
    started = 0;
    const again = Array.from({ length: DEFAULT_ROUTE_CONCURRENCY }, (_, i) => get(`/healthz/test-held?k=${i}`));
    await until(() => started === DEFAULT_ROUTE_CONCURRENCY, 'the route takes its limit again');
    while (holds.length > 0) holds.shift()!();
    await Promise.all(again.map((r) => r.answer));
  });

  test('a route marked unqueued (the uploads) takes every request at once', async () => {
    started = 0;
    const all = Array.from({ length: DEFAULT_ROUTE_CONCURRENCY + 3 }, (_, i) => get(`/healthz/test-unqueued?u=${i}`));
    await until(() => started === DEFAULT_ROUTE_CONCURRENCY + 3, 'every request is worked at once');
    assert.equal(harness.app.admission.snapshot().size, 0, 'none is counted or queued');
    while (holds.length > 0) holds.shift()!();
    await Promise.all(all.map((r) => r.answer));
  });
});
