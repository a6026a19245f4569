/**
 * (Re)writes the golden outputs in test/golden/outputs: every command's output and every API response and download
 * of the web application for the demonstration trust and a synthetic region, and the visible text of the trust's
 * pages (see test/golden/README.md). Run it only when a change to what users see is intended, and read the diff:
 *
 *   npm run golden:update        (node --import tsx scripts/golden.ts)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectOutputs } from '../test/golden/collect.ts';
import { GOLDEN_DIR } from '../test/golden/fixture.ts';

const started = performance.now();
const outputs = await collectOutputs();
const dir = fileURLToPath(GOLDEN_DIR);
rmSync(dir, { recursive: true, force: true });
let bytes = 0;
for (const [name, text] of outputs) {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  bytes += Buffer.byteLength(text);
}
console.log(`Wrote ${outputs.size} golden outputs (${(bytes / 1e6).toFixed(1)} MB) to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
