import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, decodeWindows1252 } from './decode.ts';

test('Windows-1252 punctuation in 0x80–0x9F is mapped (Node 20 decodes these as Latin-1 controls)', () => {
  assert.equal(decodeWindows1252(Uint8Array.from([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0x9f])), '€‘’“”–—…Ÿ');
  assert.equal(decodeWindows1252(Uint8Array.from([0xa3, 0xe9, 0x41])), '£éA');
});

test('valid UTF-8 is read as UTF-8, anything else as Windows-1252', () => {
  assert.deepEqual(decodeText(Buffer.from('£5 – é', 'utf8')), { text: '£5 – é', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Uint8Array.from([0xa3, 0x35, 0x20, 0x96])), { text: '£5 –', encoding: 'windows-1252' });
});

test('a byte-order mark decides the encoding and is removed', () => {
  assert.deepEqual(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])), { text: 'a', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00])), { text: 'a', encoding: 'utf-16le' });
  assert.deepEqual(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x61])), { text: 'a', encoding: 'utf-16be' });
});
