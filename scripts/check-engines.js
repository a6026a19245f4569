#!/usr/bin/env node
// Checks that the Node.js version Mirror declares (package.json "engines") is one every installed dependency accepts,
// and that this Node.js is within it. Run first by `npm test`, so CI fails when a dependency starts to ask for a newer
// Node.js than the README and "engines" say (cookie@2 and content-disposition@3 ask for Node 22: package.json's
// "overrides" keep the versions before them, with the same API, which accept Node 18 and later).
import { readFileSync } from 'node:fs';
import semver from 'semver';

const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const declared = own.engines?.node;
const problems = [];
if (!declared) problems.push('package.json has no "engines.node"');
const lowest = declared ? semver.minVersion(declared) : null;
if (declared && !semver.satisfies(process.version, declared)) {
  problems.push(`this Node.js is ${process.version}; package.json's "engines" asks for ${declared}`);
}
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (path === '') continue;
  const wanted = typeof entry.engines === 'object' && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
  if (!wanted || !lowest) continue;
  // The lowest version Mirror declares, and the one running, must both be accepted.
  for (const version of [lowest.version, process.version]) {
    if (!semver.satisfies(version, wanted, { includePrerelease: true })) {
      problems.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} asks for Node.js ${wanted}, which ${version} is not`);
    }
  }
}
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const stated = /Node\.js (\d+(?:\.\d+)*) or later is needed/.exec(readme)?.[1];
if (!stated) problems.push('README.md does not say which Node.js is needed ("Node.js N or later is needed")');
else if (lowest && semver.coerce(stated)?.version !== lowest.version) {
  problems.push(`README.md says Node.js ${stated} or later; package.json's "engines" says ${declared} (lowest ${lowest.version})`);
}
if (problems.length > 0) {
  console.error(`Node.js version check failed:\n- ${[...new Set(problems)].join('\n- ')}`);
  process.exit(1);
}
console.log(`Node.js ${process.version}: within "engines" ${declared}, which every installed package accepts; README agrees.`);
