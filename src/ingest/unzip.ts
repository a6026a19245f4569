/**
 * Opens a .zip a person uploaded in place of choosing its files one by one. What it unpacks to is measured first
 * (zip-guard.ts: a zip bomb is refused before anything is written), then each file is written under a plain name
 * of its place in the zip ("3.csv"), never under the path the zip gives, so no entry can write outside `target`.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { checkUnpackedSize } from './zip-guard.ts';

export interface UnzippedEntry {
  /** Its place among the zip's entries. */
  readonly index: number;
  /** Its path inside the zip, as the zip names it. */
  readonly name: string;
  /** Its name in `target`. */
  readonly stored: string;
}

export type UnzipResult = { readonly ok: true; readonly entries: readonly UnzippedEntry[] } | { readonly ok: false; readonly message: string };

export async function unzipInto(path: string, target: string, limit: number): Promise<UnzipResult> {
  const bytes = await readFile(path);
  const size = await checkUnpackedSize(bytes, limit);
  if (size === 'not-a-zip') return { ok: false, message: 'this is named .zip but is not a zip archive that can be opened; make the zip again, or choose its files on their own' };
  if (size === 'over') {
    return { ok: false, message: `the zip unpacks to more than ${Math.floor(limit / (1024 * 1024))} MB, more than Mirror opens at once; choose its files on their own` };
  }
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries: UnzippedEntry[] = [];
  try {
    let index = 0;
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      index += 1;
      if (entry.fileName.endsWith('/')) continue;
      const extension = extname(entry.fileName).toLowerCase().replace(/[^.a-z0-9]/g, '');
      const stored = `${index}${extension}`;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        zip.openReadStream(entry, (error, s) => (error || !s ? reject(error ?? new Error('unreadable entry')) : resolve(s)));
      });
      await pipeline(stream, createWriteStream(join(target, stored), { mode: 0o600 }));
      entries.push({ index, name: entry.fileName, stored });
    }
  } catch {
    return { ok: false, message: 'the zip is damaged and could not be opened; make the zip again, or choose its files on their own' };
  } finally {
    zip.close();
  }
  return { ok: true, entries };
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => finish(() => resolve(entry));
    const onEnd = () => finish(() => resolve(null));
    const onError = (error: Error) => finish(() => reject(error));
    const finish = (then: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}
