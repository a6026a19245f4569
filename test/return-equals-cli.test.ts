/**
 * The national returns' cells equal the figures of `mirror wres --format json` and `mirror wdes --format json` for
 * the same demonstration files, as CSV and as a workbook read back with exceljs: every traced cell (its path read
 * back from the return's own text and looked up in the command line's JSON), and a few cells found by their labels
 * alone, without the trace.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { WRES_2 } from '../src/core/wres/definitions.ts';
import { WDES_3 } from '../src/core/wdes/definitions.ts';
import { runCli } from './support/run-cli.ts';

/** "indicators.1.rows[cluster=clinical,row=Band 5].white.count" back into steps, and the value there. */
function lookUp(json: unknown, text: string): unknown {
  let here: unknown = json;
  for (const part of text.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (part.startsWith('[')) {
      const wanted = Object.fromEntries(part.slice(1, -1).split(',').map((kv) => kv.split('=') as [string, string]));
      here = (here as Record<string, unknown>[]).find((e) => Object.entries(wanted).every(([k, v]) => e[k] === v));
    } else {
      here = (here as Record<string, unknown>)[part];
    }
  }
  return here;
}

/** A JSON figure as the return writes it: booleans as Yes/No, nothing as an empty cell. */
function expected(value: unknown): string | number | null {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === undefined || value === null ? null : (value as string | number);
}

type Row = Record<string, string>;

describe('the national returns equal the command line JSON', () => {
  let root: string;
  const json: Record<string, unknown> = {};
  const csv: Record<string, Row[]> = {};
  const workbooks: Record<string, ExcelJS.Workbook> = {};

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mirror-return-'));
    for (const year of [2024, 2025]) await writeSyntheticTrust(join(root, String(year)), { year, seed: 7, staff: 900 });
    const folder = join(root, '2025');
    for (const standard of ['wres', 'wdes']) {
      const fromJson = await runCli(standard, folder, '--year', '2025', '--format', 'json');
      assert.equal(fromJson.code, 0, fromJson.stderr);
      json[standard] = JSON.parse(fromJson.stdout);
      const fromCsv = await runCli('return', folder, '--standard', standard, '--year', '2025', '--format', 'csv');
      assert.equal(fromCsv.code, 0, fromCsv.stderr);
      csv[standard] = parse(fromCsv.stdout, { columns: true }) as Row[];
      const out = join(root, `${standard}.xlsx`);
      const fromXlsx = await runCli('return', folder, '--standard', standard, '--year', '2025', '--format', 'xlsx', '--out', out, '--org', 'RXX', '--name', 'Test trust');
      assert.equal(fromXlsx.code, 0, fromXlsx.stderr);
      assert.match(fromXlsx.stderr, /do not publish it/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      workbooks[standard] = workbook;
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  for (const standard of ['wres', 'wdes']) {
    test(`${standard}: every CSV row's value is the JSON figure its path names`, () => {
      const rows = csv[standard]!;
      assert.ok(rows.length > 150, `${rows.length} figures`);
      let compared = 0;
      for (const row of rows) {
        const want = expected(lookUp(json[standard], row['mirror_figure']!));
        const got = row['value'] === '' ? null : typeof want === 'number' ? Number(row['value']) : row['value'];
        assert.deepEqual(got, want, `${row['cell']} ${row['mirror_figure']}`);
        if (want !== null) compared += 1;
      }
      assert.ok(compared > 150, 'nearly every figure is there in the demonstration data');
    });

    test(`${standard}: every workbook cell on the Sources sheet holds the JSON figure its path names, as a number`, () => {
      const workbook = workbooks[standard]!;
      const [layout, sources] = [workbook.worksheets[0]!, workbook.getWorksheet('Sources')!];
      assert.equal(layout.name, `${standard.toUpperCase()} return`);
      const header = (sources.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 2), ['cell', 'indicator']);
      const pathColumn = header.indexOf('mirror_figure') + 1;
      assert.equal(sources.rowCount - 1, csv[standard]!.length, 'the Sources sheet and the CSV trace the same figures');
      for (let r = 2; r <= sources.rowCount; r += 1) {
        const ref = String(sources.getCell(r, 1).value);
        assert.equal(ref, csv[standard]![r - 2]!['cell'], 'same cell references as the CSV');
        const want = expected(lookUp(json[standard], String(sources.getCell(r, pathColumn).value)));
        assert.deepEqual(layout.getCell(ref).value ?? null, want, `${ref}`);
      }
      assert.equal(layout.getCell('B2').value, 'RXX');
      assert.equal(layout.getCell('B3').value, 'Test trust');
    });
  }

  /** The row of the first sheet whose first cell is `label`, after the row whose first cell is `after`. */
  function rowLabelled(sheet: ExcelJS.Worksheet, after: string, label: string): ExcelJS.Row {
    let seen = false;
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const first = sheet.getCell(r, 1).value;
      if (first === after) seen = true;
      else if (seen && first === label) return sheet.getRow(r);
    }
    throw new Error(`no row "${label}" after "${after}"`);
  }

  test('WRES, found by label alone: indicator 2 counts by group and its relative likelihood, indicator 9 voting members, a band', () => {
    const sheet = workbooks['wres']!.worksheets[0]!;
    const at = (path: string) => lookUp(json['wres'], path);
    const shortlisted = rowLabelled(sheet, 'Indicator 2', 'Number of shortlisted applicants');
    const header = sheet.getRow(shortlisted.number - 1);
    assert.deepEqual([2, 3, 4].map((c) => header.getCell(c).value), ['White', 'BME', 'Ethnicity unknown/null']);
    assert.deepEqual([2, 3, 4].map((c) => shortlisted.getCell(c).value), ['white', 'ethnicMinority', 'unknown'].map((g) => at(`indicators.2.groups.${g}.population`)));
    const appointed = rowLabelled(sheet, 'Indicator 2', 'Number appointed from shortlisting');
    assert.deepEqual([2, 3, 4].map((c) => appointed.getCell(c).value), ['white', 'ethnicMinority', 'unknown'].map((g) => at(`indicators.2.groups.${g}.events`)));
    const ratio = rowLabelled(sheet, 'Indicator 2', WRES_2.returnLabel).getCell(2);
    assert.equal(ratio.value, at('indicators.2.value'));
    assert.equal(ratio.numFmt, '0.00');
    const voting = rowLabelled(sheet, 'Indicator 9', 'of which: Voting Board members');
    assert.deepEqual([2, 3, 4, 5].map((c) => voting.getCell(c).value), ['white.count', 'ethnicMinority.count', 'unknown.count', 'total'].map((k) => at(`indicators.9.board.voting.${k}`)));
    const difference = rowLabelled(sheet, 'Indicator 9', 'Difference: board voting membership minus overall workforce');
    assert.equal(difference.getCell(2).value, at('indicators.9.voting.differencePp'));
    const band5 = rowLabelled(sheet, 'Clinical workforce', 'Band 5');
    assert.deepEqual([2, 3, 4, 5].map((c) => band5.getCell(c).value), ['white.count', 'ethnicMinority.count', 'unknown.count', 'total'].map((k) => at(`indicators.1.rows[cluster=clinical,row=Band 5].${k}`)));
  });

  test('WDES, found by label alone: metric 3 and its two years pooled, metric 9b', () => {
    const sheet = workbooks['wdes']!.worksheets[0]!;
    const at = (path: string) => lookUp(json['wdes'], path);
    assert.equal(rowLabelled(sheet, 'Metric 3', WDES_3.returnLabel).getCell(2).value, at('metrics.3.value'));
    const entering = rowLabelled(sheet, 'Metric 3', 'Number of staff entering the formal capability process');
    assert.deepEqual([2, 3, 4].map((c) => entering.getCell(c).value), ['disabled', 'nonDisabled', 'unknown'].map((g) => at(`metrics.3.groups.${g}.events`)));
    assert.equal(at('metrics.3.rollingTwoYear.available'), true, 'the 2024 sibling folder gives the two-year figure');
    assert.equal(rowLabelled(sheet, 'Metric 3', 'Relative likelihood over two years [Mirror]').getCell(5).value, at('metrics.3.rollingTwoYear.value'));
    assert.equal(rowLabelled(sheet, 'Metric 9b', 'Yes or no').getCell(2).value, at('metrics.9b.answer') ? 'Yes' : 'No');
  });
});
