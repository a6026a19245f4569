/**
 * Nothing a user sees changes unless it is meant to: every command's output (in every format), every API response
 * and every CSV download of the web application, and the visible text of the demonstration trust's pages, for the
 * demonstration trust and a synthetic region, made again in memory and compared byte for byte with the files
 * stored in test/golden/outputs (see test/golden/README.md for what is covered and how).
 *
 * What is made the same on every run before comparing, and why:
 * - the temporary folder the files are written to becomes <root> (in `mirror demo` and `mirror demo-report`);
 * - the token of a one-time sign-in link becomes <token> (random by design);
 * - pages are kept as their visible text, without tags and attributes, so without the CSP nonce and the CSRF token
 *   that every response carries afresh;
 * - help is rendered as for a pipe (80 columns, no colour), whatever terminal runs the test.
 * Years, seeds, the pseudonym key and the web application's clock are fixed, not normalised; nothing else varies.
 *
 * When a change to what users see is intended, run `npm run golden:update` and read the diff of test/golden/outputs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectOutputs, storedNames } from './collect.ts';
import { GOLDEN_DIR } from './fixture.ts';

const SHOWN = 20;

function clip(line: string | undefined): string {
  if (line === undefined) return '(the end of the file)';
  return JSON.stringify(line.length > 240 ? `${line.slice(0, 240)}…` : line);
}

/** Where two texts first differ, as "line N: stored … now …". */
export function firstDifference(stored: string, now: string): string {
  const a = stored.split('\n');
  const b = now.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n      stored: ${clip(a[i])}\n      now:    ${clip(b[i])}`;
  }
  return 'the same lines, but different bytes';
}

test('firstDifference names the first differing line', () => {
  assert.equal(firstDifference('a\nb\nc\n', 'a\nB\nc\n'), 'line 2:\n      stored: "b"\n      now:    "B"');
  assert.match(firstDifference('a\n', 'a\nb\n'), /^line 2:\n {6}stored: "" *\n {6}now: {4}"b"$/);
});

test('every command, API response, download and page is exactly as stored', async () => {
  const outputs = await collectOutputs();
  const stored = storedNames();
  const problems: string[] = [];
  for (const name of stored) {
    if (!outputs.has(name)) problems.push(`${name}: stored, but no longer made`);
  }
  for (const [name, text] of outputs) {
    if (!stored.includes(name)) {
      problems.push(`${name}: made now, but not stored`);
      continue;
    }
    const before = readFileSync(join(fileURLToPath(GOLDEN_DIR), name), 'utf8');
    if (before !== text) problems.push(`${name} differs at ${firstDifference(before, text)}`);
  }
  assert.ok(stored.length > 0, 'No golden outputs are stored: run `npm run golden:update` to write them.');
  if (problems.length > 0) {
    assert.fail([
      `${problems.length} golden output${problems.length === 1 ? '' : 's'} changed:`,
      ...problems.slice(0, SHOWN).map((p) => `  ${p}`),
      ...(problems.length > SHOWN ? [`  … and ${problems.length - SHOWN} more.`] : []),
      'If every change is intended, run `npm run golden:update` (node --import tsx scripts/golden.ts) and review `git diff test/golden/outputs`.',
    ].join('\n'));
  }
});
