import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { sourceFingerprint } from '../../bin/fingerprint.js';
import { codeStamp } from './code-stamp.ts';

test('the code stamp is the digest of the sources as the build fingerprints them, the same on every call', () => {
  const root = join(import.meta.dirname, '..', '..');
  assert.equal(codeStamp(), createHash('sha256').update(sourceFingerprint(root)).digest('base64url'));
  assert.equal(codeStamp(), codeStamp());
});
