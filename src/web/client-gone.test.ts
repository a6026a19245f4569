/**
 * A request whose client has gone (web/app.ts's fault handler): a long read stops between organisations
 * (request.signal, as the regional view and the comparisons do) and the AbortError it throws is no fault: answered
 * 499 with nothing rendered, not 500 with the fault page. Over a real socket on loopback, closed by the client while
 * the route is still at work; the same error while the client is still there is a fault like any other.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createHarness, type Harness, keepSentStatuses } from './auth/test-harness.ts';

describe('a request whose client has gone', () => {
  let harness: Harness;
  let port: number;
  const statuses = new Map<string, number>();
  let started: () => void = () => {};
  let release: () => void = () => {};

  before(async () => {
    harness = await createHarness({
      store: 'memory',
      beforeReady: (app) => {
        keepSentStatuses(app, statuses);
        // Stands for a long read that checks the signal between organisations, as the services do.
        app.get('/healthz/test-long-read', async (request) => {
          started();
          await new Promise<void>((resolve) => {
            release = resolve;
            request.signal.addEventListener('abort', () => resolve(), { once: true });
          });
          request.signal.throwIfAborted();
          throw Object.assign(new Error('stopped'), { name: 'AbortError' });
        });
      },
    });
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
    port = (harness.app.server.address() as AddressInfo).port;
  });

  after(async () => {
    await harness.close();
  });

  async function statusSent(url: string): Promise<number> {
    for (let i = 0; i < 200 && !statuses.has(url); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const status = statuses.get(url);
    assert.ok(status !== undefined, 'the response was sent on the server');
    return status;
  }

  test('stops its work and is answered 499, not the fault page', async () => {
    const url = '/healthz/test-long-read?gone=1';
    const working = new Promise<void>((resolve) => {
      started = resolve;
    });
    const client = httpRequest({ host: '127.0.0.1', port, path: url });
    client.on('error', () => {});
    client.end();
    await working;
    client.destroy();
    assert.equal(await statusSent(url), 499);
  });

  test('an AbortError while the client is still there is a fault (500)', async () => {
    const url = '/healthz/test-long-read?stays=1';
    const working = new Promise<void>((resolve) => {
      started = resolve;
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const client = httpRequest({ host: '127.0.0.1', port, path: url }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      client.on('error', reject);
      client.end();
    });
    await working;
    release();
    const { status, body } = await answer;
    assert.equal(status, 500);
    assert.match(body, /Sorry, there is a problem with the service/);
    assert.equal(await statusSent(url), 500);
  });
});
