// The entry of an import's worker thread (see import-jobs.ts). On Node 20 a worker does not get the parent's
// TypeScript loader, whether the parent was started by bin/mirror.js or with `--import tsx`, so it registers tsx
// itself before loading the TypeScript worker.
// In dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../bundle/import-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./import-worker.js', import.meta.url);

if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./import-worker.ts');
}
