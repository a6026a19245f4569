// The entry of the synthetic peers' worker thread (see demo-peers.ts). As for imports (import-worker-entry.mjs), a
// worker on Node 20 does not get the parent's TypeScript loader, so it registers tsx itself.
// In dist/ (compiled by scripts/build.js) the worker is JavaScript beside this file and needs no loader.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./demo-peers-worker.js', import.meta.url))) {
  await import(new URL('./demo-peers-worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./demo-peers-worker.ts');
}
