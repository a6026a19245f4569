#!/usr/bin/env node
// Runs every *.test.ts file with Node's own test runner. Node 20's --test takes no globs, so we list files here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
// Any number of filters: a file runs when its path contains one of them (none: every file).
const filters = process.argv.slice(2);

function collect(dir, found) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, found);
    else if (entry.endsWith('.test.ts')) found.push(relative(process.cwd(), path));
  }
  return found;
}

const files = roots.flatMap((root) => collect(root, [])).filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter))).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
// Every kept page asked for again is built afresh and compared (src/web/page-cache.ts), so a route whose page reads
// something its key does not name fails its tests.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
  stdio: 'inherit',
  env: { ...process.env, MIRROR_VERIFY_PAGE_CACHE: process.env.MIRROR_VERIFY_PAGE_CACHE ?? '1' },
});
process.exit(result.status ?? 1);
