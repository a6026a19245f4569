/**
 * Password hashing and the password rules. Hashes are argon2id with the OWASP Password Storage Cheat Sheet's
 * first recommended parameters (19 MiB of memory, 2 iterations, 1 degree of parallelism), stored as PHC strings, so
 * the parameters travel with each hash and can be raised later without breaking existing passwords.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** argon2id; written as its number because the library's enum is a `const enum` that isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_HASH_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or manager-generated password, short enough that hashing cannot be abused. */
export const PASSWORD_MAX_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** True when the password matches the stored hash; false for a wrong password or a hash that cannot be read. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * A hash of a random password nobody knows. Sign-in verifies against it when no account matches, so that an unknown
 * email address takes about as long to refuse as a wrong password.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/** The first thing wrong with a proposed password, in plain English, or null when it meets the rules. */
export function passwordProblem(password: string): string | null {
  const characters = [...password];
  if (characters.length === 0) return 'Enter a password';
  if (characters.length < PASSWORD_MIN_LENGTH) return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (characters.every((c) => c === characters[0])) return 'Password must not be the same character repeated';
  return null;
}
