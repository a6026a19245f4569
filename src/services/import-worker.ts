/**
 * One import, run in a worker thread so that reading, checking, counting and writing a large upload never holds up
 * the web server's own thread. It opens the sealed upload into a working folder, imports it with a store connection
 * of its own, posts progress and the result back to ImportJobs, and deletes the working folder whatever happens.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createStore, type StoreConfig } from '../store/create-store.ts';
import { importFolder, type ImportFolderOptions, type ImportFolderResult, type ImportStage } from './import-service.ts';
import { SealedUpload, type SealedUploadHandle } from './sealed-upload.ts';

export interface ImportWorkerData {
  readonly storeConfig: StoreConfig;
  readonly upload: SealedUploadHandle;
  readonly options: Omit<ImportFolderOptions, 'onProgress'>;
}

export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly stage: ImportStage; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly result: ImportFolderResult }
  | { readonly type: 'fault' };

async function run(data: ImportWorkerData, post: (message: ImportWorkerMessage) => void): Promise<void> {
  const store = createStore(data.storeConfig);
  const upload = SealedUpload.fromHandle(data.upload);
  try {
    const folder = await upload.open();
    const result = await importFolder(store, folder, {
      ...data.options,
      onProgress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
    });
    post({ type: 'result', result });
  } catch {
    // Nothing from the error is passed on: its message could quote a value from the files.
    post({ type: 'fault' });
  } finally {
    await upload.closeOpened();
    await store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  await run(workerData as ImportWorkerData, (message) => port.postMessage(message));
}
