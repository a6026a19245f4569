/**
 * Password hashing and the password rules (see passwordProblem; common passwords from @zxcvbn-ts/language-common). Hashes are argon2id with the OWASP Password Storage Cheat Sheet's
 * first recommended parameters (19 MiB of memory, 2 iterations, 1 degree of parallelism), stored as PHC strings, so
 * the parameters travel with each hash and can be raised later without breaking existing passwords.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

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

/** Whose password it is: their own details are no secret, so a password must not be built on them. */
export interface PasswordOwner {
  readonly email: string;
  readonly displayName: string;
}

/** zxcvbn's score from 0 to 4; 3 means about 10^8 guesses or more, its authors' advice for a password that matters. */
const MINIMUM_SCORE = 3;
/** A name or local part this short is left to zxcvbn rather than refused wherever it appears (for example "Jo"). */
const SHORTEST_PERSONAL_PIECE = 4;
/**
 * zxcvbn estimates from the first 64 characters only: its time grows with length (about a tenth of a second at 64
 * repetitive characters), and 64 characters that are not a common password are far beyond guessing anyway. Its
 * Levenshtein matching is left off: it multiplies that time and adds nothing the l33t and dictionary matching miss
 * in the tests.
 */
const ESTIMATED_LENGTH = 64;
const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon']);

const GUESSABLE = 'Password is too easy to guess. Avoid keyboard patterns, sequences, repeated words and dates; for example, choose three random words';
const PERSONAL_DETAILS = 'Password must not include your name or email address. Choose words that have nothing to do with you, for example three random words';

let estimator: ZxcvbnFactory | null = null;

/** zxcvbn-ts with the common passwords list of @zxcvbn-ts/language-common, built on first use. */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
    maxLength: ESTIMATED_LENGTH,
  });
  return estimator;
}

/** Lower case, letters and digits only: "Ada.Lovelace" and "ada lovelace" are both "adalovelace". */
function letters(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** The person's email, its local part and their name, whole and in pieces, as words a guesser would try. */
function personalWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const localPart = email.split('@')[0] ?? '';
  const pieces = [...localPart.split(/[^\p{L}\p{N}]+/u), ...owner.displayName.split(/[^\p{L}\p{N}]+/u)];
  return [email, localPart, owner.displayName, ...pieces].filter((word) => word.trim() !== '');
}

/** True when the password contains the person's email, its local part, their name, or a long enough part of either. */
function includesPersonalDetails(password: string, owner: PasswordOwner): boolean {
  const text = letters(password);
  const whole = [letters(owner.email), letters(owner.email.split('@')[0] ?? ''), letters(owner.displayName)].filter((w) => w.length >= 3);
  const pieces = personalWords(owner).map(letters).filter((w) => w.length >= SHORTEST_PERSONAL_PIECE);
  return [...whole, ...pieces].some((word) => text.includes(word));
}

/**
 * The first thing wrong with a proposed password, in plain English with what to do instead, or null when it meets
 * the rules: 12 to 256 characters, not one character or a short run repeated, nothing of the person's own email or
 * name, not a common password or a small change to one, and not otherwise easy to guess (zxcvbn score 3 or more).
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const characters = [...password];
  if (characters.length === 0) return 'Enter a password';
  if (characters.length < PASSWORD_MIN_LENGTH) return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (characters.every((c) => c === characters[0])) return 'Password must not be the same character repeated';
  if (includesPersonalDetails(password, owner)) return PERSONAL_DETAILS;
  // A short run repeated ("x1x1x1…") is easy to guess, and the slowest thing for zxcvbn to estimate: refused first.
  if (/^(.{1,8}?)\1+$/su.test(password)) return GUESSABLE;
  const estimate = passwordEstimator().check(password, personalWords(owner));
  if (estimate.score >= MINIMUM_SCORE) return null;
  if (estimate.feedback.warning === 'userInputs') return PERSONAL_DETAILS;
  if (estimate.feedback.warning !== null && COMMON_WARNINGS.has(estimate.feedback.warning)) {
    return 'Password is one of the most common passwords, or too close to one. Choose something harder to guess, for example three random words';
  }
  return GUESSABLE;
}
