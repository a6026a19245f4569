/**
 * The synthetic peers loaded in the background (see demo-peers-worker.ts): the web application starts with the
 * demonstration trust and its comparisons fill in as the peers arrive, without holding up the server's own thread.
 */
import { Worker } from 'node:worker_threads';
import type { StoreConfig } from '../store/create-store.ts';
import type { EnsureDemoRegionOptions } from './demo-loader.ts';
import type { DemoPeersWorkerData, DemoPeersWorkerMessage } from './demo-peers-worker.ts';

const WORKER_ENTRY = new URL('./demo-peers-worker-entry.mjs', import.meta.url);

export interface BackgroundLoad {
  /** What was imported ("SYN02/2025", …); rejects if the worker failed. */
  readonly done: Promise<string[]>;
  /** Stops the worker (on shutdown); `done` then rejects. */
  stop(): Promise<void>;
}

export function loadDemoPeersInBackground(storeConfig: StoreConfig, options: EnsureDemoRegionOptions): BackgroundLoad {
  const data: DemoPeersWorkerData = { storeConfig, options };
  // No execArgv: the entry registers TypeScript itself.
  const worker = new Worker(WORKER_ENTRY, { workerData: data, execArgv: [] });
  const done = new Promise<string[]>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: DemoPeersWorkerMessage) => {
      settled = true;
      if (message.type === 'loaded') resolve(message.loaded);
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => { settled = true; reject(error); });
    worker.on('exit', (code) => { if (!settled) reject(new Error(`The synthetic peers' worker stopped (exit code ${code}) before it finished.`)); });
  });
  return { done, stop: async () => { await worker.terminate(); } };
}
