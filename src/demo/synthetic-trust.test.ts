import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { matchEthnicity } from '../core/ethnicity/match.ts';
import { wresGroup, type WresGroup } from '../core/ethnicity/classifications.ts';
import { STATED_CODES } from '../core/ethnicity/nhs-ethnic-category.ts';
import { parsePayBand } from '../core/workforce/pay-band.ts';
import { parseStaffGroup } from '../core/workforce/staff-group.ts';
import { csvLine, generateSyntheticTrust, SYNTHETIC_FILE_KINDS, type SyntheticFileKind, type SyntheticTrust } from './synthetic-trust.ts';
import { writeSyntheticTrust } from './write-synthetic-trust.ts';

const YEAR = 2025;
const YEAR_START = '2024-04-01';
const YEAR_END = '2025-03-31';
const trust = generateSyntheticTrust({ year: YEAR, seed: 42 });

type Row = Record<string, string>;
function rows(t: SyntheticTrust, kind: SyntheticFileKind): Row[] {
  return parse(t.files[kind], { columns: true }) as Row[];
}
const staff = rows(trust, 'staff');
const staffById = new Map(staff.map((s) => [s.staff_id as string, s]));
const isBank = (s: Row) => s.assignment_category === 'Bank';

function group(raw: string | undefined): WresGroup {
  const ethnicity = matchEthnicity(raw);
  assert.ok(ethnicity, `ethnicity ${JSON.stringify(raw)} not recognised`);
  return wresGroup(ethnicity);
}
const yes = (v: string | undefined) => v === 'Yes' || v === 'Y';

/** ISO or dd/mm/yyyy to ISO. */
function iso(date: string | undefined): string {
  assert.ok(date, 'missing date');
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  if (uk) return `${uk[3]}-${uk[2]}-${uk[1]}`;
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
  return date;
}
const inYear = (d: string) => d >= YEAR_START && d <= YEAR_END;

function emShare(list: readonly Row[]): number {
  const known = list.filter((s) => group(s.ethnic_category) !== 'unknown');
  return known.filter((s) => group(s.ethnic_category) === 'ethnicMinority').length / known.length;
}

test('same options give identical files; another seed or year gives different ones', () => {
  const again = generateSyntheticTrust({ year: YEAR, seed: 42 });
  assert.deepEqual(again, trust);
  const otherSeed = generateSyntheticTrust({ year: YEAR, seed: 43 });
  const otherYear = generateSyntheticTrust({ year: YEAR + 1, seed: 42 });
  for (const kind of ['staff', 'applications', 'disciplinary', 'training', 'survey'] as const) {
    assert.notEqual(otherSeed.files[kind], trust.files[kind], kind);
    assert.notEqual(otherYear.files[kind], trust.files[kind], kind);
  }
  // A different year is a similar trust: same size, similar make-up.
  assert.equal(rows(otherYear, 'staff').length, staff.length);
  assert.ok(Math.abs(emShare(rows(otherYear, 'staff')) - emShare(staff)) < 0.05);
});

test('files have the canonical headers, LF line endings and the synthetic organisation', () => {
  const headers: Record<SyntheticFileKind, string> = {
    staff:
      'staff_id,ethnic_category,pay_band,staff_group,assignment_category,directorate,occupation_code,gender,disability,fte,hourly_pay,start_date,international_recruit,medical_leadership,bonus_pay,full_pay',
    applications: 'application_id,vacancy_id,ethnic_category,shortlisted,appointed,pay_band,staff_group,internal,international_recruit,date,disability',
    disciplinary: 'case_id,staff_id,start_date',
    training: 'staff_id,ethnic_category,course,mandatory,start_date',
    board: 'member_id,ethnic_category,voting,executive,disability',
    survey: 'indicator,ethnic_group,respondents,positive,score',
    capability: 'case_id,staff_id,start_date',
  };
  for (const kind of SYNTHETIC_FILE_KINDS) {
    assert.equal(trust.files[kind].split('\n')[0], headers[kind]);
    assert.ok(!trust.files[kind].includes('\r'), `${kind} has CR`);
    assert.ok(trust.files[kind].endsWith('\n'));
  }
  assert.deepEqual(trust.organisation, { code: 'SYN01', name: 'Synthetic Demonstration NHS Trust' });
  assert.equal(staff.length, 4000);
  assert.equal(rows(trust, 'applications').length, 30000);
});

test('every ethnicity is recognised and every pay band and staff group parses', () => {
  for (const kind of ['staff', 'applications', 'training', 'board'] as const) {
    for (const row of rows(trust, kind)) {
      assert.ok(matchEthnicity(row.ethnic_category), `${kind}: ${JSON.stringify(row.ethnic_category)}`);
    }
  }
  for (const kind of ['staff', 'applications'] as const) {
    for (const row of rows(trust, kind)) {
      assert.ok(parsePayBand(row.pay_band ?? ''), `${kind}: pay band ${row.pay_band}`);
      assert.ok(parseStaffGroup(row.staff_group ?? ''), `${kind}: staff group ${row.staff_group}`);
    }
  }
  // Every stated code D–S, the unknowns, and some of the other accepted spellings, turn up.
  const codes = new Set(staff.map((s) => matchEthnicity(s.ethnic_category)?.code));
  for (const code of STATED_CODES) assert.ok(codes.has(code), `code ${code} missing`);
  for (const code of ['Z', '99', 'missing'] as const) assert.ok(codes.has(code), `${code} missing`);
  const written = new Set(staff.map((s) => s.ethnic_category));
  assert.ok(written.has('White - British') && written.has('A') && written.has('Not stated'));
  assert.ok(staff.some((s) => matchEthnicity(s.ethnic_category)?.subCode), 'no sub-codes');
});

test('staff: unique ids, plausible mix, about 5% bank, dates before the snapshot', () => {
  assert.equal(staffById.size, staff.length);
  const bankShare = staff.filter(isBank).length / staff.length;
  assert.ok(bankShare > 0.03 && bankShare < 0.07, `bank ${bankShare}`);
  const nonBank = staff.filter((s) => !isBank(s));
  const overall = emShare(nonBank);
  assert.ok(overall > 0.24 && overall < 0.31, `overall ethnic minority share ${overall}`);
  const female = staff.filter((s) => s.gender === 'Female').length / staff.length;
  assert.ok(female > 0.72 && female < 0.82, `female ${female}`);
  for (const s of staff) {
    assert.ok((s.start_date ?? '') <= YEAR_END && iso(s.start_date) === s.start_date, `start ${s.start_date}`);
    const fte = Number(s.fte);
    assert.ok(fte >= 0.4 && fte <= 1, `fte ${s.fte}`);
    assert.ok(Number(s.hourly_pay) >= 12 && Number(s.hourly_pay) <= 100, `pay ${s.hourly_pay}`);
  }
  assert.ok(staff.some((s) => s.directorate === 'HR and Organisational Development'));
  assert.ok(staff.some((s) => s.pay_band === 'VSM' && s.staff_group === 'Administrative and Clerical'));
});

test('the ethnic minority share falls with seniority', () => {
  const nonBank = staff.filter((s) => !isBank(s));
  const low = emShare(nonBank.filter((s) => ['Band 2', 'Band 3', 'Band 4', 'Band 5'].includes(s.pay_band ?? '')));
  const senior = emShare(nonBank.filter((s) => ['Band 8c', 'Band 8d', 'Band 9', 'VSM'].includes(s.pay_band ?? '')));
  assert.ok(low > 0.27 && low < 0.37, `bands 2–5 ${low}`);
  assert.ok(senior < low - 0.1, `bands 2–5 ${low}, 8c and above ${senior}`);
  // Medical: consultants less diverse than trainees.
  const medical = (grades: string[]) => emShare(nonBank.filter((s) => grades.includes(s.pay_band ?? '')));
  const consultants = medical(['Consultant', 'Locum Consultant']);
  const trainees = medical(['Foundation Year 1', 'Foundation Year 2', 'Core Trainee', 'Specialty Registrar']);
  assert.ok(consultants > 0.25 && trainees > consultants, `consultants ${consultants}, trainees ${trainees}`);
});

test('applications: shortlisting, appointment only from shortlisting, and a White/ethnic minority gap', () => {
  const applications = rows(trust, 'applications');
  const count = {
    white: { shortlisted: 0, appointed: 0 },
    ethnicMinority: { shortlisted: 0, appointed: 0 },
    unknown: { shortlisted: 0, appointed: 0 },
  };
  let shortlisted = 0;
  for (const a of applications) {
    if (yes(a.appointed)) assert.ok(yes(a.shortlisted), `${a.application_id} appointed without shortlisting`);
    assert.ok(inYear(iso(a.date)), `${a.application_id} dated ${a.date}`);
    if (!yes(a.shortlisted)) continue;
    shortlisted += 1;
    const c = count[group(a.ethnic_category)];
    c.shortlisted += 1;
    if (yes(a.appointed)) c.appointed += 1;
  }
  const shortlistedShare = shortlisted / applications.length;
  assert.ok(shortlistedShare > 0.25 && shortlistedShare < 0.3, `shortlisted ${shortlistedShare}`);
  const rate = (c: { shortlisted: number; appointed: number }) => c.appointed / c.shortlisted;
  const ratio = rate(count.white) / rate(count.ethnicMinority);
  assert.ok(ratio > 1.2 && ratio < 1.9, `relative likelihood ${ratio}`);
  // Both spellings of yes/no and both date formats are used.
  assert.ok(applications.some((a) => a.shortlisted === 'Y') && applications.some((a) => a.shortlisted === 'Yes'));
  assert.ok(applications.some((a) => a.date?.includes('/')) && applications.some((a) => a.date?.includes('-')));
});

test('disciplinary: every case is for a non-bank member of staff; only a few rows from last year', () => {
  const cases = rows(trust, 'disciplinary');
  let outOfYear = 0;
  for (const c of cases) {
    const person = staffById.get(c.staff_id ?? '');
    assert.ok(person, `${c.case_id}: ${c.staff_id} not in staff`);
    assert.ok(!isBank(person), `${c.case_id}: ${c.staff_id} is bank-only`);
    const date = iso(c.start_date);
    assert.ok(date >= (person.start_date ?? ''), `${c.case_id} before the person started`);
    if (!inYear(date)) {
      outOfYear += 1;
      assert.ok(date >= '2023-04-01' && date < YEAR_START, `${c.case_id} dated ${date}`);
    }
  }
  assert.ok(outOfYear > 0 && outOfYear <= cases.length * 0.2, `out of year ${outOfYear} of ${cases.length}`);
  const ids = cases.map((c) => c.staff_id);
  assert.ok(new Set(ids).size < ids.length, 'expected someone with two cases');
});

test('training: ethnicity blank or agreeing with staff; non-mandatory gap; a few out-of-year rows', () => {
  const training = rows(trust, 'training');
  let blank = 0;
  let outOfYear = 0;
  const accessed = { white: new Set<string>(), ethnicMinority: new Set<string>(), unknown: new Set<string>() };
  for (const t of training) {
    const person = staffById.get(t.staff_id ?? '');
    assert.ok(person, `${t.staff_id} not in staff`);
    if (t.ethnic_category === '') blank += 1;
    else assert.deepEqual(matchEthnicity(t.ethnic_category), matchEthnicity(person.ethnic_category));
    if (!inYear(iso(t.start_date))) {
      outOfYear += 1;
      continue;
    }
    if (t.mandatory === 'No') {
      assert.ok(!isBank(person), 'bank staff with non-mandatory training');
      accessed[group(person.ethnic_category)].add(person.staff_id ?? '');
    }
  }
  assert.ok(blank > 0 && blank < training.length / 3, `blank ${blank}`);
  assert.ok(outOfYear > 0 && outOfYear < training.length * 0.02, `out of year ${outOfYear}`);
  assert.ok(training.filter((t) => t.mandatory === 'Yes').length > training.length / 2);
  const headcount = { white: 0, ethnicMinority: 0, unknown: 0 };
  for (const s of staff) if (!isBank(s)) headcount[group(s.ethnic_category)] += 1;
  const white = accessed.white.size / headcount.white;
  const minority = accessed.ethnicMinority.size / headcount.ethnicMinority;
  assert.ok(white > 0.35 && white < 0.45, `White ${white}`);
  assert.ok(minority > 0.29 && minority < 0.39 && minority < white, `ethnic minority ${minority}`);
});

test('board and survey have the expected shape', () => {
  const board = rows(trust, 'board');
  assert.ok(board.length >= 13 && board.length <= 15);
  const minority = board.filter((m) => group(m.ethnic_category) === 'ethnicMinority').length;
  assert.ok(minority >= 1 && minority <= 3);
  assert.equal(board.filter((m) => m.voting === 'No').length, 2);
  assert.ok(board.filter((m) => m.voting === 'Yes' && m.executive === 'No').length >= 6);

  const allSurvey = rows(trust, 'survey');
  const survey = allSurvey.filter((r) => !r.indicator!.startsWith('WDES'));
  assert.deepEqual(
    survey.map((r) => `${r.indicator}/${r.ethnic_group}`),
    ['5', '6', '7', '8'].flatMap((i) => [`${i}/white`, `${i}/ethnic_minority`]),
  );
  // WDES rows follow: every metric for both groups (8 for Disabled staff only), and the engagement score.
  const wdes = allSurvey.filter((r) => r.indicator!.startsWith('WDES'));
  assert.equal(wdes.length, 7 * 2 + 1 + 3);
  assert.ok(board.filter((m) => m.disability === 'Yes').length === 1);
  const nonBank = staff.filter((s) => !isBank(s));
  const headcount = {
    white: nonBank.filter((s) => group(s.ethnic_category) === 'white').length,
    ethnic_minority: nonBank.filter((s) => group(s.ethnic_category) === 'ethnicMinority').length,
  };
  for (const r of survey) {
    const respondents = Number(r.respondents);
    const share = respondents / headcount[r.ethnic_group as keyof typeof headcount];
    assert.ok(share > 0.38 && share < 0.52, `respondents ${share}`);
    assert.ok(Number(r.positive) <= respondents);
  }
  const positive = (i: string, g: string) => {
    const r = survey.find((s) => s.indicator === i && s.ethnic_group === g) as Row;
    return Number(r.positive) / Number(r.respondents);
  };
  assert.ok(positive('7', 'white') > positive('7', 'ethnic_minority'));
  assert.ok(positive('8', 'white') < positive('8', 'ethnic_minority'));
});

test('rejects nonsense options', () => {
  assert.throws(() => generateSyntheticTrust({ year: 2025.5, seed: 1 }), RangeError);
  assert.throws(() => generateSyntheticTrust({ year: 2025, seed: Number.NaN }), RangeError);
  assert.throws(() => generateSyntheticTrust({ year: 2025, seed: 1, staff: 0 }), RangeError);
  assert.throws(() => generateSyntheticTrust({ year: 2025, seed: 1, applications: -1 }), RangeError);
});

test('a large trust (20,000 staff, 150,000 applications) is generated', () => {
  const large = generateSyntheticTrust({ year: YEAR, seed: 7, staff: 20000, applications: 150000 });
  const lines = (kind: SyntheticFileKind) => large.files[kind].split('\n').length - 2; // header and final LF
  assert.equal(lines('staff'), 20000);
  assert.equal(lines('applications'), 150000);
  assert.ok(lines('disciplinary') > 100);
  assert.ok(lines('training') > 20000);
});

test('writeSyntheticTrust writes the seven files, the WDES narrative and a README', async () => {
  const folder = join(await mkdtemp(join(tmpdir(), 'mirror-synthetic-')), 'trust');
  try {
    const options = { year: YEAR, seed: 5, staff: 300 };
    const { files } = await writeSyntheticTrust(folder, options);
    assert.deepEqual(
      files.map((f) => f.slice(folder.length + 1)),
      [...SYNTHETIC_FILE_KINDS.map((k) => `${k}.csv`), 'wdes_9b.txt', 'README.txt'],
    );
    const expected = generateSyntheticTrust(options);
    for (const kind of SYNTHETIC_FILE_KINDS) assert.equal(await readFile(join(folder, `${kind}.csv`), 'utf8'), expected.files[kind]);
    assert.match(await readFile(join(folder, 'README.txt'), 'utf8'), /SYNTHETIC DATA/);
  } finally {
    await rm(join(folder, '..'), { recursive: true, force: true });
  }
});

test('csvLine writes a record as csv-stringify does: quoted only where a comma, a quote or a line feed needs it', () => {
  const cells = ['plain', 'Smith, J', 'say "hi"', 'two\nlines', 'cr\r', '', ' spaced '];
  assert.equal(csvLine(cells), stringify([cells], { record_delimiter: 'unix' }));
});

test('the same seed gives the same files whether written as they are drawn or made whole in memory', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'mirror-synthetic-'));
  try {
    const options = { year: YEAR, seed: 9, staff: 2500, applications: 4000, gapScale: 1.5 };
    await writeSyntheticTrust(folder, options);
    const whole = generateSyntheticTrust(options);
    for (const kind of SYNTHETIC_FILE_KINDS) assert.equal(await readFile(join(folder, `${kind}.csv`), 'utf8'), whole.files[kind], kind);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
