/**
 * Uploaded files hold staff identifiers and ethnicity in clear, so they are never written to disk as they came. Each
 * upload gets its own folder under the uploads folder and a random 256-bit key held only in memory; every file is
 * encrypted with AES-256-GCM (a fresh 96-bit IV per file, the 128-bit tag at its end) as it streams in. An import
 * opens the files into a working folder beside them and deletes that folder when it ends, whatever the outcome.
 *
 * A restart loses the keys, so whatever a restart leaves behind is unreadable bytes, and `sweepUploads`, run at
 * start, deletes it. The folder itself is made only when the first file arrives, so a request that brings no file
 * leaves nothing behind.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = '.sealed';
const SEALED_FOLDER = 'sealed';
const OPEN_FOLDER = 'open';

/** What a worker needs to open an upload: its folder and key (passed in memory, never written). */
export interface SealedUploadHandle {
  readonly folder: string;
  readonly key: Uint8Array;
}

export class SealedUpload {
  readonly #key: Buffer;

  constructor(
    readonly folder: string,
    key: Uint8Array = randomBytes(32),
  ) {
    this.#key = Buffer.from(key);
  }

  static fromHandle(handle: SealedUploadHandle): SealedUpload {
    return new SealedUpload(handle.folder, handle.key);
  }

  get handle(): SealedUploadHandle {
    return { folder: this.folder, key: this.#key };
  }

  /** Encrypts `source` into the upload as the file `name` (a plain name such as staff.csv). */
  async write(name: string, source: Readable): Promise<void> {
    const folder = join(this.folder, SEALED_FOLDER);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv);
    await pipeline(
      source,
      cipher,
      async function* withIvAndTag(encrypted: AsyncIterable<Buffer>) {
        yield iv;
        yield* encrypted;
        yield cipher.getAuthTag();
      },
      createWriteStream(join(folder, `${name}${SEALED}`), { mode: 0o600 }),
    );
  }

  /**
   * Decrypts every file into a working folder and returns its path; the caller deletes it with `closeOpened`.
   * A file altered on disk fails its tag check and nothing is opened.
   */
  async open(): Promise<string> {
    const sealed = join(this.folder, SEALED_FOLDER);
    const target = join(this.folder, OPEN_FOLDER);
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true, mode: 0o700 });
    for (const name of await readdir(sealed).catch(() => [])) {
      if (name.endsWith(SEALED)) await this.#decrypt(join(sealed, name), join(target, name.slice(0, -SEALED.length)));
    }
    return target;
  }

  /** Deletes one sealed file (a plain name, as written), if it is there. */
  async delete(name: string): Promise<void> {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error('not a plain file name');
    await rm(join(this.folder, SEALED_FOLDER, `${name}${SEALED}`), { force: true });
  }

  async closeOpened(): Promise<void> {
    await rm(join(this.folder, OPEN_FOLDER), { recursive: true, force: true });
  }

  /** Deletes the upload: sealed files, any opened copy and the folder. */
  /**
   * Deletes the sealed files. Never fails: a file that cannot be deleted (a busy or protected disk) holds only sealed
   * bytes whose key goes with this process, and the start-up sweep deletes it; an import must not fail, or the
   * server stop, because of it. Says whether everything went.
   */
  async remove(): Promise<boolean> {
    try {
      await rm(this.folder, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  }

  async #decrypt(from: string, to: string): Promise<void> {
    const { size } = await stat(from);
    if (size < IV_BYTES + TAG_BYTES) throw new Error('a sealed upload is damaged');
    const handle = await open(from, 'r');
    const iv = Buffer.alloc(IV_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    try {
      await handle.read(iv, 0, IV_BYTES, 0);
      await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    } finally {
      await handle.close();
    }
    const decipher = createDecipheriv(ALGORITHM, this.#key, iv).setAuthTag(tag);
    const body = size - IV_BYTES - TAG_BYTES;
    const source = body > 0 ? createReadStream(from, { start: IV_BYTES, end: size - TAG_BYTES - 1 }) : Readable.from([]);
    await pipeline(source, decipher, createWriteStream(to, { mode: 0o600 }));
  }
}

/** Deletes everything in the uploads folder (left by a stopped process; unreadable without its keys); returns how many. */
export async function sweepUploads(uploadsFolder: string): Promise<number> {
  const leftovers = await readdir(uploadsFolder).catch(() => []);
  for (const name of leftovers) await rm(join(uploadsFolder, name), { recursive: true, force: true });
  return leftovers.length;
}
