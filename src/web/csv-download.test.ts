import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { csvText, sendCsv } from './csv-download.ts';

test('CSV text: header, rows, empty cells for null, booleans in words, formulas neutralised, numbers untouched', () => {
  const text = csvText(['name', 'value', 'flag', 'note'], [
    ['=HYPERLINK("x")', -1.5, true, null],
    ['Plain, with a comma', 0, false, undefined],
  ]);
  assert.deepEqual(parse(text), [
    ['name', 'value', 'flag', 'note'],
    ['\'=HYPERLINK("x")', '-1.5', 'true', ''],
    ['Plain, with a comma', '0', 'false', ''],
  ]);
});

test('a CSV download is an attachment with its name, never cached', async () => {
  const app = Fastify();
  app.get('/x.csv', (_request, reply) => sendCsv(reply, 'figures-RXX-2025.csv', csvText(['a'], [[1]])));
  const response = await app.inject({ method: 'GET', url: '/x.csv' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(response.headers['content-disposition'], 'attachment; filename="figures-RXX-2025.csv"');
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.body, 'a\n1\n');
  await app.close();
});
