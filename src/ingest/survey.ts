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
import {
  SURVEY_INDICATORS,
  WDES_SURVEY_METRICS,
  type SurveyIndicator,
  type SurveyResult,
  type WdesSurveyMetric,
  type WdesSurveyResult,
} from '../core/records.ts';
import { hasColumn, resolveColumns, type ColumnSpec } from './columns.ts';
import { COUNT_EXPECTED, parseCount, parseYesNo, type FieldResult } from './fields.ts';
import type { Problem } from './problem.ts';
import { readRecords, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import { identifier, MAX_SURVEY_RESPONDENTS } from './value-limits.ts';

/**
 * The summary shape carries WRES rows (indicator 5–8, ethnic_group white or ethnic minority, positive) and WDES rows
 * (indicator "WDES 4a patients" … "WDES 9a", group disabled, non-disabled or overall; positive, or score for 9a).
 * The group column may be called ethnic_group or group.
 */
export const SURVEY_SUMMARY_COLUMNS = {
  required: ['indicator', 'respondents'],
  optional: ['ethnic_group', 'group', 'positive', 'score'],
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
      /** WDES rows of a summary file. */
      wdesRecords: WdesSurveyResult[];
      /** Respondent-level files only: respondents left out because their ethnicity is Z, 99 or blank. */
      excludedUnknownEthnicity: number;
    }
  | { ok: false; problems: Problem[] };

export type SurveyGroup = Exclude<WresGroup, 'unknown'>;
const SURVEY_GROUPS: readonly SurveyGroup[] = ['white', 'ethnicMinority'];

const INDICATOR_COLUMNS = SURVEY_INDICATORS.map((indicator) => `indicator_${indicator}`);

/** Summary if there is an "indicator" column; respondent-level if there is ethnic_category or an indicator_N. */
export function detectSurveyShape(table: StreamedTable): SurveyShape | null {
  if (hasColumn(table, 'indicator')) return 'summary';
  if (['ethnic_category', ...INDICATOR_COLUMNS].some((column) => hasColumn(table, column))) return 'respondent';
  return null;
}

export function readSurvey(table: StreamedTable): ReadSurveyResult {
  switch (detectSurveyShape(table)) {
    case 'summary':
      return readSummary(table);
    case 'respondent':
      return readRespondents(table);
    case null:
      return { ok: false, problems: [unknownShapeProblem(table)] };
  }
}

function unknownShapeProblem(table: StreamedTable): Problem {
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

const INDICATOR_EXPECTED =
  'a WRES staff survey indicator 5, 6, 7 or 8 (also "WRES 5"), or a WDES metric: "WDES 4a patients", "WDES 4a managers", ' +
  '"WDES 4a colleagues", "WDES 4b", "WDES 5" to "WDES 8", or "WDES 9a"';
const GROUP_EXPECTED = '"white" or "ethnic minority" for WRES rows (also "BME" or "BAME"); "disabled", "non-disabled" or "overall" for WDES rows';

export type ParsedIndicator = { readonly standard: 'WRES'; readonly indicator: SurveyIndicator } | { readonly standard: 'WDES'; readonly metric: WdesSurveyMetric };

/** "5", "5.0", "WRES 5", "Indicator 5" for WRES; "WDES 4a patients", "wdes_9a", "WDES metric 5" for WDES. */
export function parseSurveyIndicator(raw: string): FieldResult<ParsedIndicator | null> {
  const key = raw.toLowerCase().replace(/[\s_\-:()]+/g, '');
  if (key === '') return { ok: true, value: null };
  const wdes = /^wdes(?:metric)?(.+)$/.exec(key)?.[1];
  if (wdes !== undefined) {
    const metric = WDES_SURVEY_METRICS.find((m) => m.replace('_', '') === wdes || m === wdes);
    return metric ? { ok: true, value: { standard: 'WDES', metric } } : { ok: false, expected: INDICATOR_EXPECTED };
  }
  const digits = /^(?:wres)?(?:indicator)?(\d+)(?:\.0+)?$/.exec(key)?.[1];
  const indicator = SURVEY_INDICATORS.find((i) => i === digits);
  return indicator ? { ok: true, value: { standard: 'WRES', indicator } } : { ok: false, expected: INDICATOR_EXPECTED };
}

type AnyGroup = SurveyGroup | WdesSurveyResult['group'];

const GROUP_SPELLINGS: Readonly<Record<string, AnyGroup>> = {
  white: 'white',
  ethnicminority: 'ethnicMinority',
  ethnicminorities: 'ethnicMinority',
  bme: 'ethnicMinority',
  bame: 'ethnicMinority',
  disabled: 'disabled',
  nondisabled: 'nonDisabled',
  notdisabled: 'nonDisabled',
  overall: 'overall',
  all: 'overall',
};

export function parseSurveyGroup(raw: string): FieldResult<AnyGroup | null> {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return { ok: true, value: null };
  const group = GROUP_SPELLINGS[key];
  return group ? { ok: true, value: group } : { ok: false, expected: GROUP_EXPECTED };
}

function readSummary(table: StreamedTable): ReadSurveyResult {
  const groupColumn = hasColumn(table, 'ethnic_group') ? 'ethnic_group' : hasColumn(table, 'group') ? 'group' : null;
  if (!groupColumn) {
    return { ok: false, problems: [{ file: table.file, row: table.headerRow, message: 'missing the group column', expected: 'a column named ethnic_group or group' }] };
  }
  const seen = new Map<string, number>();
  const result = readRecords(table, SURVEY_SUMMARY_COLUMNS, (row) => readSummaryRow(row, groupColumn, seen));
  if (!result.ok) return result;
  const records = result.records.filter((r): r is SurveyResult => 'indicator' in r);
  const wdesRecords = result.records.filter((r): r is WdesSurveyResult => 'metric' in r);
  return { ok: true, shape: 'summary', records, wdesRecords, excludedUnknownEthnicity: 0 };
}

const SCORE_EXPECTED = 'the engagement score, a number from 0 to 10';

function readSummaryRow(row: RowReader, groupColumn: string, seen: Map<string, number>): SurveyResult | WdesSurveyResult | undefined {
  // Every cell is read first, so a row with several problems reports them all.
  const indicator = row.required('indicator', row.field('indicator', parseSurveyIndicator, 'indicator'), INDICATOR_EXPECTED);
  const group = row.required(groupColumn, row.field(groupColumn, parseSurveyGroup, 'group'), GROUP_EXPECTED);
  const respondents = plausibleRespondents(row, row.requiredCount('respondents'));
  const positive = row.field('positive', parseCount, 'whole number');
  const score = row.number('score');
  if (indicator === undefined || group === undefined || respondents === undefined || positive === undefined || score === undefined) return undefined;

  const label = indicator.standard === 'WRES' ? `indicator ${indicator.indicator}` : `WDES ${indicator.metric}`;
  const pair = `${label}/${group}`;
  const firstRow = seen.get(pair);
  if (firstRow !== undefined) return row.problem('indicator', `${label} for group "${row.text(groupColumn)}" is already given on row ${firstRow}`);
  seen.set(pair, row.row);

  if (indicator.standard === 'WRES') {
    if (group !== 'white' && group !== 'ethnicMinority') return row.problem(groupColumn, 'a WRES indicator needs an ethnic group', '"white" or "ethnic minority"');
    const count = withinRespondents(row, positive, respondents);
    return count === undefined ? undefined : { indicator: indicator.indicator, group, respondents, positive: count, source: row.source };
  }
  if (group === 'white' || group === 'ethnicMinority') return row.problem(groupColumn, 'a WDES metric needs a disability group', '"disabled", "non-disabled" or "overall"');
  if (indicator.metric === '9a') {
    if (score === null) return row.problem('score', 'the engagement score is required for WDES 9a', SCORE_EXPECTED);
    if (score < 0 || score > 10) return row.problem('score', 'the engagement score must be from 0 to 10', SCORE_EXPECTED);
    return { metric: '9a', group, respondents, positive: null, score, source: row.source };
  }
  if (group === 'overall') return row.problem(groupColumn, 'only the engagement score (9a) has an overall row', '"disabled" or "non-disabled"');
  const count = withinRespondents(row, positive, respondents);
  return count === undefined ? undefined : { metric: indicator.metric, group, respondents, positive: count, score: null, source: row.source };
}

function plausibleRespondents(row: RowReader, respondents: number | undefined): number | undefined {
  if (respondents === undefined || respondents <= MAX_SURVEY_RESPONDENTS) return respondents;
  const max = MAX_SURVEY_RESPONDENTS.toLocaleString('en-GB');
  return row.problem('respondents', `more than ${max} respondents is not plausible for one organisation`, `a whole number from 0 to ${max}`);
}

/** The positive count, which is required and cannot exceed the respondents. */
function withinRespondents(row: RowReader, positive: number | null, respondents: number): number | undefined {
  if (positive === null) return row.problem('positive', 'a value is required but the cell is blank', COUNT_EXPECTED);
  if (positive > respondents) return row.problem('positive', `more positive answers (${positive}) than respondents (${respondents})`);
  return positive;
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

function readRespondents(table: StreamedTable): ReadSurveyResult {
  const indicators = SURVEY_INDICATORS.filter((indicator) => hasColumn(table, `indicator_${indicator}`));
  if (indicators.length === 0) return { ok: false, problems: noIndicatorColumnProblems(table) };
  const result = readRecords(table, SURVEY_RESPONDENT_COLUMNS, (row) => readRespondentRow(row, indicators));
  if (!result.ok) return result;
  const source = { file: table.file, row: table.headerRow };
  const records = indicators.flatMap((indicator) =>
    SURVEY_GROUPS.map((group) => ({ indicator, group, ...tally(result.records, indicator, group), source })),
  );
  const excludedUnknownEthnicity = result.records.filter((r) => r.group === 'unknown').length;
  return { ok: true, shape: 'respondent', records, wdesRecords: [], excludedUnknownEthnicity };
}

function noIndicatorColumnProblems(table: StreamedTable): Problem[] {
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
  const id = row.text('respondent_id') === '' ? null : identifier(row, 'respondent_id');
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
