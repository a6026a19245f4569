/**
 * The Chromium the browser tests drive: the Debian package at /usr/bin/chromium, or MIRROR_CHROMIUM. When it is
 * missing, the tests skip with a loud reason, except with CI=true, where they fail (scripts/ensure-chromium.js
 * installs it first when it can).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['MIRROR_CHROMIUM'] || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export type Availability = { readonly run: true } | { readonly run: false; readonly mustFail: boolean; readonly reason: string };

/** Whether the browser tests can run here and, if not, whether that is a failure (CI) or a skip. */
export function chromiumAvailability(): Availability {
  if (existsSync(CHROMIUM_PATH)) return { run: true };
  const reason = `Chromium is not installed at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" `
    + '(npm test runs scripts/ensure-chromium.js, which does this when it can) or set MIRROR_CHROMIUM';
  const mustFail = process.env['CI'] === 'true';
  if (!mustFail) {
    const line = '!'.repeat(100);
    process.stderr.write(`${line}\n! BROWSER TESTS SKIPPED. ${reason}\n${line}\n`);
  }
  return { run: false, mustFail, reason };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A browser test suite: `describe(title, body)` when Chromium is here; otherwise one test that fails with the reason
 * under CI=true, or is skipped with it (loudly, see chromiumAvailability) on a developer's machine.
 */
export function describeInBrowser(title: string, body: () => void): void {
  const availability = chromiumAvailability();
  if (availability.run) describe(title, body);
  else if (availability.mustFail) test('browser tests need Chromium when CI=true', () => assert.fail(availability.reason));
  else test(title, { skip: availability.reason }, () => {});
}
