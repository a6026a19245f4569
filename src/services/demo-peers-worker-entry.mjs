// The entry of the synthetic peers' worker thread (see demo-peers.ts). As for imports (import-worker-entry.mjs), a
// worker on Node 20 does not get the parent's TypeScript loader, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./demo-peers-worker.ts');
