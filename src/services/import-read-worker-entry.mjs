// The entry of the thread that reads an import's folder while the import writes (see import-streamed.ts). On Node 20
// a worker does not get the parent's TypeScript loader, so it registers tsx itself before loading the TypeScript
// worker; in dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader. If the
// worker cannot even be loaded, the import is told to read the folder the usual way.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

let loaded = false;
try {
  if (existsSync(new URL('./import-read-worker.js', import.meta.url))) {
    const load = import(new URL('./import-read-worker.js', import.meta.url).href);
    loaded = true;
    await load;
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    const load = import('./import-read-worker.ts');
    loaded = true;
    await load;
  }
} catch (error) {
  // A failure of the reading itself is the import's to report; one of loading the worker means read the usual way.
  if (!loaded) parentPort?.postMessage({ kind: 'again' });
  else throw error;
}
