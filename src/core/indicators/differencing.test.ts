import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectByDifferencing, variable, type Cell, type Term } from './differencing.ts';

const small = (n: number) => n > 0 && n < 8;

function cell(values: Record<string, number>, state: Cell['state'] = 'shown', extra: Partial<Cell> = {}): Cell {
  return { values, state, size: Object.values(values).reduce((a, b) => a + b, 0), ...extra };
}

/** total = Σ parts, for one count. */
function sum(total: string, parts: readonly string[], name = 'n'): Term[] {
  return [[variable(total, name), -1], ...parts.map((p): Term => [variable(p, name), 1])];
}

test('the worked example: a headline less the rows shown gives the one row withheld, so the smallest other goes too', () => {
  // 3 ethnic minority staff enter the disciplinary process, all in Nursing; Estates and Medical have none.
  const cells = new Map<string, Cell>([
    ['headline', cell({ events: 3, people: 300 }, 'fixed')],
    ['Nursing', cell({ events: 3, people: 200 }, 'withheld')],
    ['Estates', cell({ events: 0, people: 40 })],
    ['Medical', cell({ events: 0, people: 60 })],
  ]);
  const rows = ['Nursing', 'Estates', 'Medical'];
  const { withheld, unresolved } = protectByDifferencing(cells, [sum('headline', rows, 'events'), sum('headline', rows, 'people')], small);
  assert.deepEqual([...withheld].sort(), ['Estates', 'Nursing']);
  assert.equal(unresolved.size, 0);
});

test('two withheld rows already protect each other; a row of nothing but zeros is withheld only as the last resort', () => {
  const cells = new Map<string, Cell>([
    ['headline', cell({ n: 9 }, 'fixed')],
    ['a', cell({ n: 4 }, 'withheld')],
    ['b', cell({ n: 5 }, 'withheld')],
    ['c', cell({ n: 0 })],
  ]);
  assert.deepEqual([...protectByDifferencing(cells, [sum('headline', ['a', 'b', 'c'])], small).withheld].sort(), ['a', 'b']);
  const alone = new Map<string, Cell>([['headline', cell({ n: 4 }, 'fixed')], ['a', cell({ n: 4 }, 'withheld')], ['c', cell({ n: 0 })]]);
  assert.deepEqual([...protectByDifferencing(alone, [sum('headline', ['a', 'c'])], small).withheld].sort(), ['a', 'c']);
});

test('a count given away along a chain: the shown cell that started it is withheld', () => {
  // x is the same count as y (one count shown in two tables); the headline is x + z, with z withheld.
  const cells = new Map<string, Cell>([
    ['headline', cell({ n: 40 }, 'fixed')],
    ['x', cell({ n: 37 }, 'withheld')],
    ['z', cell({ n: 3 }, 'withheld')],
    ['y', cell({ n: 37 })],
  ]);
  const equations = [sum('headline', ['x', 'z']), [[variable('x', 'n'), 1], [variable('y', 'n'), -1]] as Term[]];
  assert.deepEqual([...protectByDifferencing(cells, equations, small).withheld].sort(), ['x', 'y', 'z']);
});

test('counts adding up to 0 are each 0, which can give another away', () => {
  // Two withheld rows hold no events between them (a reader sees 10 − 10 = 0), so each has none; the second
  // table then gives q's 3 away unless something else is withheld.
  const cells = new Map<string, Cell>([
    ['total', cell({ n: 10 }, 'fixed')],
    ['p', cell({ n: 0 }, 'withheld')],
    ['q', cell({ n: 0 }, 'withheld')],
    ['r', cell({ n: 10 })],
    ['other total', cell({ n: 3 }, 'fixed')],
    ['s', cell({ n: 3 }, 'withheld')],
    ['t', cell({ n: 0 }, 'shown')],
  ]);
  const equations = [sum('total', ['p', 'q', 'r']), sum('other total', ['p', 's', 't'])];
  const { withheld } = protectByDifferencing(cells, equations, small);
  assert.ok(withheld.has('r') || withheld.has('t'), 'r or t is withheld so that p is not known to be 0');
});

test('least values: two withheld counts of at least 1 adding up to 2 are 1 each, so a third is withheld', () => {
  const cells = new Map<string, Cell>([
    ['total', cell({ n: 50 }, 'fixed')],
    ['a', cell({ n: 1 }, 'withheld', { atLeast: 1 })],
    ['b', cell({ n: 1 }, 'withheld', { atLeast: 1 })],
    ['c', cell({ n: 48 }, 'shown', { atLeast: 1, rank: 1 })],
    ['d', cell({ n: 0 }, 'shown', { atLeast: 1 })],
  ]);
  // d holds nobody but has the lower rank: withheld, a reader cannot tell a, b and d apart.
  assert.deepEqual([...protectByDifferencing(cells, [sum('total', ['a', 'b', 'c', 'd'])], small).withheld].sort(), ['a', 'b', 'd']);
});

test('what only a fixed cell could protect is reported as unresolved, and nothing else is withheld for it', () => {
  const cells = new Map<string, Cell>([['headline', cell({ n: 3 }, 'fixed')], ['only', cell({ n: 3 }, 'withheld')]]);
  const { withheld, unresolved } = protectByDifferencing(cells, [sum('headline', ['only'])], small);
  assert.deepEqual([...withheld], ['only']);
  assert.deepEqual([...unresolved], ['only']);
});
