import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createStore } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { hashToken } from './tokens.ts';
import { createSignInLink, firstRunSignInLink } from './sign-in-links.ts';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-links-'));
  store = createStore({ dialect: 'sqlite', file: join(dir, 'mirror.sqlite') });
  await store.migrate();
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a link is the full address with a token whose hash alone is stored, and it lasts 60 minutes by default', async () => {
  const now = new Date('2030-01-01T09:00:00Z');
  const link = await createSignInLink(store, { baseUrl: 'https://mirror.example.nhs.uk', userId: null, now });
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}`, 'https://mirror.example.nhs.uk/sign-in/link');
  const token = url.searchParams.get('token')!;
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await store.signInLinks.consume(hashToken(token), new Date(now.getTime() + 61 * 60_000)), null, 'expired after an hour');
  const again = await createSignInLink(store, { baseUrl: 'https://mirror.example.nhs.uk', userId: null, now, lifetimeMinutes: 5 });
  const againToken = new URL(again).searchParams.get('token')!;
  assert.deepEqual(await store.signInLinks.consume(hashToken(againToken), new Date(now.getTime() + 4 * 60_000)), { userId: null });
  assert.equal(await store.signInLinks.consume(hashToken(againToken), new Date(now.getTime() + 4 * 60_000)), null, 'works once');
});

test('making a link is audited, without the token', async () => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const link = await createSignInLink(store, { baseUrl: 'http://127.0.0.1:3000', userId: user.id, now: new Date(), createdBy: 7 });
  const token = new URL(link).searchParams.get('token')!;
  const events = (await store.audit.list({ limit: 100, offset: 0 })).filter((e) => e.action === 'sign-in-link-created');
  const latest = events[0]!;
  assert.equal(latest.subject, `user/${user.id}`);
  assert.equal(latest.userId, 7);
  assert.equal(latest.details['lifetimeMinutes'], 60);
  assert.equal(JSON.stringify(events).includes(token), false);
  assert.equal(JSON.stringify(events).includes(hashToken(token)), false);
  await assert.rejects(createSignInLink(store, { baseUrl: 'http://x', userId: null, now: new Date(), lifetimeMinutes: 0 }));
});

test('at start, a first-run link is made only while nobody has an account', async () => {
  const fresh = createStore({ dialect: 'sqlite', file: join(dir, 'fresh.sqlite') });
  await fresh.migrate();
  try {
    assert.match((await firstRunSignInLink(fresh, { baseUrl: 'http://127.0.0.1:3000', now: new Date() }))!, /\/sign-in\/link\?token=/);
    await fresh.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: true });
    assert.equal(await firstRunSignInLink(fresh, { baseUrl: 'http://127.0.0.1:3000', now: new Date() }), null);
  } finally {
    await fresh.close();
  }
});
