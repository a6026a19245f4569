import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CsvSplitter, CsvSyntaxError, splitQuotedLine } from './csv-split.ts';
import { csvParseOptions, detectDelimiter } from './read-csv.ts';

/** What csv-parse makes of the whole text with the options every CSV file is read with. */
function byCsvParse(text: string): string[][] | 'error' {
  try {
    return parse(text, csvParseOptions(detectDelimiter(text)));
  } catch {
    return 'error';
  }
}

/** The splitter's records, the text given in pieces of the sizes in `cuts` (then the rest). */
function bySplitter(text: string, cuts: readonly number[]): string[][] | 'error' {
  const records: string[][] = [];
  const splitter = new CsvSplitter((cells) => records.push(cells));
  try {
    let at = 0;
    for (const cut of cuts) {
      splitter.push(text.slice(at, at + cut));
      at += cut;
    }
    splitter.push(text.slice(at));
    splitter.end();
  } catch (error) {
    if (error instanceof CsvSyntaxError) return 'error';
    throw error;
  }
  return records;
}

/** A small seeded generator (mulberry32), so a failure names a case that can be run again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['"Smith, J"', '"say ""hi"""', ' "q" ', 'a', 'b', 'Smith', ' ', '  ', ',', ',', ',', '"', '""', '\n', '\r\n', '\r', '\t', ';', '\u00a0', "'", '5\'10"', 'é', '\ufeff', '\u3000'];

test('the splitter gives exactly what csv-parse gives, record for record, however the text arrives in pieces', () => {
  const random = seeded(15);
  let errors = 0;
  for (let n = 0; n < 4000; n += 1) {
    const length = 1 + Math.floor(random() * 30);
    let text = '';
    for (let i = 0; i < length; i += 1) text += PIECES[Math.floor(random() * PIECES.length)];
    const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 8));
    const expected = byCsvParse(text);
    if (expected === 'error') errors += 1;
    assert.deepEqual(bySplitter(text, cuts), expected, `case ${n}: ${JSON.stringify(text)} in pieces ${JSON.stringify(cuts)}`);
  }
  // The cases must include broken files as well as good ones, or the comparison proves less than it seems.
  assert.ok(errors > 200 && errors < 3800, `${errors} of 4000 cases were errors`);
});

test('a quoted value over many lines is one record, and a long plain file splits line by line', () => {
  const text = `id,note\n1,"one\ntwo\r\nthree"\n${Array.from({ length: 1000 }, (_, i) => `${i + 2}, x${i} `).join('\r\n')}\n`;
  assert.deepEqual(bySplitter(text, [5, 1, 17, 4096]), byCsvParse(text));
});

test('a line of plainly quoted values is split without csv-parse, as csv-parse splits it', () => {
  for (const line of ['"S1","White - British","Band 5"', ' "a, b" ,"x""y",,plain ', '"",""', '1\t"two\tthree"\t ']) {
    const delimiter = detectDelimiter(line);
    assert.deepEqual(splitQuotedLine(line, delimiter), parse(line, csvParseOptions(delimiter))[0], line);
  }
  // What it leaves to csv-parse: text after a closing quote, a stray quote, a value open at the end of the line.
  for (const line of ['"Smith" J,1', '5\'10",1', '1,"open']) assert.equal(splitQuotedLine(line, ','), null, line);
});
