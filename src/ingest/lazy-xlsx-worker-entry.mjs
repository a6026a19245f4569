// The entry of a large workbook's reading thread (see lazy-xlsx-table.ts). On Node 20 a worker does not get the
// parent's TypeScript loader, so it registers tsx itself before loading the TypeScript worker; in dist/ (compiled by
// scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./lazy-xlsx-worker.js', import.meta.url))) {
  await import(new URL('./lazy-xlsx-worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./lazy-xlsx-worker.ts');
}
