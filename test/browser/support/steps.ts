/**
 * The steps of a browser scenario, run in order as tests: once one fails, the rest are skipped and say why; after
 * each, the browser must have refused or failed nothing (the watchers of web/page-checks' watchPage: the Content
 * Security Policy, a script error, a missing file) and no page check may have failed.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { takePageProblems } from './page-checks.ts';

export type Step = (name: string, body: (t: TestContext) => Promise<void>) => void;

/** `watched` is read when each step ends, so the watchers may be made in the suite's `before`. */
export function scenarioSteps(watched: () => readonly { take(): string[] }[], options: { timeout?: number } = {}): Step {
  let failed = false;
  return (name, body) => {
    test(name, { timeout: options.timeout ?? 180_000 }, async (t) => {
      if (failed) return t.skip('an earlier step failed');
      try {
        await body(t);
        assert.deepEqual(watched().flatMap((w) => w.take()), [], 'the browser refused or failed something (CSP, script error or a missing file)');
      } catch (error) {
        failed = true;
        throw error;
      }
      const problems = takePageProblems();
      if (problems.length > 0) assert.fail(`${problems.length} page check(s) failed:\n\n${problems.join('\n\n')}`);
    });
  };
}
