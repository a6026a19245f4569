import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Membership, Organisation } from '../store/store.ts';
import type { CurrentUser } from './auth/current-user.ts';
import { navigationFor } from './page-context.ts';

const organisation: Organisation = { id: 1, code: 'RXX', name: 'Test NHS Trust', region: null, type: null, synthetic: false };
const person = (administrator: boolean, memberships: Membership[] = []): CurrentUser => ({
  id: 1, email: 'a@trust.nhs.uk', displayName: 'A', administrator, hasPassword: true, memberships,
});

test('signed out, there is no navigation', () => {
  assert.deepEqual(navigationFor(null, '/'), []);
});

test('everyone signed in sees Organisations; analysts and administrators Import; administrators Administration', () => {
  const texts = (user: CurrentUser) => navigationFor(user, '/').map((item) => item.text);
  assert.deepEqual(texts(person(false, [{ organisation, role: 'viewer' }])), ['Organisations']);
  assert.deepEqual(texts(person(false, [{ organisation, role: 'analyst' }])), ['Organisations', 'Import']);
  assert.deepEqual(texts(person(true)), ['Organisations', 'Import', 'Administration']);
});

test('the current page and section are marked', () => {
  const admin = person(true);
  const at = (path: string) => Object.fromEntries(navigationFor(admin, path).map((item) => [item.text, [item.current, item.active]]));
  assert.deepEqual(at('/'), { Organisations: [true, true], Import: [false, false], Administration: [false, false] });
  assert.deepEqual(at('/organisations/RXX/2025'), { Organisations: [false, true], Import: [false, false], Administration: [false, false] });
  assert.deepEqual(at('/admin/users'), { Organisations: [false, false], Import: [false, false], Administration: [true, true] });
  assert.deepEqual(at('/admin/audit'), { Organisations: [false, false], Import: [false, false], Administration: [false, true] });
  assert.deepEqual(at('/import/RXX'), { Organisations: [false, false], Import: [false, true], Administration: [false, false] });
  assert.deepEqual(at('/account'), { Organisations: [false, false], Import: [false, false], Administration: [false, false] });
  assert.deepEqual(
    Object.fromEntries(navigationFor(admin, '/methodology', 'organisations').map((item) => [item.text, item.active])),
    { Organisations: true, Import: false, Administration: false },
  );
});
