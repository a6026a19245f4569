// The entry of a chart thread (see off-thread.ts), run by piscina. On Node 20 a worker does not get the parent's
// TypeScript loader, so it registers tsx itself before loading the TypeScript worker; in dist/ (compiled by
// scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../../bundle/chart-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./chart-worker.js', import.meta.url);

let worker;
if (existsSync(compiled)) {
  worker = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  worker = await import('./chart-worker.ts');
}

export default worker.default;
