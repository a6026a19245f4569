/**
 * Measures what an .xlsx (a zip file) unpacks to before anything opens it as a workbook. exceljs unpacks every part
 * into memory, so a zip bomb (a few hundred kilobytes that inflate to gigabytes) must be refused first. The sizes a
 * zip declares can lie, so they are only a first check: every part is then inflated as a stream, its bytes counted
 * and thrown away, and the count stops at the limit. yauzl also refuses a part that inflates to more than it declares.
 */
import yauzl from 'yauzl';

export type UnpackedSize = 'within' | 'over' | 'not-a-zip';

export async function checkUnpackedSize(bytes: Uint8Array, limit: number): Promise<UnpackedSize> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true });
  } catch {
    return 'not-a-zip';
  }
  return new Promise<UnpackedSize>((resolve) => {
    let declared = 0;
    let inflated = 0;
    let settled = false;
    const finish = (result: UnpackedSize) => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(result);
    };
    zip.on('error', () => finish('not-a-zip'));
    zip.on('end', () => finish('within'));
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limit) return finish('over');
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return finish('not-a-zip');
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limit) {
            stream.destroy();
            finish('over');
          }
        });
        stream.on('error', () => finish('not-a-zip'));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}
