// The entry of a chart thread (see off-thread.ts), run by piscina. On Node 20 a worker does not get the parent's
// TypeScript loader, so it registers tsx itself before loading the TypeScript worker; in dist/ (compiled by
// scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

let worker;
if (existsSync(new URL('./chart-worker.js', import.meta.url))) {
  worker = await import(new URL('./chart-worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  worker = await import('./chart-worker.ts');
}

export default worker.default;
