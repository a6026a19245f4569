/**
 * The receipt a reporter is shown once, on submitting a report, and uses to come back (issue 12, item 2).
 *
 * Sixteen characters drawn uniformly (by rejection sampling from random bytes) from RECEIPT_ALPHABET: 18 capital
 * letters and digits that are hard to mistake for one another on a screen or when read aloud. Left out: 0 and O, 1,
 * I and L, 2 and Z, 5 and S, 8 and B, and the letters that sound alike when spoken (B C D E G P T V: "bee", "see",
 * "dee" …). 18^16 is about 1.2 × 10^20 (66 bits): with a slow hash
 * and the limit on wrong guesses (core/reporting/guess-limit.ts), far beyond guessing.
 * Written in four groups of four, "AFHJ-KMNQ-RUWX-Y346"; read back whatever the case, spacing or hyphens.
 *
 * Pure: the random bytes are given by the caller (crypto.randomBytes in the service).
 */

export const RECEIPT_ALPHABET = 'AFHJKMNQRUWXY34679';
export const RECEIPT_LENGTH = 16;
const GROUP = 4;

/**
 * Makes a receipt from a source of random bytes. Each byte below the largest multiple of the alphabet's length is
 * used (modulo the length), others are thrown away, so every character is equally likely.
 */
export function makeReceipt(randomBytes: (count: number) => Uint8Array): string {
  const n = RECEIPT_ALPHABET.length;
  const limit = 256 - (256 % n);
  let chars = '';
  while (chars.length < RECEIPT_LENGTH) {
    for (const byte of randomBytes(RECEIPT_LENGTH * 2)) {
      if (byte < limit && chars.length < RECEIPT_LENGTH) chars += RECEIPT_ALPHABET[byte % n];
    }
  }
  return groupReceipt(chars);
}

/** "ACFHJKMNQRUWXY34" → "AFHJ-KMNQ-RUWX-Y346". */
export function groupReceipt(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * The receipt as typed, in its canonical form (capitals, no spaces or hyphens), or null when it cannot be one: wrong
 * length or a character outside the alphabet. Checked before any hashing, so nonsense costs nothing.
 */
export function normaliseReceipt(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== RECEIPT_LENGTH) return null;
  for (const c of chars) if (!RECEIPT_ALPHABET.includes(c)) return null;
  return chars;
}
