// The entry of the synthetic peers' worker thread (see demo-peers.ts). As for imports (import-worker-entry.mjs), a
// worker on Node 20 does not get the parent's TypeScript loader, so it registers tsx itself.
// In dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

// In dist/, the bundled worker (scripts/build.js) when there is one, else the compiled module beside this file.
const bundled = new URL('../bundle/demo-peers-worker.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('./demo-peers-worker.js', import.meta.url);

if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./demo-peers-worker.ts');
}
