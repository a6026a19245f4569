/**
 * survey.csv: NHS Staff Survey results for WRES indicators 5–8, in one of two shapes told apart by the headers:
 *
 * - summary: one row per indicator and group, as the survey contractor reports them
 *   (indicator, ethnic_group, respondents, positive);
 * - respondent-level: one row per respondent (ethnic_category, indicator_5 … indicator_8), aggregated here.
 *
 * Respondents of unknown ethnicity (Z, 99, blank) are in neither WRES group, so they are left out and counted.
 */
import { wresGroup, type WresGroup } from '../core/ethnicity/classifications.ts';
import { SURVEY_INDICATORS, type SurveyIndicator, type SurveyResult } from '../core/records.ts';
import { hasColumn, resolveColumns, type ColumnSpec } from './columns.ts';
import { parseYesNo, type FieldResult } from './fields.ts';
import type { Problem } from './problem.ts';
import { complete, readRecords, type RowReader } from './row-reader.ts';
import type { Table } from './table.ts';

export const SURVEY_SUMMARY_COLUMNS = {
  required: ['indicator', 'ethnic_group', 'respondents', 'positive'],
  optional: [],
} as const satisfies ColumnSpec;

export const SURVEY_RESPONDENT_COLUMNS = {
  required: ['ethnic_category'],
  optional: ['respondent_id', 'indicator_5', 'indicator_6', 'indicator_7', 'indicator_8'],
} as const satisfies ColumnSpec;

export type SurveyShape = 'summary' | 'respondent';

export type ReadSurveyResult =
  | {
      ok: true;
      shape: SurveyShape;
      records: SurveyResult[];
      /** Respondent-level files only: respondents left out because their ethnicity is Z, 99 or blank. */
      excludedUnknownEthnicity: number;
    }
  | { ok: false; problems: Problem[] };

export type SurveyGroup = Exclude<WresGroup, 'unknown'>;
const SURVEY_GROUPS: readonly SurveyGroup[] = ['white', 'ethnicMinority'];

const INDICATOR_COLUMNS = SURVEY_INDICATORS.map((indicator) => `indicator_${indicator}`);

/** Summary if there is an "indicator" column; respondent-level if there is ethnic_category or an indicator_N. */
export function detectSurveyShape(table: Table): SurveyShape | null {
  if (hasColumn(table, 'indicator')) return 'summary';
  if (['ethnic_category', ...INDICATOR_COLUMNS].some((column) => hasColumn(table, column))) return 'respondent';
  return null;
}

export function readSurvey(table: Table): ReadSurveyResult {
  switch (detectSurveyShape(table)) {
    case 'summary':
      return readSummary(table);
    case 'respondent':
      return readRespondents(table);
    case null:
      return { ok: false, problems: [unknownShapeProblem(table)] };
  }
}

function unknownShapeProblem(table: Table): Problem {
  const found = table.headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
  return {
    file: table.file,
    row: table.headerRow,
    message: `not a recognised survey layout; the header row has: ${found}`,
    expected:
      'either summary columns indicator, ethnic_group, respondents, positive, or respondent-level columns ' +
      `ethnic_category and at least one of ${INDICATOR_COLUMNS.join(', ')}`,
  };
}

// ---------------------------------------------------------------- summary shape

const INDICATOR_EXPECTED = 'a WRES staff survey indicator: 5, 6, 7 or 8 (also "WRES 5" or "Indicator 5")';
const GROUP_EXPECTED = '"white" or "ethnic minority" (also "BME" or "BAME")';

/** "5", "5.0", "WRES 5", "Indicator 5", "WRES indicator 5". */
export function parseSurveyIndicator(raw: string): FieldResult<SurveyIndicator | null> {
  const key = raw.toLowerCase().replace(/[\s_\-:]+/g, '');
  if (key === '') return { ok: true, value: null };
  const digits = /^(?:wres)?(?:indicator)?(\d+)(?:\.0+)?$/.exec(key)?.[1];
  const indicator = SURVEY_INDICATORS.find((i) => i === digits);
  return indicator ? { ok: true, value: indicator } : { ok: false, expected: INDICATOR_EXPECTED };
}

const GROUP_SPELLINGS: Readonly<Record<string, SurveyGroup>> = {
  white: 'white',
  ethnicminority: 'ethnicMinority',
  ethnicminorities: 'ethnicMinority',
  bme: 'ethnicMinority',
  bame: 'ethnicMinority',
};

export function parseSurveyGroup(raw: string): FieldResult<SurveyGroup | null> {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return { ok: true, value: null };
  const group = GROUP_SPELLINGS[key];
  return group ? { ok: true, value: group } : { ok: false, expected: GROUP_EXPECTED };
}

function readSummary(table: Table): ReadSurveyResult {
  const seen = new Map<string, number>();
  const result = readRecords(table, SURVEY_SUMMARY_COLUMNS, (row) => readSummaryRow(row, seen));
  return result.ok ? { ok: true, shape: 'summary', records: result.records, excludedUnknownEthnicity: 0 } : result;
}

function readSummaryRow(row: RowReader, seen: Map<string, number>): SurveyResult | undefined {
  const fields = complete({
    indicator: row.required('indicator', row.field('indicator', parseSurveyIndicator, 'indicator'), INDICATOR_EXPECTED),
    group: row.required('ethnic_group', row.field('ethnic_group', parseSurveyGroup, 'ethnic group'), GROUP_EXPECTED),
    respondents: row.requiredCount('respondents'),
    positive: row.requiredCount('positive'),
  });
  if (!fields) return undefined;
  const pair = `${fields.indicator}/${fields.group}`;
  const firstRow = seen.get(pair);
  if (firstRow !== undefined) {
    return row.problem('indicator', `indicator ${fields.indicator} for group "${row.text('ethnic_group')}" is already given on row ${firstRow}`);
  }
  seen.set(pair, row.row);
  if (fields.positive > fields.respondents) {
    return row.problem('positive', `more positive answers (${fields.positive}) than respondents (${fields.respondents})`);
  }
  return { ...fields, source: row.source };
}

// ---------------------------------------------------------------- respondent-level shape

/** In an indicator's base and positive, in its base only, or not answered (left out of the base). */
export type SurveyAnswer = 'positive' | 'notPositive' | null;

interface Respondent {
  readonly group: WresGroup;
  readonly answers: ReadonlyMap<SurveyIndicator, SurveyAnswer>;
}

const ANSWER_EXPECTED = 'yes, no, or blank if the question was not answered';
const INDICATOR_7_EXPECTED = `yes, no, "don't know", or blank if the question was not answered`;

export function parseSurveyAnswer(raw: string): FieldResult<SurveyAnswer> {
  const answer = parseYesNo(raw);
  if (!answer.ok) return { ok: false, expected: ANSWER_EXPECTED };
  return { ok: true, value: answer.value === null ? null : answer.value ? 'positive' : 'notPositive' };
}

/** Indicator 7 (equal opportunities for progression) also has "don't know", which is in the base. */
export function parseIndicator7Answer(raw: string): FieldResult<SurveyAnswer> {
  if (raw.toLowerCase().replace(/[^a-z]/g, '') === 'dontknow') return { ok: true, value: 'notPositive' };
  const answer = parseSurveyAnswer(raw);
  return answer.ok ? answer : { ok: false, expected: INDICATOR_7_EXPECTED };
}

function readRespondents(table: Table): ReadSurveyResult {
  const indicators = SURVEY_INDICATORS.filter((indicator) => hasColumn(table, `indicator_${indicator}`));
  if (indicators.length === 0) return { ok: false, problems: noIndicatorColumnProblems(table) };
  const result = readRecords(table, SURVEY_RESPONDENT_COLUMNS, (row) => readRespondentRow(row, indicators));
  if (!result.ok) return result;
  const source = { file: table.file, row: table.headerRow };
  const records = indicators.flatMap((indicator) =>
    SURVEY_GROUPS.map((group) => ({ indicator, group, ...tally(result.records, indicator, group), source })),
  );
  const excludedUnknownEthnicity = result.records.filter((r) => r.group === 'unknown').length;
  return { ok: true, shape: 'respondent', records, excludedUnknownEthnicity };
}

function noIndicatorColumnProblems(table: Table): Problem[] {
  const columns = resolveColumns(table, SURVEY_RESPONDENT_COLUMNS);
  const found = table.headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
  return [
    ...(columns.ok ? [] : columns.problems),
    {
      file: table.file,
      row: table.headerRow,
      message: `a respondent-level survey file needs at least one indicator column; the header row has: ${found}`,
      expected: INDICATOR_COLUMNS.join(', '),
    },
  ];
}

function readRespondentRow(row: RowReader, indicators: readonly SurveyIndicator[]): Respondent | undefined {
  // An id is optional, but if given it must not repeat: a repeated respondent would be counted twice.
  const id = row.text('respondent_id') === '' ? null : row.id('respondent_id');
  const ethnicity = row.ethnicity('ethnic_category');
  const answers = new Map<SurveyIndicator, SurveyAnswer | undefined>(
    indicators.map((i) => [i, row.field(`indicator_${i}`, i === '7' ? parseIndicator7Answer : parseSurveyAnswer, 'answer')]),
  );
  if (id === undefined || ethnicity === undefined || [...answers.values()].includes(undefined)) return undefined;
  return { group: wresGroup(ethnicity), answers: answers as ReadonlyMap<SurveyIndicator, SurveyAnswer> };
}

function tally(respondents: readonly Respondent[], indicator: SurveyIndicator, group: SurveyGroup) {
  let base = 0;
  let positive = 0;
  for (const respondent of respondents) {
    const answer = respondent.group === group ? respondent.answers.get(indicator) : null;
    if (answer === null || answer === undefined) continue;
    base += 1;
    if (answer === 'positive') positive += 1;
  }
  return { respondents: base, positive };
}
