#!/usr/bin/env node
// Makes sure the Chromium the browser tests drive is installed (Debian package "chromium", /usr/bin/chromium).
//
// - Already there: says nothing and exits 0.
// - Missing, running as root with apt-get: installs it (apt-get update, apt-get install -y chromium), output shown.
// - Still missing: with CI=true, exits 1 with a clear message, because CI must run the browser tests; otherwise
//   prints a loud warning that the browser tests will be skipped, and how to install Chromium, and exits 0.
//
// MIRROR_CHROMIUM may name another Chromium executable (the browser tests read it too).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const executable = process.env.MIRROR_CHROMIUM || '/usr/bin/chromium';
const ci = process.env.CI === 'true';

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) console.error(`ensure-chromium: could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '!'.repeat(width);
  return [rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule].join('\n');
}

if (!existsSync(executable)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (executable === '/usr/bin/chromium' && isRoot && hasCommand('apt-get')) {
    console.log(`ensure-chromium: ${executable} is missing; installing the Debian package "chromium" for the browser tests.`);
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) {
      console.log('ensure-chromium: Chromium installed.');
    }
  }
}

if (existsSync(executable)) process.exit(0);

const howTo = [
  'Install it with:  sudo apt-get update && sudo apt-get install -y chromium',
  'or point MIRROR_CHROMIUM at a Chromium or Chrome executable.',
];
if (ci) {
  console.error(banner([
    `Chromium is not installed at ${executable}, and CI=true, so the browser tests cannot be skipped.`,
    ...howTo,
  ]));
  process.exit(1);
}
console.warn(banner([
  `WARNING: Chromium is not installed at ${executable}.`,
  'The browser tests (test/browser: end-to-end and accessibility) will be SKIPPED.',
  ...howTo,
]));
process.exit(0);
