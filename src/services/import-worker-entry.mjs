// The entry of an import's worker thread (see import-jobs.ts). On Node 20 a worker does not get the parent's
// TypeScript loader, whether the parent was started by bin/mirror.js or with `--import tsx`, so it registers tsx
// itself before loading the TypeScript worker.
// In dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./import-worker.js', import.meta.url))) {
  await import(new URL('./import-worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./import-worker.ts');
}
