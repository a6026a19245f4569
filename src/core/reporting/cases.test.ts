import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canMove, DEFAULT_CATEGORIES, DEFAULT_HANDLER_ROLES, DEFAULT_ROUTING, dayOf, keptUntil, nextStatuses, pastRetention, routeFor } from './cases.ts';
import { GuessLimit } from './guess-limit.ts';

test('every default category is routed to a default role', () => {
  for (const c of DEFAULT_CATEGORIES) assert.ok(DEFAULT_HANDLER_ROLES.some((r) => r.key === DEFAULT_ROUTING[c.key]), c.key);
  assert.equal(routeFor('managers', DEFAULT_ROUTING, DEFAULT_HANDLER_ROLES), 'hr');
  assert.equal(routeFor('unrouted', DEFAULT_ROUTING, DEFAULT_HANDLER_ROLES), 'ftsu-guardian', 'the first role when a category has no route');
  assert.equal(routeFor('managers', DEFAULT_ROUTING, [{ key: 'edi-lead', label: 'EDI' }]), 'edi-lead', 'a route to a removed role falls back');
  assert.equal(routeFor('managers', DEFAULT_ROUTING, []), null);
});

test('statuses move forward by hand; assignment is not chosen as a status; a closed case can be reopened', () => {
  assert.ok(canMove('received', 'triaged'));
  assert.ok(!canMove('received', 'assigned'));
  assert.ok(!canMove('triaged', 'in-progress'), 'someone must be assigned first');
  assert.ok(canMove('assigned', 'in-progress'));
  assert.ok(canMove('in-progress', 'closed'));
  assert.deepEqual(nextStatuses('closed'), ['in-progress']);
});

test('dates are kept to the day; a closed case is kept to the same day months later, the month\'s last day when shorter', () => {
  assert.equal(dayOf(new Date('2026-03-10T23:59:59Z')), '2026-03-10');
  assert.equal(keptUntil('2026-03-10', 12), '2027-03-10');
  assert.equal(keptUntil('2026-08-31', 6), '2027-02-28');
  assert.equal(keptUntil('2027-08-31', 6), '2028-02-29');
  assert.equal(keptUntil('2026-11-15', 2), '2027-01-15');
  assert.ok(!pastRetention('2026-03-10', 12, '2027-03-10'));
  assert.ok(pastRetention('2026-03-10', 12, '2027-03-11'));
});

test('wrong receipts are counted for everyone together, in fixed windows', () => {
  const limit = new GuessLimit({ max: 3, windowMs: 1000 });
  for (let i = 0; i < 3; i++) {
    assert.ok(limit.open(10));
    limit.recordWrong(10);
  }
  assert.ok(!limit.open(500), 'the fourth waits');
  assert.ok(limit.open(1010), 'a new window opens');
});
