/**
 * The return's machinery by hand: paths into a report (keys, array positions, elements chosen by their fields),
 * cell references, and a two-row layout laid out and traced, with an indicator that is not available.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellValue, columnLetters, figureAt, pathText, resolveReturn, type ReturnLayout } from './layout.ts';
import { RETURN_LAYOUTS } from './index.ts';

const report = {
  indicators: {
    '1': { rows: [{ cluster: 'clinical', row: 'Band 5', white: { count: 12 } }, { cluster: 'nonClinical', row: 'Band 5', white: { count: 3 } }] },
    '2': { value: 1.5, ci95: [1.1, 2.0], groups: { white: { events: 30 } } },
    '5': { id: '5', available: false, reason: 'survey.csv was not supplied, so this indicator is not available' },
    '9b': { answer: true },
  },
};

test('a path picks keys, array positions and the element whose fields match', () => {
  assert.equal(figureAt(report, ['indicators', '1', 'rows', { cluster: 'nonClinical', row: 'Band 5' }, 'white', 'count']), 3);
  assert.equal(figureAt(report, ['indicators', '2', 'ci95', '1']), 2.0);
  assert.equal(figureAt(report, ['indicators', '1', 'rows', { cluster: 'medical', row: 'Band 5' }, 'white']), undefined);
  assert.equal(figureAt(report, ['indicators', '5', 'groups', 'white', 'pct']), undefined);
  assert.equal(pathText(['indicators', '1', 'rows', { cluster: 'clinical', row: 'Band 5' }, 'white', 'count']), 'indicators.1.rows[cluster=clinical,row=Band 5].white.count');
});

test('column letters as a spreadsheet names them', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52].map(columnLetters), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
});

test('yes/no figures are written Yes and No; missing figures are empty', () => {
  assert.equal(cellValue(true, 'yes/no'), 'Yes');
  assert.equal(cellValue(false, 'yes/no'), 'No');
  assert.equal(cellValue(undefined, 'count'), null);
  assert.equal(cellValue(0, 'count'), 0);
});

test('a layout is laid out below the six header rows, each figure traced to its cell; an unavailable indicator says why', () => {
  const layout: ReturnLayout = {
    standard: 'wres', sheetName: 'Test', title: 'A test return',
    sections: [
      {
        indicator: 'WRES 2', heading: 'Indicator 2', label: 'Two',
        blocks: [{ corner: '', columns: ['White', 'Ratio'], rows: [{ label: 'Appointed', cells: [{ path: ['indicators', '2', 'groups', 'white', 'events'], unit: 'count', source: 'applications' }, { path: ['indicators', '2', 'value'], unit: 'ratio', source: 'both' }] }] }],
      },
      {
        indicator: 'WRES 5', heading: 'Indicator 5', label: 'Five',
        blocks: [{ corner: '', columns: ['White'], rows: [{ label: 'Percentage', addition: true, cells: [{ path: ['indicators', '5', 'groups', 'white', 'pct'], unit: 'percent', source: 'survey' }] }] }],
      },
    ],
  };
  const resolved = resolveReturn(layout, report, { organisation: { code: 'RXX', name: 'A trust' }, year: 2025 });
  // Rows 1–6 the header, 7 blank, 8 the heading, 9 the columns, 10 the figures; 11 blank, 12 heading, 13 columns, 14 figure.
  assert.deepEqual(resolved.grid[1]!.map((c) => c.value), ['Organisation code', 'RXX']);
  assert.deepEqual(resolved.grid[9]!.map((c) => c.value), ['Appointed', 30, 1.5]);
  assert.deepEqual(resolved.grid[13]!.map((c) => c.value), ['Percentage [Mirror]', null]);
  assert.deepEqual(resolved.traces.map((t) => [t.cell, t.indicator, t.column, t.value, t.path, t.addition, t.note]), [
    ['B10', 'WRES 2', 'White', 30, 'indicators.2.groups.white.events', false, ''],
    ['C10', 'WRES 2', 'Ratio', 1.5, 'indicators.2.value', false, ''],
    ['B14', 'WRES 5', 'White', null, 'indicators.5.groups.white.pct', true, 'survey.csv was not supplied, so this indicator is not available'],
  ]);
});

test('every row of both layouts has one cell per column of its block, and every figure names its source', () => {
  for (const layout of Object.values(RETURN_LAYOUTS)) {
    for (const section of layout.sections) {
      for (const block of section.blocks) {
        for (const row of block.rows) {
          assert.equal(row.cells.length, block.columns.length, `${section.heading}: ${row.label}`);
          for (const cell of row.cells) if (cell) assert.ok(cell.source.length > 0);
        }
      }
    }
  }
});
