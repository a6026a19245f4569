// The entry of the thread that reads for count-apart.ts (the applications file, the training file's end). On Node 20
// a worker does not get the parent's TypeScript loader, so it registers tsx itself before loading the TypeScript
// worker; in dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader. If
// the worker cannot even be loaded, the folder's thread is told to read the files the usual way.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../bundle/count-apart-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./count-apart-worker.js', import.meta.url);

try {
  if (existsSync(compiled)) {
    await import(compiled.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('./count-apart-worker.ts');
  }
} catch {
  parentPort?.postMessage({ job: 'every', outcome: { kind: 'again' } });
}
