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

const ADA = { email: 'ada.lovelace@trust.nhs.uk', displayName: 'Ada Lovelace' };

test('password rules: 12 characters or more, not one character repeated, in plain English', () => {
  assert.equal(passwordProblem('', ADA), 'Enter a password');
  assert.equal(passwordProblem('elevenchars', ADA), 'Password must be 12 characters or more');
  assert.equal(passwordProblem('aaaaaaaaaaaaaaaa', ADA), 'Password must not be the same character repeated');
  assert.equal(passwordProblem(`${'x'.repeat(257)}y`, ADA), 'Password must be 256 characters or fewer');
  assert.equal(passwordProblem('twelve chars', ADA), null);
  assert.equal(passwordProblem('correct horse battery staple', ADA), null);
  assert.equal(passwordProblem('marmalade tractor seventeen', ADA), null);
  // Characters, not UTF-16 units: 11 emoji are 11 characters.
  assert.equal(passwordProblem('🙂'.repeat(6) + '🙃'.repeat(5), ADA), 'Password must be 12 characters or more');
});

const COMMON = 'Password is one of the most common passwords, or too close to one. Choose something harder to guess, for example three random words';
const PERSONAL = 'Password must not include your name or email address. Choose words that have nothing to do with you, for example three random words';
const GUESSABLE = 'Password is too easy to guess. Avoid keyboard patterns, sequences, repeated words and dates; for example, choose three random words';

test('common passwords, and small changes to them, are refused with what to do instead', () => {
  for (const password of ['password1234', 'Password1234!', 'P@ssw0rd1234', '123456789012', 'qwertyuiop123', 'iloveyou2024', 'liverpool2024', 'letmein12345', 'qazwsxedcrfvtgb', '1q2w3e4r5t6y7u8i']) {
    assert.equal(passwordProblem(password, ADA), COMMON, password);
  }
});

test("the person's own email, its local part and their name are refused", () => {
  for (const password of ['ada.lovelace@trust.nhs.uk', 'ADA.LOVELACE@TRUST.NHS.UK', 'ada.lovelace2024', 'adalovelace!!!', 'Ada Lovelace 1815', 'lovelace horse battery']) {
    assert.equal(passwordProblem(password, ADA), PERSONAL, password);
  }
  // Someone else's name is no clue to this person's password.
  assert.equal(passwordProblem('lovelace horse battery', { email: 'grace.hopper@trust.nhs.uk', displayName: 'Grace Hopper' }), null);
  // A very short name or local part does not rule out every password that happens to contain it.
  assert.equal(passwordProblem('a jolly good fellow', { email: 'jo@trust.nhs.uk', displayName: 'Jo' }), null);
});

test('other easily guessed passwords are refused too', () => {
  for (const password of ['abcdefghijklmnop', 'abcabcabcabcabc', 'horsehorsehorse', 'x1'.repeat(128)]) {
    assert.equal(passwordProblem(password, ADA), GUESSABLE, password);
  }
});
