/**
 * Keys and cryptography for reports of racism and discrimination (issue 12, items 2 and 4).
 *
 * The reporting key (32 bytes) comes from MIRROR_REPORTING_KEY, or else from MIRROR_DATA_DIR/reporting.key, made
 * on first start like the pseudonym key (readable only by the account Mirror runs as). It is never written to the
 * database. Three keys are derived from it with libsodium's crypto_kdf (BLAKE2b), so none is used for two jobs:
 * - the sealing key: report content, contact details, messages and notes are sealed with crypto_secretbox
 *   (XSalsa20-Poly1305) under a fresh random nonce each, and stored as base64 of nonce and ciphertext; a copy of
 *   the database without the key reveals none of them;
 * - the receipt's salt and pepper: the receipt is stored only as argon2id(receipt, salt, secret = pepper) (64 MiB,
 *   3 passes). The hash has to be deterministic, because a case is found by its receipt and there is nothing else
 *   to look it up by; so the salt is one for the installation rather than one for each receipt, and the pepper (the
 *   argon2 "secret") means a copy of the database alone cannot be searched for receipts at all.
 * Whoever can read the key file or the environment of the running service (the server's administrators) can
 * decrypt; Mirror's own administrators, analysts and viewers cannot, because the service shows a case only to the
 * handlers it is assigned or routed to.
 */
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import sodium from 'libsodium-wrappers';
import { join, resolve } from 'node:path';
import { keyFromFile, parsePseudonymKey } from './pseudonym.ts';

export const REPORTING_KEY_FILE = 'reporting.key';
const KDF_CONTEXT = 'mirrorrp';
const ARGON2ID = 2 as Algorithm;
/** Slower than the password hash (64 MiB, 3 passes): a receipt is entered rarely, and only ever looked up by it. */
export const RECEIPT_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 1, outputLen: 32 } as const;

/** The key from MIRROR_REPORTING_KEY (hex or base64), or else the data folder's reporting.key, made if missing. */
export async function loadReportingKey(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Buffer> {
  const fromEnv = env['MIRROR_REPORTING_KEY'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parsePseudonymKey(fromEnv, 'MIRROR_REPORTING_KEY', 'reporting key');
  return keyFromFile(join(resolve(env['MIRROR_DATA_DIR'] || 'data'), REPORTING_KEY_FILE), 'reporting key');
}

export interface ReportSealer {
  seal(text: string): string;
  /** The text, or throws when the sealed value was changed or sealed under another key. */
  open(sealed: string): string;
  /** The receipt's stored form (hex), from its canonical characters (core/reporting/receipt.ts normaliseReceipt). */
  receiptHash(canonicalReceipt: string): Promise<string>;
}

/** A sealer over the reporting key (its first 32 bytes). */
export async function reportSealer(reportingKey: Uint8Array): Promise<ReportSealer> {
  await sodium.ready;
  const master = reportingKey.subarray(0, sodium.crypto_kdf_KEYBYTES);
  const sealingKey = sodium.crypto_kdf_derive_from_key(sodium.crypto_secretbox_KEYBYTES, 1, KDF_CONTEXT, master);
  const pepper = sodium.crypto_kdf_derive_from_key(32, 2, KDF_CONTEXT, master);
  const salt = sodium.crypto_kdf_derive_from_key(16, 3, KDF_CONTEXT, master);
  const nonceBytes = sodium.crypto_secretbox_NONCEBYTES;
  return {
    seal(text) {
      const nonce = sodium.randombytes_buf(nonceBytes);
      const box = sodium.crypto_secretbox_easy(sodium.from_string(text), nonce, sealingKey);
      const joined = new Uint8Array(nonce.length + box.length);
      joined.set(nonce);
      joined.set(box, nonce.length);
      return Buffer.from(joined).toString('base64');
    },
    open(sealed) {
      const joined = new Uint8Array(Buffer.from(sealed, 'base64'));
      const opened = sodium.crypto_secretbox_open_easy(joined.subarray(nonceBytes), joined.subarray(0, nonceBytes), sealingKey);
      return sodium.to_string(opened);
    },
    async receiptHash(canonicalReceipt) {
      const hash = await hashRaw(canonicalReceipt, { ...RECEIPT_HASH_OPTIONS, salt, secret: pepper });
      return hash.toString('hex');
    },
  };
}
