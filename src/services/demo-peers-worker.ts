/**
 * Loads the demonstration trust's synthetic peers (ensureDemoPeers) in a worker thread with a store connection of its
 * own, so that the web application answers while they are generated and imported after it starts. Posts what it
 * loaded, or a fault with no detail (the files are Mirror's own; the fault is logged by the caller in general terms).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createStore, type StoreConfig } from '../store/create-store.ts';
import { ensureDemoPeers, type EnsureDemoRegionOptions } from './demo-loader.ts';

export interface DemoPeersWorkerData {
  readonly storeConfig: StoreConfig;
  readonly options: EnsureDemoRegionOptions;
}

export type DemoPeersWorkerMessage = { readonly type: 'loaded'; readonly loaded: string[] } | { readonly type: 'fault'; readonly message: string };

async function run(data: DemoPeersWorkerData, post: (message: DemoPeersWorkerMessage) => void): Promise<void> {
  const store = createStore(data.storeConfig);
  try {
    post({ type: 'loaded', loaded: await ensureDemoPeers(store, data.options) });
  } catch (error) {
    // Synthetic files only: no person's data can be in the message.
    post({ type: 'fault', message: error instanceof Error ? error.message : String(error) });
  } finally {
    await store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  await run(workerData as DemoPeersWorkerData, (message) => port.postMessage(message));
}
