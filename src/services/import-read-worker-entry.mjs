// The entry of the thread that reads an import's folder while the import writes (see import-streamed.ts). On Node 20
// a worker does not get the parent's TypeScript loader, so it registers tsx itself before loading the TypeScript
// worker; in dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader. If the
// worker cannot even be loaded, the import is told to read the folder the usual way.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../bundle/import-read-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./import-read-worker.js', import.meta.url);

let loaded = false;
try {
  if (existsSync(compiled)) {
    const load = import(compiled.href);
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
