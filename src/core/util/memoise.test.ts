import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoise, ownCopy } from './memoise.ts';

test('ownCopy gives the same string at every length, across pieces, with characters beyond ASCII and pairs of surrogates', () => {
  const parent = `${'ab,é—'.repeat(20)}😀x😀y${'0123456789'.repeat(8)}`;
  for (let start = 0; start < 30; start += 7) {
    for (let end = start; end <= parent.length; end += 1) {
      const cut = parent.slice(start, end);
      assert.equal(ownCopy(cut), cut);
    }
  }
});

test('ownCopy keeps nothing of the string a long value was cut from', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const keep = (copy: (text: string) => string): string[] => {
    const kept: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      // A piece of a file, 256 KiB, and an id of 25 characters cut from its end.
      const piece = `${String(i).repeat(1 << 18).slice(0, 1 << 18)}APPLICATION-2024-A${String(i).padStart(7, '0')}`;
      kept.push(copy(piece.slice(piece.length - 25)));
    }
    return kept;
  };
  const before = heap();
  const views = keep((text) => text);
  const withViews = heap() - before;
  const copies = keep(ownCopy);
  const withCopies = heap() - before - withViews;
  assert.equal(copies[7], 'APPLICATION-2024-A0000007');
  assert.equal(views.length, copies.length);
  // Cut as it is, each id keeps its 256 KiB piece (the check that the measure can see it); copied, only itself.
  assert.ok(withViews > 20 * 2 ** 20, `views kept ${withViews} bytes`);
  assert.ok(withCopies < 2 ** 20, `copies kept ${withCopies} bytes`);
});

test('memoise answers as the function does, for values in the front table and past its limit', () => {
  let calls = 0;
  const upper = memoise((raw: string) => {
    calls += 1;
    return raw.toUpperCase();
  }, 3);
  for (const raw of ['a', 'b', 'a', 'c', 'd', 'a', 'd', '']) assert.equal(upper(raw), raw.toUpperCase());
  // a, b and c are remembered (the limit is 3); d and the blank come past it, so d is worked out each time it comes.
  assert.equal(calls, 6);
});
