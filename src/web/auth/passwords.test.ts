import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

test('passwords are hashed with argon2id at the OWASP parameters and verified', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
  assert.equal(await verifyPassword(hash, 'correct horse batterY'), false);
  assert.notEqual(await hashPassword('correct horse battery'), hash, 'each hash has its own salt');
});

test('a hash that cannot be read never verifies', async () => {
  assert.equal(await verifyPassword('not a hash', 'anything at all'), false);
  assert.equal(await verifyPassword('', ''), false);
});

test('the dummy hash is made once and matches no ordinary password', async () => {
  const first = await dummyPasswordHash();
  assert.equal(first, await dummyPasswordHash());
  assert.equal(await verifyPassword(first, ''), false);
  assert.equal(await verifyPassword(first, 'password123456'), false);
});

test('password rules: 12 characters or more, not one character repeated, in plain English', () => {
  assert.equal(passwordProblem(''), 'Enter a password');
  assert.equal(passwordProblem('elevenchars'), 'Password must be 12 characters or more');
  assert.equal(passwordProblem('aaaaaaaaaaaaaaaa'), 'Password must not be the same character repeated');
  assert.equal(passwordProblem('x'.repeat(257) + 'y'), 'Password must be 256 characters or fewer');
  assert.equal(passwordProblem('twelve chars'), null);
  assert.equal(passwordProblem('correct horse battery staple'), null);
  // Characters, not UTF-16 units: 11 emoji are 11 characters.
  assert.equal(passwordProblem('🙂'.repeat(6) + '🙃'.repeat(5)), 'Password must be 12 characters or more');
});
