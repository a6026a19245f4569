/**
 * Pseudonyms for staff identifiers. Mirror never stores a raw staff_id: at import each one is replaced by
 * HMAC-SHA256(key, [organisation code, staff_id]), which links a person's rows across files and years (the same id
 * always gives the same pseudonym) without revealing who they are. Staff ids are short and guessable, so a plain
 * hash could be reversed by trying every id; the secret key prevents that. The key stays with the trust (an
 * environment variable or a file in its own data folder) and is never written to the database, so a copy of the
 * database alone cannot be linked back to people. The organisation code is part of the message so the same id in
 * two trusts gives unrelated pseudonyms.
 *
 * Losing the key does not lose any figures (counts are stored), but new imports would no longer link to old ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export const PSEUDONYM_KEY_BYTES = 32;
export const PSEUDONYM_KEY_FILE = 'pseudonym.key';

export function pseudonymise(key: Uint8Array, organisationCode: string, staffId: string): string {
  // A JSON array keeps the two parts apart whatever characters they hold ("A" + "BC" differs from "AB" + "C").
  return createHmac('sha256', key).update(JSON.stringify([organisationCode, staffId])).digest('hex');
}

/** A pseudonymiser for one organisation that remembers ids already seen (a person appears in several files). */
export function pseudonymiser(key: Uint8Array, organisationCode: string): (staffId: string) => string {
  const seen = new Map<string, string>();
  return (staffId) => {
    let pseudonym = seen.get(staffId);
    if (pseudonym === undefined) {
      pseudonym = pseudonymise(key, organisationCode, staffId);
      seen.set(staffId, pseudonym);
    }
    return pseudonym;
  };
}

/**
 * Reads a key written as hex (an even number of hex digits) or base64, of at least 32 bytes. Throws with a
 * message that never repeats the key.
 */
export function parsePseudonymKey(text: string, where: string, name = 'pseudonym key'): Buffer {
  const trimmed = text.trim();
  let key: Buffer;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed, 'base64');
  else throw new Error(`The ${name} in ${where} is neither hex nor base64.`);
  if (key.length < PSEUDONYM_KEY_BYTES) {
    throw new Error(`The ${name} in ${where} is ${key.length} bytes; it must be at least ${PSEUDONYM_KEY_BYTES}.`);
  }
  return key;
}

/**
 * The key from MIRROR_PSEUDONYM_KEY, or else from MIRROR_DATA_DIR/pseudonym.key (default ./data), which is created
 * on first use with 32 random bytes (as hex) readable only by its owner.
 */
export async function loadPseudonymKey(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Buffer> {
  const fromEnv = env['MIRROR_PSEUDONYM_KEY'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parsePseudonymKey(fromEnv, 'MIRROR_PSEUDONYM_KEY');
  return keyFromFile(join(resolve(env['MIRROR_DATA_DIR'] || 'data'), PSEUDONYM_KEY_FILE));
}

/** A key from a file (hex or base64), which is created with 32 random bytes readable only by its owner if missing. */
export async function keyFromFile(path: string, name = 'pseudonym key'): Promise<Buffer> {
  const created = await createKeyFile(path);
  if (created) return created;
  return parsePseudonymKey(await readFile(path, 'utf8'), path, name);
}

/**
 * Writes a new key unless the file exists. The key is written in full to a temporary file first and then linked
 * into place, which fails rather than overwrite: two first runs at once cannot make two keys, and neither can
 * read a half-written file.
 */
async function createKeyFile(path: string): Promise<Buffer | null> {
  const key = randomBytes(PSEUDONYM_KEY_BYTES);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  await writeFile(temporary, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  } finally {
    await unlink(temporary);
  }
}
