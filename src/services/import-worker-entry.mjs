// The entry of an import's worker thread (see import-jobs.ts). On Node 20 a worker does not get the parent's
// TypeScript loader, whether the parent was started by bin/mirror.js or with `--import tsx`, so it registers tsx
// itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
