import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  application, boardMember, capability, dataset, disciplinary, ids, staff, survey, training,
} from '../../../test/support/builders.ts';
import { MEDICAL_STANDARD, WDES_STANDARD, WRES_STANDARD } from '../standards/index.ts';
import { settingValues } from '../standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import type { WresReport } from '../wres/report.ts';
import type { WdesReport } from '../wdes/report.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { parseScope, scopeDataset, scopeKey, scopeLabel, type Scope } from './scope.ts';
import { scopedCsv, scopedText } from './scoped-outputs.ts';
import { scopedReport } from './scoped-report.ts';

const period = reportingPeriod(2025);
const IN_YEAR = '2024-06-01';

/**
 * A small trust worked by hand. Surgery: 20 White and 10 ethnic minority nurses, and 5 White consultants; 4 White
 * and 3 ethnic minority nurses enter the disciplinary process. Medicine: 30 White and 10 ethnic minority nurses;
 * 1 White nurse enters it. One leaver (not in the staff file) has a case. Applications: 10 nursing (4 without a
 * staff group) and 6 medical.
 */
function trust() {
  const surgeryWhite = ids('SW', 20).map((id) => staff(id, 'A', { directorate: 'Surgery', disability: 'no' }));
  const surgeryMinority = ids('SE', 10).map((id) => staff(id, 'H', { directorate: 'Surgery', disability: 'yes' }));
  const consultants = ids('SC', 5).map((id) => staff(id, 'A', { directorate: 'Surgery', band: 'Consultant', group: 'Medical and Dental' }));
  const medicineWhite = ids('MW', 30).map((id) => staff(id, 'A', { directorate: 'Medicine' }));
  const medicineMinority = ids('ME', 10).map((id) => staff(id, 'H', { directorate: 'Medicine' }));
  return dataset({
    staff: [...surgeryWhite, ...surgeryMinority, ...consultants, ...medicineWhite, ...medicineMinority],
    disciplinary: [
      ...ids('SW', 4).map((id, i) => disciplinary(`D${i}`, id, IN_YEAR)),
      ...ids('SE', 3).map((id, i) => disciplinary(`E${i}`, id, IN_YEAR)),
      disciplinary('M1', 'MW001', IN_YEAR),
      disciplinary('L1', 'LEAVER', IN_YEAR, 'A'),
    ],
    training: [training('SW001', IN_YEAR), training('MW001', IN_YEAR), training('MW002', IN_YEAR)],
    capability: [capability('C1', 'SE001', IN_YEAR), capability('C2', 'MW003', IN_YEAR)],
    applications: [
      ...ids('AN', 6).map((id, i) => application(id, 'A', true, i < 2, { group: 'Nursing and Midwifery Registered', date: IN_YEAR })),
      ...ids('AX', 4).map((id) => application(id, 'H', true, false, { date: IN_YEAR })),
      ...ids('AM', 6).map((id, i) => application(id, 'H', true, i < 1, { group: 'Medical and Dental', band: 'Consultant', date: IN_YEAR })),
    ],
    board: [boardMember('B1', 'A', true, true)],
    survey: [survey('5', 'white', 100, 20)],
    wdesSurvey: [],
    wdesNarrative: { answer: true, text: 'We listen.', file: 'wdes_9b.txt' },
  });
}

describe('reading a scope', () => {
  test('directorate, staff group and medical, with either separator', () => {
    assert.deepEqual(parseScope('directorate=Surgery'), { ok: true, scope: { kind: 'directorate', name: 'Surgery' } });
    assert.deepEqual(parseScope(' directorate : Women\'s and Children\'s '), { ok: true, scope: { kind: 'directorate', name: 'Women\'s and Children\'s' } });
    assert.deepEqual(parseScope('directorate=Estates: North'), { ok: true, scope: { kind: 'directorate', name: 'Estates: North' } });
    assert.deepEqual(parseScope('staff-group=Nursing'), { ok: true, scope: { kind: 'staffGroup', name: 'Nursing and Midwifery Registered' } });
    assert.deepEqual(parseScope('staff_group:AHP'), { ok: true, scope: { kind: 'staffGroup', name: 'Allied Health Professionals' } });
    assert.deepEqual(parseScope('Medical'), { ok: true, scope: { kind: 'medical' } });
    assert.deepEqual(parseScope('organisation'), { ok: true, scope: { kind: 'organisation' } });
  });

  test('clear errors', () => {
    const bad = (raw: string) => {
      const parsed = parseScope(raw);
      assert.ok(!parsed.ok, raw);
      return parsed.message;
    };
    assert.match(bad('ward=North'), /is not a scope: a scope is directorate=NAME, staff-group=NAME or medical/);
    assert.equal(bad('site=North'), 'there is no scope by site: the staff file has no site column');
    assert.match(bad('Surgery'), /is not a scope/);
    assert.match(bad('directorate='), /give the directorate's name/);
    assert.match(bad('staff-group=Porters'), /"Porters" is not a staff group; the staff groups are: Add Prof Scientific and Technic, .*Students/);
  });

  test('keys and labels in plain words', () => {
    const scopes: [Scope, string, string][] = [
      [{ kind: 'directorate', name: 'Surgery' }, 'directorate:Surgery', 'the Surgery directorate'],
      [{ kind: 'directorate', name: 'Surgical Directorate' }, 'directorate:Surgical Directorate', 'Surgical Directorate'],
      [{ kind: 'staffGroup', name: 'Students' }, 'staff-group:Students', 'the Students staff group'],
      [{ kind: 'medical' }, 'medical', 'the medical and dental workforce'],
      [{ kind: 'organisation' }, 'organisation', 'the whole organisation'],
    ];
    for (const [scope, key, label] of scopes) {
      assert.equal(scopeKey(scope), key);
      assert.equal(scopeLabel(scope), label);
      const reparsed = parseScope(key);
      assert.ok(reparsed.ok);
      assert.deepEqual(reparsed.scope, scope);
    }
  });
});

describe('the records of a scope', () => {
  test('a directorate: its staff, their own cases and courses; no applications, board or survey', () => {
    const scoped = scopeDataset(trust(), { kind: 'directorate', name: 'Surgery' });
    assert.ok(scoped.ok);
    const d = scoped.dataset;
    assert.equal(d.staff.length, 35);
    assert.deepEqual(d.disciplinary?.map((r) => r.staffId), ['SW001', 'SW002', 'SW003', 'SW004', 'SE001', 'SE002', 'SE003']);
    assert.deepEqual(d.training?.map((r) => r.staffId), ['SW001']);
    assert.deepEqual(d.capability?.map((r) => r.staffId), ['SE001']);
    assert.equal(d.applications, null);
    assert.equal(d.board, null);
    assert.equal(d.survey, null);
    assert.equal(d.wdesSurvey, null);
    assert.equal(d.wdesNarrative, null);
    assert.ok(scoped.notes.some((n) => /1 disciplinary row is of people not in the staff file \(for example leavers\)/.test(n)));
    assert.ok(scoped.notes.some((n) => /Applications have no directorate/.test(n)));
    assert.ok(scoped.notes.some((n) => /board\.csv, survey\.csv, wdes_9b\.txt are left out/.test(n)));
    assert.deepEqual(Object.keys(scoped.leftOut).sort(), ['applications.csv', 'board.csv', 'survey.csv', 'wdes_9b.txt']);
  });

  test('a directorate is found whatever its case, and is named as the file spells it', () => {
    const scoped = scopeDataset(trust(), { kind: 'directorate', name: 'surgery' });
    assert.ok(scoped.ok);
    assert.deepEqual(scoped.scope, { kind: 'directorate', name: 'Surgery' });
  });

  test('a directorate with nobody in it is an error listing the directorates there are', () => {
    const scoped = scopeDataset(trust(), { kind: 'directorate', name: 'Radiology' });
    assert.ok(!scoped.ok);
    assert.equal(scoped.message, 'nobody in the staff file is in the directorate "Radiology"; the directorates in the staff file are: Medicine, Surgery');
    const none = scopeDataset(dataset({ staff: [staff('X', 'A')] }), { kind: 'directorate', name: 'Surgery' });
    assert.ok(!none.ok);
    assert.match(none.message, /the staff file gives nobody a directorate/);
    const group = scopeDataset(trust(), { kind: 'staffGroup', name: 'Students' });
    assert.ok(!group.ok);
    assert.match(group.message, /staff groups in the staff file are: Medical and Dental, Nursing and Midwifery Registered$/);
  });

  test('a staff group: its staff and the applications to its posts; applications without a staff group are left out', () => {
    const scoped = scopeDataset(trust(), { kind: 'staffGroup', name: 'Nursing and Midwifery Registered' });
    assert.ok(scoped.ok);
    assert.equal(scoped.dataset.staff.length, 70);
    assert.equal(scoped.dataset.applications?.length, 6);
    assert.equal(scoped.dataset.disciplinary?.length, 8);
    assert.ok(scoped.notes.some((n) => n === '4 applications give no staff group, so they are left out.'));
    assert.equal(scoped.leftOut['applications.csv'], undefined);
  });

  test('the medical workforce is the medical report\'s own narrowing, with capability cases kept for WDES', () => {
    const data = trust();
    const scoped = scopeDataset(data, { kind: 'medical' });
    assert.ok(scoped.ok);
    assert.equal(scoped.dataset.staff.length, 5);
    assert.ok(scoped.dataset.staff.every((s) => s.staffGroup === 'Medical and Dental'));
    assert.ok(scoped.dataset.applications?.every((a) => a.staffGroup === 'Medical and Dental'));
    assert.deepEqual(scoped.dataset.capability, []);
    // WRES counted over the scope is what the medical report counts (its counter narrows each record as it comes).
    const overScope = WRES_STANDARD.count(scoped.dataset, period);
    const medical = MEDICAL_STANDARD.count(data, period);
    assert.ok(overScope.ok && medical.ok);
    assert.deepEqual(overScope.value, medical.value.wres);
  });

  test('the whole organisation is the dataset itself', () => {
    const data = trust();
    const scoped = scopeDataset(data, { kind: 'organisation' });
    assert.ok(scoped.ok);
    assert.equal(scoped.dataset, data);
    assert.deepEqual(scoped.notes, []);
  });
});

const options = (suppressBreakdowns: boolean) => ({ policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns, settings: settingValues([]) });
const inputs = (data = trust()) => ({ dataset: data, period, previous: null, notes: [], sources: [] });

describe('a standard\'s whole report for a scope', () => {
  test('WRES for Surgery, counted by hand; what a directorate cannot have says why', () => {
    const result = scopedReport(WRES_STANDARD, inputs(), { kind: 'directorate', name: 'surgery' }, options(false));
    assert.ok(result.ok);
    const report = result.report as unknown as WresReport & { scope: { key: string; label: string; notes: string[] } };
    assert.equal(report.scope.key, 'directorate:Surgery');
    assert.equal(report.scope.label, 'the Surgery directorate');
    assert.equal(report.indicators['1'].overall.total, 35);
    assert.equal(report.indicators['1'].overall.ethnicMinority.count, 10);
    const i3 = report.indicators['3'];
    assert.ok(i3.available);
    assert.deepEqual(i3.groups.white, { ...i3.groups.white, events: 4, population: 25 });
    assert.deepEqual(i3.groups.ethnicMinority, { ...i3.groups.ethnicMinority, events: 3, population: 10 });
    assert.equal(i3.value, (3 / 10) / (4 / 25));
    const i2 = report.indicators['2'];
    assert.ok(!i2.available);
    assert.equal(i2.reason, 'applications.csv has no directorate, so appointment from shortlisting cannot be given for the Surgery directorate');
    const i5 = report.indicators['5'];
    assert.ok(!i5.available);
    assert.equal(i5.reason, 'survey.csv describes the whole organisation, so its figures are not given for the Surgery directorate');
    assert.ok(!report.indicators['9'].available);
  });

  test('WDES for Surgery: capability of its own people; the narrative is the organisation\'s', () => {
    const result = scopedReport(WDES_STANDARD, inputs(), { kind: 'directorate', name: 'Surgery' }, options(false));
    assert.ok(result.ok);
    const report = result.report as unknown as WdesReport;
    const m3 = report.metrics['3'];
    assert.ok(m3.available);
    assert.equal(m3.groups.disabled.events, 1);
    assert.equal(m3.groups.disabled.population, 10);
    assert.equal(m3.groups.nonDisabled.events, 0);
    const m9b = report.metrics['9b'];
    assert.ok(!m9b.available);
    assert.match(m9b.reason, /^wdes_9b\.txt describes the whole organisation/);
  });

  test('the medical standard for a directorate: consultant appointment says applications have no directorate', () => {
    const result = scopedReport(MEDICAL_STANDARD, inputs(), { kind: 'directorate', name: 'Surgery' }, options(false));
    assert.ok(result.ok);
    const appointment = result.report['consultantAppointment'] as { available: boolean; reason: string };
    assert.equal(appointment.available, false);
    assert.match(appointment.reason, /^applications\.csv has no directorate/);
  });

  test('a scope with nobody is a located problem', () => {
    const result = scopedReport(WRES_STANDARD, { ...inputs(), sources: [{ kind: 'staff', file: 'staff.xlsx', sha256: '', rows: 1, encoding: 'utf-8' }] }, { kind: 'directorate', name: 'Radiology' }, options(true));
    assert.ok(!result.ok);
    assert.equal(result.emptyScope, true);
    assert.deepEqual(result.problems[0], {
      file: 'staff.xlsx', column: 'directorate', value: 'Radiology',
      message: 'nobody in the staff file is in the directorate "Radiology"; the directorates in the staff file are: Medicine, Surgery',
    });
  });

  test('text and CSV say which scope they are for', () => {
    const result = scopedReport(WRES_STANDARD, inputs(), { kind: 'directorate', name: 'Surgery' }, options(true));
    assert.ok(result.ok);
    const text = scopedText(WRES_STANDARD, result.scope, result.report);
    assert.ok(text.startsWith('For the Surgery directorate (scope directorate:Surgery).\n- This report is for the Surgery directorate only'));
    const report = result.report as unknown as WresReport;
    assert.ok(text.endsWith(WRES_STANDARD.text(report)));
    const rows = parse(scopedCsv(WRES_STANDARD, result.scope, result.report), { columns: true }) as Record<string, string>[];
    const plain = parse(WRES_STANDARD.csv(report), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, plain.length);
    assert.ok(rows.every((row, i) => row['scope'] === 'directorate:Surgery' && row['indicator'] === plain[i]!['indicator']));
  });
});

describe('disclosure control of a scope', () => {
  /**
   * Three directorates, everyone in the disciplinary process counted by hand:
   * Big 100 White (20 in the process) and 50 ethnic minority (12); Mid 40 (10) and 20 (8); Tiny 10 (2) and 5 (1).
   * In the organisation's breakdown by directorate, Tiny is withheld for its small cells, and then Mid, the smallest
   * other row, so that Tiny cannot be worked out by subtraction.
   */
  function threeDirectorates() {
    const people: ReturnType<typeof staff>[] = [];
    const cases: ReturnType<typeof disciplinary>[] = [];
    const add = (directorate: string, code: string, n: number, inProcess: number) => {
      for (const [i, id] of ids(`${directorate}${code}`, n).entries()) {
        people.push(staff(id, code, { directorate }));
        if (i < inProcess) cases.push(disciplinary(`C${id}`, id, IN_YEAR));
      }
    };
    add('Big', 'A', 100, 20); add('Big', 'H', 50, 12);
    add('Mid', 'A', 40, 10); add('Mid', 'H', 20, 8);
    add('Tiny', 'A', 10, 2); add('Tiny', 'H', 5, 1);
    return dataset({ staff: people, disciplinary: cases });
  }

  const indicator3 = (directorate: string, suppress: boolean) => {
    const result = scopedReport(WRES_STANDARD, inputs(threeDirectorates()), { kind: 'directorate', name: directorate }, options(suppress));
    assert.ok(result.ok);
    return (result.report as unknown as WresReport).indicators['3'];
  };

  test('the organisation\'s report withholds Tiny for small cells and Mid so Tiny cannot be worked out', () => {
    const counted = WRES_STANDARD.count(threeDirectorates(), period);
    assert.ok(counted.ok);
    const whole = WRES_STANDARD.report({ counts: counted.value, previous: null, notes: [], sources: [] }, options(true));
    const i3 = whole.indicators['3'];
    assert.ok(i3.available);
    const rows = Object.fromEntries((i3.breakdowns.directorate ?? []).map((r) => [r.key, r.suppressed]));
    assert.deepEqual(rows, { Big: false, Mid: true, Tiny: true });
  });

  test('a scope shows what the organisation\'s breakdown shows, and withholds what it withholds', () => {
    const big = indicator3('Big', true);
    assert.ok(big.available);
    assert.equal(big.groups.ethnicMinority.events, 12);
    const tiny = indicator3('Tiny', true);
    assert.ok(!tiny.available);
    assert.deepEqual(tiny, { id: '3', title: tiny.title, returnLabel: tiny.returnLabel, available: false, reason: 'fewer than 8 people in a cell for the Tiny directorate, so withheld to protect identities' });
    const mid = indicator3('Mid', true);
    assert.ok(!mid.available);
    assert.equal(mid.reason, 'withheld to protect identities, as the organisation\'s report withholds the Mid directorate in this figure\'s breakdown');
  });

  test('an organisation\'s analysts on screen see every scope\'s figures', () => {
    const tiny = indicator3('Tiny', false);
    assert.ok(tiny.available);
    assert.equal(tiny.groups.ethnicMinority.events, 1);
    const mid = indicator3('Mid', false);
    assert.ok(mid.available);
    assert.equal(mid.groups.ethnicMinority.events, 8);
  });
});
