import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem } from './problem.ts';
import { detectSurveyShape, parseSurveyIndicator, readSurvey } from './survey.ts';
import { csv, csvTable } from './test-support.ts';

describe('readSurvey: summary shape', () => {
  test('reads indicator, group, respondents and positive in their accepted spellings', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'Indicator,Ethnic Group,Respondents,Positive',
        '5,White,400,100',
        'WRES 5,BME,120,40',
        'Indicator 7,ethnic minority,"1,020",600',
        '7.0,white,400,250',
      ),
      'survey.csv',
    );
    assert.equal(detectSurveyShape(table), 'summary');
    const source = (row: number) => ({ file: 'survey.csv', row });
    assert.deepEqual(readSurvey(table), {
      ok: true,
      shape: 'summary',
      excludedUnknownEthnicity: 0,
      wdesRecords: [],
      records: [
        { indicator: '5', group: 'white', respondents: 400, positive: 100, source: source(2) },
        { indicator: '5', group: 'ethnicMinority', respondents: 120, positive: 40, source: source(3) },
        { indicator: '7', group: 'ethnicMinority', respondents: 1020, positive: 600, source: source(4) },
        { indicator: '7', group: 'white', respondents: 400, positive: 250, source: source(5) },
      ],
    });
  });

  test('indicator spellings', () => {
    for (const [raw, expected] of [['5', '5'], ['8', '8'], ['5.0', '5'], ['WRES 6', '6'], ['Indicator 7', '7'], ['wres_indicator_8', '8']] as const) {
      assert.deepEqual(parseSurveyIndicator(raw), { ok: true, value: { standard: 'WRES', indicator: expected } }, raw);
    }
    for (const raw of ['4', '9', '55', 'five', 'Q5', 'WDES 4a', 'WDES 10']) assert.equal(parseSurveyIndicator(raw).ok, false, raw);
    for (const [raw, metric] of [['WDES 4a patients', '4a_patients'], ['wdes_4a_colleagues', '4a_colleagues'], ['WDES metric 9a', '9a'], ['WDES 5', '5']] as const) {
      assert.deepEqual(parseSurveyIndicator(raw), { ok: true, value: { standard: 'WDES', metric } }, raw);
    }
  });

  test('WDES rows sit beside WRES rows: disability groups, a score for 9a, and wrong pairings reported', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'indicator,group,respondents,positive,score',
        'WRES 5,white,400,100,',
        'WDES 4a patients,disabled,150,45,',
        'WDES 4a patients,non-disabled,600,150,',
        'WDES 9a,overall,750,,6.8',
        'WDES 8,disabled,150,90,',
      ),
      'survey.csv',
    );
    const result = readSurvey(table);
    assert.ok(result.ok);
    assert.equal(result.records.length, 1);
    assert.deepEqual(result.wdesRecords.map((r) => [r.metric, r.group, r.respondents, r.positive, r.score]), [
      ['4a_patients', 'disabled', 150, 45, null],
      ['4a_patients', 'nonDisabled', 600, 150, null],
      ['9a', 'overall', 750, null, 6.8],
      ['8', 'disabled', 150, 90, null],
    ]);
    const bad = await csvTable(t, csv('indicator,group,respondents,positive,score', 'WDES 5,white,10,2,', 'WRES 6,disabled,10,2,', 'WDES 9a,disabled,10,,11', 'WDES 6,overall,10,2,'), 'survey.csv');
    const problems = readSurvey(bad);
    assert.deepEqual(problems.ok ? [] : problems.problems.map((p) => [p.row, p.column]), [[2, 'group'], [3, 'group'], [4, 'score'], [5, 'group']]);
  });

  test('bad indicators and groups, positive above respondents and repeated pairs are reported', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'indicator,ethnic_group,respondents,positive',
        '5,white,100,20',
        '4,white,100,20', // row 3: not a survey indicator
        '6,asian,100,20', // row 4: not a group
        '6,white,100,120', // row 5: more positive than respondents
        '5,White,90,10', // row 6: indicator 5 white again
        '8,bame,,-1', // row 7: blank respondents, negative positive
      ),
      'survey.csv',
    );
    const result = readSurvey(table);
    assert.deepEqual(
      result.ok ? [] : result.problems.map((p) => [p.row, p.column]),
      [[3, 'indicator'], [4, 'ethnic_group'], [5, 'positive'], [6, 'indicator'], [7, 'respondents'], [7, 'positive']],
    );
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    assert.match(lines[2] ?? '', /more positive answers \(120\) than respondents \(100\)/);
    assert.match(lines[3] ?? '', /indicator 5 for group "White" is already given on row 2/);
  });
});

describe('readSurvey: respondent-level shape', () => {
  test('aggregates answers per indicator and group, leaving out blanks and unknown ethnicity', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'Respondent ID,Ethnic Category,Indicator 5,Indicator_7',
        'R1,A,yes,yes',
        "R2,White - Irish,no,don't know",
        'R3,H,yes,no',
        'R4,N,,Dont Know',
        'R5,Z,yes,yes',
        'R6,,no,no',
        'R7,99,yes,yes',
        'R8,M,no,',
      ),
      'survey.csv',
    );
    assert.equal(detectSurveyShape(table), 'respondent');
    const source = { file: 'survey.csv', row: 1 };
    assert.deepEqual(readSurvey(table), {
      ok: true,
      shape: 'respondent',
      excludedUnknownEthnicity: 3,
      wdesRecords: [],
      records: [
        { indicator: '5', group: 'white', respondents: 2, positive: 1, source },
        { indicator: '5', group: 'ethnicMinority', respondents: 2, positive: 1, source },
        { indicator: '7', group: 'white', respondents: 2, positive: 1, source },
        { indicator: '7', group: 'ethnicMinority', respondents: 2, positive: 0, source },
      ],
    });
  });

  test('"don\'t know" only for indicator 7; bad ethnicity and repeated respondent ids are reported', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'respondent_id,ethnic_category,indicator_5,indicator_7',
        "R1,A,don't know,yes", // row 2: not allowed for indicator 5
        'R2,Whte,yes,maybe', // row 3: bad ethnicity, bad answer
        'R2,A,no,no', // row 4: repeated id
        ',Whte,no,no', // row 5: no id is fine; bad ethnicity again
      ),
      'survey.csv',
    );
    const result = readSurvey(table);
    assert.deepEqual(
      result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.occurrences]),
      [
        [2, 'indicator_5', undefined],
        [3, 'ethnic_category', 2],
        [3, 'indicator_7', undefined],
        [4, 'respondent_id', undefined],
      ],
    );
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    assert.match(lines[2] ?? '', /expected yes, no, "don't know", or blank/);
  });

  test('a respondent file needs at least one indicator column', async (t) => {
    const table = await csvTable(t, csv('respondent_id,ethnic_category,question_1', 'R1,A,yes'), 'survey.csv');
    const result = readSurvey(table);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : formatProblem(result.problems[0]!), /needs at least one indicator column.*expected indicator_5, indicator_6, indicator_7, indicator_8/);
  });

  test('a file in neither shape says what the two shapes are', async (t) => {
    const table = await csvTable(t, csv('question,answer', 'q5,yes'), 'survey.csv');
    const result = readSurvey(table);
    assert.equal(detectSurveyShape(table), null);
    assert.match(result.ok ? '' : formatProblem(result.problems[0]!), /not a recognised survey layout.*summary columns.*respondent-level/);
  });
});
