// The entry of a large workbook's reading thread (see lazy-xlsx-table.ts). On Node 20 a worker does not get the
// parent's TypeScript loader, so it registers tsx itself before loading the TypeScript worker; in dist/ (compiled by
// scripts/build.js) the worker is JavaScript beside this file and needs no loader. If the worker cannot even be
// loaded, the reading thread is told to read the file the usual way, rather than left waiting for rows.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../bundle/lazy-xlsx-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./lazy-xlsx-worker.js', import.meta.url);

try {
  if (existsSync(compiled)) {
    await import(compiled.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('./lazy-xlsx-worker.ts');
  }
} catch {
  workerData.port.postMessage({ kind: 'again' });
  const counts = new Int32Array(workerData.counts);
  Atomics.add(counts, 0, 1);
  Atomics.notify(counts, 0);
}
