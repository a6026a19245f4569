/** Pay gaps by gender, ethnicity and disability, declared through the Standard contract. */
import { paygapCsv, paygapText } from '../outputs/paygap-outputs.ts';
import type { EthnicityReference } from '../paygap/definitions.ts';
import { payPerson, type PayPerson } from '../paygap/pay-person.ts';
import { DEFAULT_PAY_GAP_POLICY, payGapReport, type CharacteristicPayGap, type PayGapReport } from '../paygap/report.ts';
import type { PageSection } from './standard.ts';
import type { Standard } from './standard.ts';

const CHARACTERISTICS = ['gender', 'ethnicity', 'disability'] as const;

const fixed = (n: number | null, digits: number) => (n === null ? null : n.toFixed(digits));

/** One section per characteristic: each compared group's people, mean and median hourly pay, and the gaps. */
function payGapSection(gap: CharacteristicPayGap): PageSection {
  const reference = Object.values(gap.groups)[0]?.hourlyPay.reference;
  return {
    id: gap.id,
    heading: gap.title,
    summary: gap.statement,
    columns: [
      { key: 'group', label: 'Group', numeric: false },
      { key: 'people', label: 'People', numeric: true },
      { key: 'mean', label: 'Mean hourly pay (£)', numeric: true },
      { key: 'median', label: 'Median hourly pay (£)', numeric: true },
      { key: 'meanGap', label: 'Mean gap (%)', numeric: true },
      { key: 'interval', label: '95% interval (%)', numeric: false },
      { key: 'medianGap', label: 'Median gap (%)', numeric: true },
    ],
    rows: [
      { group: `${gap.reference.label} (reference)`, people: reference?.people ?? null, mean: fixed(reference?.mean ?? null, 2), median: fixed(reference?.median ?? null, 2), meanGap: null, interval: null, medianGap: null },
      ...Object.values(gap.groups).map((g) => ({
        group: g.label,
        people: g.hourlyPay.group.people,
        mean: fixed(g.hourlyPay.group.mean, 2),
        median: fixed(g.hourlyPay.group.median, 2),
        meanGap: fixed(g.meanGapPct, 1),
        interval: g.meanGapCi95 ? `${g.meanGapCi95[0].toFixed(1)} to ${g.meanGapCi95[1].toFixed(1)}` : null,
        medianGap: fixed(g.medianGapPct, 1),
      })),
    ],
    notes: Object.values(gap.groups).filter((g) => g.reasonText).map((g) => `${g.label}: ${g.reasonText}`),
  };
}

export const PAY_GAP_STANDARD: Standard<PayPerson[], PayGapReport> = {
  id: 'paygap',
  shortName: 'Pay gaps',
  name: 'Pay gaps by gender, ethnicity and disability',
  description: 'Calculate gender, ethnicity and disability pay gaps (hourly pay, bonuses and quartiles) from a folder\'s staff file.',
  characteristic: 'several',
  folderHelp: 'folder holding staff.csv or staff.xlsx (hourly_pay, and optionally bonus_pay and full_pay)',
  unsuppressedHelp: "show counts of 1 to 7 too: for the analyst's own use, never for sharing (pay figures still follow --min-group)",
  files: { required: ['staff'], optional: [] },
  indicators: [],
  previousYearUse: null,
  usesReportingYear: false,
  csvFirstColumn: 'characteristic',
  settings: [
    {
      kind: 'choice', name: 'ethnicity-reference', choices: ['white', 'white-british'], default: 'white',
      description: 'reference group for ethnicity: White (A, B, C) as in WRES, or White British (A) as in the government\'s ethnicity pay guidance',
    },
    {
      kind: 'whole', name: 'min-group', min: 1, max: 1000, default: DEFAULT_PAY_GAP_POLICY.minimumGroupSize,
      description: 'fewest people a pay figure (mean, median, gap, quartile share) may rest on',
    },
    { kind: 'flag', name: 'exclude-bank', description: 'leave out bank-only staff (the regulations count every employee, so they are included by default)' },
  ],
  count: (dataset) => ({ ok: true, value: dataset.staff.map(payPerson) }),
  report({ counts }, { suppressBreakdowns, settings }) {
    const reference: EthnicityReference = settings['ethnicity-reference'] === 'white-british' ? 'whiteBritish' : 'white';
    return payGapReport(counts, {
      ethnicityReference: reference,
      policy: { minimumGroupSize: Number(settings['min-group'] ?? DEFAULT_PAY_GAP_POLICY.minimumGroupSize) },
      forSharing: suppressBreakdowns,
      includeBankOnly: settings['exclude-bank'] !== true,
    });
  },
  text: paygapText,
  csv: paygapCsv,
  sections: (report) => CHARACTERISTICS.map((c) => payGapSection(report[c])),
};
