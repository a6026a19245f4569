import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { groupReceipt, makeReceipt, normaliseReceipt, RECEIPT_ALPHABET, RECEIPT_LENGTH } from './receipt.ts';

test('the alphabet has none of the characters people confuse on a screen or aloud', () => {
  for (const c of '0O1IL2Z5S8BCDEGPTV') assert.ok(!RECEIPT_ALPHABET.includes(c), c);
  assert.equal(new Set(RECEIPT_ALPHABET).size, RECEIPT_ALPHABET.length);
  // At least 64 bits.
  assert.ok(RECEIPT_LENGTH * Math.log2(RECEIPT_ALPHABET.length) >= 64);
});

test('a receipt is 16 characters of the alphabet in four groups, and reads back however it is typed', () => {
  const receipt = makeReceipt((n) => randomBytes(n));
  assert.match(receipt, /^[AFHJKMNQRUWXY34679]{4}(-[AFHJKMNQRUWXY34679]{4}){3}$/);
  assert.equal(normaliseReceipt(receipt.toLowerCase().replaceAll('-', ' ')), receipt.replaceAll('-', ''));
  assert.equal(normaliseReceipt(` ${receipt} `), receipt.replaceAll('-', ''));
  assert.equal(normaliseReceipt(receipt.slice(0, -1)), null, 'too short');
  assert.equal(normaliseReceipt(`${receipt.slice(0, -1)}0`), null, 'a character outside the alphabet');
  assert.equal(groupReceipt('AFHJKMNQRUWXY346'), 'AFHJ-KMNQ-RUWX-Y346');
});

test('bytes at or above the largest multiple of the alphabet\'s length are thrown away, so every character is equally likely', () => {
  const n = RECEIPT_ALPHABET.length; // 18: bytes 252 to 255 are skipped
  const bytes = [255, 254, 253, 252, ...Array.from({ length: 16 }, (_, i) => i + n)];
  let served = false;
  const receipt = makeReceipt((count) => {
    assert.ok(!served, 'one draw of bytes is enough here');
    served = true;
    return Uint8Array.from([...bytes, ...Array(count - bytes.length).fill(0)]);
  });
  assert.equal(receipt.replaceAll('-', ''), RECEIPT_ALPHABET.slice(0, 16));
  // And when every byte of a draw is thrown away, more are drawn.
  let draws = 0;
  const later = makeReceipt((count) => (++draws === 1 ? new Uint8Array(count).fill(255) : new Uint8Array(count).fill(1)));
  assert.equal(draws, 2);
  assert.equal(later.replaceAll('-', ''), RECEIPT_ALPHABET[1]!.repeat(16));
});
