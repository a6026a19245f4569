/**
 * The pay gap report (docs/methodology.md, "Pay gaps") as a plain-language table for the terminal, and as one tidy
 * CSV row per figure for downloads.
 */
import { stringify } from 'csv-stringify/sync';
import type {
  BonusShare,
  CharacteristicPayGap,
  PayComparison,
  PayFigures,
  PayGapReason,
  PayGapReport,
} from '../paygap/report.ts';
import { neutraliseFormula } from '../util/spreadsheet-safe.ts';
import { count, NO_FIGURE, pct } from './numbers.ts';
import { textTable } from './text-table.ts';

// ------------------------------------------------------------------------------------------------------ table

const money = (n: number | null | undefined) => (n === null || n === undefined ? NO_FIGURE : `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
/** Gaps keep their sign in tables: positive means the group is paid less than the reference group. */
const gap = (n: number | null | undefined) => (n === null || n === undefined ? NO_FIGURE : `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)}%`);
const interval = (ci: readonly [number, number] | null) => (ci ? `${gap(ci[0])} to ${gap(ci[1])}` : NO_FIGURE);
/** Quartile counts can be fractional where people on one rate straddle a boundary. */
const people = (n: number | null | undefined) =>
  n === null || n === undefined ? NO_FIGURE : Number.isInteger(n) ? count(n) : n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

const SHORT_REASONS: Readonly<Record<PayGapReason, string>> = {
  noBonusData: 'no bonus data',
  noPeople: 'nobody',
  tooFewPeople: 'too few people to show',
  protectsAnotherGroup: 'withheld to protect another group',
  withheld: 'withheld: too few people, or to protect another group',
  referenceNoPeople: 'no one to compare with',
  referenceTooFewPeople: 'reference group too small',
  referenceZeroPay: 'reference pay is zero',
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}

function hourlyTable(c: CharacteristicPayGap, rows: readonly PayComparison[]): string {
  const first = rows[0];
  const referenceFigures: PayFigures | undefined = first?.hourlyPay.reference;
  return textTable(
    [
      { heading: 'Group' }, { heading: 'People', align: 'right' }, { heading: 'Mean', align: 'right' },
      { heading: 'Median', align: 'right' }, { heading: 'Mean gap', align: 'right' }, { heading: '95% interval', align: 'right' },
      { heading: 'Median gap', align: 'right' }, { heading: 'Note' },
    ],
    [
      [`${c.reference.label} (reference)`, count(referenceFigures?.people), money(referenceFigures?.mean), money(referenceFigures?.median), '', '', '', ''],
      ...rows.map((r) => [
        r.level === 'specific' ? `  ${r.label}` : r.label,
        count(r.hourlyPay.group.people),
        money(r.hourlyPay.group.mean),
        money(r.hourlyPay.group.median),
        gap(r.meanGapPct),
        interval(r.meanGapCi95),
        gap(r.medianGapPct),
        r.reason ? SHORT_REASONS[r.reason] : r.smallNumbers ? 'small numbers' : '',
      ]),
    ],
  );
}

function share(s: BonusShare): string {
  return s.pct === null ? NO_FIGURE : `${pct(s.pct)} (${count(s.received)} of ${count(s.relevant)})`;
}

function bonusTable(c: CharacteristicPayGap, rows: readonly PayComparison[]): string {
  const first = rows[0];
  return textTable(
    [
      { heading: 'Group' }, { heading: 'Paid a bonus', align: 'right' }, { heading: 'Mean bonus', align: 'right' },
      { heading: 'Median bonus', align: 'right' }, { heading: 'Mean gap', align: 'right' }, { heading: 'Median gap', align: 'right' },
      { heading: 'Note' },
    ],
    [
      [
        `${c.reference.label} (reference)`,
        first ? share(first.bonus.received.reference) : NO_FIGURE,
        money(first?.bonus.bonusPay.reference.mean),
        money(first?.bonus.bonusPay.reference.median),
        '', '', '',
      ],
      ...rows.map((r) => [
        r.level === 'specific' ? `  ${r.label}` : r.label,
        share(r.bonus.received.group),
        money(r.bonus.bonusPay.group.mean),
        money(r.bonus.bonusPay.group.median),
        gap(r.bonus.meanGapPct),
        gap(r.bonus.medianGapPct),
        r.bonus.reason ? SHORT_REASONS[r.bonus.reason] : r.bonus.smallNumbers ? 'small numbers' : '',
      ]),
    ],
  );
}

function quartileTable(c: CharacteristicPayGap): string {
  const q = c.quartiles;
  const cell = (p: number | null | undefined, n: number | null | undefined) => (p === null || p === undefined ? NO_FIGURE : `${pct(p)} (${people(n)})`);
  return textTable(
    [
      { heading: 'Group' }, { heading: 'Lower', align: 'right' }, { heading: 'Lower middle', align: 'right' },
      { heading: 'Upper middle', align: 'right' }, { heading: 'Upper', align: 'right' },
    ],
    [
      ...q.groups.map((g) => [g.label, ...[0, 1, 2, 3].map((i) => cell(g.pct[i], g.people[i]))]),
      ['Everyone ranked', ...q.sizes.map((n) => count(n))],
    ],
  );
}

function countsTable(c: CharacteristicPayGap): string {
  return textTable(
    [
      { heading: 'Group' }, { heading: 'Relevant', align: 'right' }, { heading: 'Share', align: 'right' },
      { heading: 'Full-pay relevant', align: 'right' }, { heading: 'With hourly rate', align: 'right' },
      { heading: 'Paid a bonus', align: 'right' },
    ],
    c.counts.map((r) => [
      r.label, count(r.people.relevant), pct(r.pctOfRelevant), count(r.people.fullPayRelevant), count(r.people.withHourlyPay),
      count(r.people.bonusRecipients),
    ]),
  );
}

function characteristicText(c: CharacteristicPayGap, heading: string): string {
  const rows = Object.values(c.groups).filter((r) => r.level !== 'specific' || (r.people.relevant ?? 1) > 0);
  const lines = [
    `\n${heading}`,
    indent(c.statement),
    '',
    indent('Hourly pay of full-pay relevant employees (a positive gap means the group is paid less than the reference group):'),
    indent(hourlyTable(c, rows)),
    '',
    indent(`Bonus pay: ${c.bonus.statement}`),
  ];
  if (c.bonus.available) lines.push(indent(bonusTable(c, rows)));
  lines.push('', indent(`Quartiles of hourly pay: ${c.quartiles.statement}`), indent(quartileTable(c)));
  const rate = c.statedRate;
  lines.push(
    '',
    indent(`Everyone counted. ${capitalise(rate.name)}: ` +
      (rate.pct === null
        ? 'withheld, because it would reveal a small count.'
        : `${pct(rate.pct)} of relevant employees (${count(rate.stated)} of ${count(rate.total)}) ${rate.meaning}.`)),
    indent(countsTable(c)),
  );
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function paygapText(report: PayGapReport): string {
  const p = report.population;
  const s = report.settings;
  const header = [
    'Pay gaps at the snapshot date (31 March), as the gender pay gap regulations define them',
    indent(
      `Relevant employees: ${count(p.relevant)}${s.includeBankOnly ? ` (including ${count(p.bankOnly)} bank-only staff)` : ' (bank-only staff left out)'}. ` +
        `Full-pay relevant: ${count(p.fullPayRelevant)}, of whom ${count(p.withHourlyPay)} have an hourly rate of pay. ` +
        (p.bonusDataGiven ? `Paid a bonus in the 12 months to the snapshot: ${count(p.bonusRecipients)}.` : 'No bonus pay in the file.'),
    ),
    indent(
      `Pay figures for groups of fewer than ${s.minimumGroupSize} people are not shown. ` +
        (s.forSharing
          ? `Counts of 1 to ${s.minimumCellSize - 1}, and counts that would reveal them, are withheld.`
          : 'Counts are not withheld: this output is for the analyst\'s own use and must not be shared.'),
    ),
    indent(`${report.intervals.meanGap} ${report.intervals.medianGap}${p.bonusDataGiven ? ` ${report.intervals.bonus}` : ''}`),
  ];
  const ethnicityHeading =
    report.settings.ethnicityReference === 'white'
      ? 'Ethnicity pay gap: each group compared with White staff (White British, White Irish and any other White background)'
      : 'Ethnicity pay gap: each group compared with White British staff (White minorities are in the ethnic minority group)';
  return `${[
    header.join('\n'),
    characteristicText(report.gender, 'Gender pay gap: women compared with men (other recorded genders are counted but not in the gap)'),
    characteristicText(report.ethnicity, ethnicityHeading),
    characteristicText(report.disability, 'Disability pay gap: Disabled staff compared with non-disabled staff'),
    report.notes.length > 0 ? `\nNotes\n${report.notes.map((n) => `  - ${n}`).join('\n')}` : '',
  ].filter(Boolean).join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------------ csv

type Cell = string | number | boolean | null;
type Row = [characteristic: string, section: string, group: string, label: string, measure: string, value: Cell, reason: string];

export const PAYGAP_CSV_HEADER = ['characteristic', 'section', 'group', 'label', 'measure', 'value', 'reason'] as const;

function characteristicRows(c: CharacteristicPayGap): Row[] {
  const rows: Row[] = [];
  const add = (section: string, group: string, label: string, measure: string, value: Cell, reason = '') =>
    rows.push([c.id, section, group, label, measure, value, reason]);
  const first = Object.values(c.groups)[0];
  const refLabel = c.reference.label;
  add('reference', c.reference.key, refLabel, 'hourly_people', first?.hourlyPay.reference.people ?? null);
  add('reference', c.reference.key, refLabel, 'hourly_mean', first?.hourlyPay.reference.mean ?? null);
  add('reference', c.reference.key, refLabel, 'hourly_median', first?.hourlyPay.reference.median ?? null);
  if (c.bonus.available && first) {
    add('reference', c.reference.key, refLabel, 'bonus_received', first.bonus.received.reference.received);
    add('reference', c.reference.key, refLabel, 'bonus_received_pct', first.bonus.received.reference.pct);
    add('reference', c.reference.key, refLabel, 'bonus_mean', first.bonus.bonusPay.reference.mean);
    add('reference', c.reference.key, refLabel, 'bonus_median', first.bonus.bonusPay.reference.median);
  }
  for (const r of Object.values(c.groups)) {
    const reason = r.reasonText ?? '';
    add(r.level, r.key, r.label, 'hourly_people', r.hourlyPay.group.people);
    add(r.level, r.key, r.label, 'hourly_mean', r.hourlyPay.group.mean, reason);
    add(r.level, r.key, r.label, 'hourly_median', r.hourlyPay.group.median, reason);
    add(r.level, r.key, r.label, 'mean_gap_pct', r.meanGapPct, reason);
    add(r.level, r.key, r.label, 'mean_gap_ci95_low', r.meanGapCi95?.[0] ?? null, r.meanGapCiNote ?? reason);
    add(r.level, r.key, r.label, 'mean_gap_ci95_high', r.meanGapCi95?.[1] ?? null, r.meanGapCiNote ?? reason);
    add(r.level, r.key, r.label, 'median_gap_pct', r.medianGapPct, reason);
    add(r.level, r.key, r.label, 'small_numbers', r.smallNumbers);
    if (!r.bonus.available) continue;
    const bonusReason = r.bonus.reasonText ?? '';
    add(r.level, r.key, r.label, 'bonus_received', r.bonus.received.group.received);
    add(r.level, r.key, r.label, 'bonus_relevant', r.bonus.received.group.relevant);
    add(r.level, r.key, r.label, 'bonus_received_pct', r.bonus.received.group.pct);
    add(r.level, r.key, r.label, 'bonus_received_pct_ci95_low', r.bonus.received.group.ci95?.[0] ?? null);
    add(r.level, r.key, r.label, 'bonus_received_pct_ci95_high', r.bonus.received.group.ci95?.[1] ?? null);
    add(r.level, r.key, r.label, 'bonus_mean', r.bonus.bonusPay.group.mean, bonusReason);
    add(r.level, r.key, r.label, 'bonus_median', r.bonus.bonusPay.group.median, bonusReason);
    add(r.level, r.key, r.label, 'bonus_mean_gap_pct', r.bonus.meanGapPct, bonusReason);
    add(r.level, r.key, r.label, 'bonus_median_gap_pct', r.bonus.medianGapPct, bonusReason);
  }
  if (!c.bonus.available) add('bonus', '', '', 'not_available', null, c.bonus.reasonText ?? '');
  c.quartiles.names.forEach((name, q) => {
    add(`quartile_${name}`, 'all', 'Everyone ranked', 'people', c.quartiles.sizes[q] ?? null);
    for (const g of c.quartiles.groups) {
      add(`quartile_${name}`, g.key, g.label, 'people', g.people[q] ?? null, g.reason ?? '');
      add(`quartile_${name}`, g.key, g.label, 'pct', g.pct[q] ?? null, g.reason ?? '');
    }
  });
  for (const r of c.counts) {
    add('counts', r.key, r.label, 'relevant', r.people.relevant);
    add('counts', r.key, r.label, 'full_pay_relevant', r.people.fullPayRelevant);
    add('counts', r.key, r.label, 'with_hourly_pay', r.people.withHourlyPay);
    add('counts', r.key, r.label, 'bonus_recipients', r.people.bonusRecipients);
    add('counts', r.key, r.label, 'pct_of_relevant', r.pctOfRelevant);
  }
  add('stated_rate', '', c.statedRate.name, 'stated', c.statedRate.stated);
  add('stated_rate', '', c.statedRate.name, 'total', c.statedRate.total);
  add('stated_rate', '', c.statedRate.name, 'pct', c.statedRate.pct);
  return rows;
}

export function paygapRows(report: PayGapReport): Row[] {
  const p = report.population;
  const rows: Row[] = Object.entries(p).map(([measure, value]) => ['', 'population', 'all', '', measure, value, '']);
  const s = report.settings;
  rows.push(
    ['', 'settings', '', '', 'ethnicity_reference', s.ethnicityReference, ''],
    ['', 'settings', '', '', 'minimum_group_size', s.minimumGroupSize, ''],
    ['', 'settings', '', '', 'for_sharing', s.forSharing, ''],
  );
  for (const c of [report.gender, report.ethnicity, report.disability]) rows.push(...characteristicRows(c));
  return rows;
}

export function paygapCsv(report: PayGapReport): string {
  const rows = paygapRows(report).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell === null ? '' : cell)),
  );
  return stringify([[...PAYGAP_CSV_HEADER], ...rows], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
