/**
 * The WDES report in a terminal: each metric with its figure, the counts behind it, the declaration rate and a
 * plain-language reading, arranged from the same sections as the WRES report.
 */
import type { GroupRate } from '../stats/relative-likelihood.ts';
import type { DeclarationRate, DisabilityShares, Metric1, Metric10, RatioMetric, SurveyMetric, WdesReport } from '../wdes/report.ts';
import { count, interval, pct, points, rateAsPct, ratio } from './numbers.ts';
import { breakdownTable, heading, longDate, share, unavailableText, verdict } from './sections.ts';
import { textTable } from './text-table.ts';

const METRIC = 'Metric';

/** How the split metric 4a reads in headings: "4a (i)", not the key "4a_patients". */
const DISPLAY_ID: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

const BREAKDOWN_TITLES: Readonly<Record<string, string>> = {
  staffGroup: 'By staff group',
  payBand: 'By pay band',
  directorate: 'By directorate',
  internationalRecruit: 'By international recruitment',
  gender: 'By gender',
  ethnicity: 'By ethnicity (White, ethnic minority)',
};

function declared(rate: DeclarationRate, who: string): string {
  return `Declaration rate: ${count(rate.declared)} of ${count(rate.total)} ${who} (${pct(rate.pct)}) said whether they are Disabled.`;
}

function sharesRow(label: string, row: string, s: DisabilityShares): string[] {
  return [label, row, share(s.disabled), share(s.nonDisabled), share(s.unknown), count(s.total), pct(s.declarationRate.pct)];
}

function metric1Text(m: Metric1): string {
  // A scope's withheld clusters (total null) are listed, as withheld; clusters with nobody are left out.
  const rows = m.clusters.filter((c) => c.total !== 0);
  const withheld = [m.overall, ...m.clusters].find((c) => c.suppressed || c.unknownPartsSuppressed);
  return [
    heading(m.id, m.title, METRIC),
    `  ${m.statement}`,
    textTable(
      [
        { heading: 'Staff' }, { heading: 'Cluster' }, { heading: 'Disabled', align: 'right' }, { heading: 'Non-disabled', align: 'right' },
        { heading: 'Not declared', align: 'right' }, { heading: 'Total', align: 'right' }, { heading: 'Declared', align: 'right' },
      ],
      [...rows.map((c) => sharesRow(c.clusterLabel, c.row, c)), sharesRow('Overall workforce', '', m.overall)],
    ),
    ...(withheld ? [`  Figures shown as ${count(null)} are withheld: ${withheld.suppressionReason ?? 'fewer than 8 people in a cell'}.`] : []),
    `\n  The career ladder (Agenda for Change bands, clinical and non-clinical together): ${m.pipeline.statement}`,
    textTable(
      [
        { heading: 'Band' }, { heading: 'Non-disabled', align: 'right' }, { heading: 'Disabled', align: 'right' },
        { heading: 'Against the band below', align: 'right' }, { heading: '95% interval' },
        { heading: `Against ${m.pipeline.base ?? 'the first band'}`, align: 'right' }, { heading: '95% interval' },
      ],
      m.pipeline.steps.map((s) => [
        s.band, count(s.nonDisabled), count(s.disabled), ratio(s.step?.value), interval(s.step?.ci95),
        ratio(s.cumulative?.value), interval(s.cumulative?.ci95),
      ]),
    ),
  ].join('\n');
}

function groupsTable(groups: readonly [string, GroupRate][], events: string, population: string): string {
  return textTable(
    [{ heading: 'Group' }, { heading: events, align: 'right' }, { heading: population, align: 'right' }, { heading: 'Rate', align: 'right' }, { heading: '95% interval' }],
    groups.map(([label, g]) => [label, count(g.events), count(g.population), rateAsPct(g.rate), interval(g.ci95, (n) => `${(n * 100).toFixed(1)}%`)]),
  );
}

function ratioText(m: RatioMetric, events: string, population: string, extra: string[] = []): string {
  const lines = [
    heading(m.id, m.title, METRIC),
    `  Relative likelihood: ${ratio(m.value)}`,
    `  ${m.statement}`,
    ...verdict(m).map((l) => `  ${l}`),
    `  ${declared(m.declarationRate, m.id === '2' ? 'shortlisted applicants' : 'staff')}`,
    groupsTable([['Disabled', m.groups.disabled], ['Non-disabled', m.groups.nonDisabled], ['Not declared (not in the ratio)', m.groups.unknown]], events, population),
    ...extra,
  ];
  const sides: [string, string] = m.orientation.numerator === 'nonDisabled' ? ['Non-disabled', 'Disabled'] : ['Disabled', 'Non-disabled'];
  for (const [key, rows] of Object.entries(m.breakdowns)) {
    if (rows && rows.length > 0) lines.push(`\n  ${BREAKDOWN_TITLES[key] ?? key}:`, breakdownTable(rows, sides, events.toLowerCase(), population.toLowerCase()));
  }
  return lines.join('\n');
}

function surveyText(m: SurveyMetric): string {
  const groups = (['disabled', 'nonDisabled'] as const).filter((g) => m.groups[g] !== undefined);
  return [
    heading(DISPLAY_ID[m.id] ?? m.id, m.title, METRIC),
    `  ${m.statement}`,
    m.differencePp === null ? '' : `  Difference (Disabled less non-disabled): ${points(m.differencePp)}.`,
    textTable(
      [{ heading: 'Group' }, { heading: m.countHeading, align: 'right' }, { heading: 'Respondents', align: 'right' }, { heading: 'Percentage', align: 'right' }, { heading: '95% interval' }],
      groups.map((g) => {
        const r = m.groups[g];
        return [g === 'disabled' ? 'Disabled' : 'Non-disabled', count(r.positive), count(r.respondents), pct(r.pct), interval(r.ci95, (n) => `${n.toFixed(1)}%`)];
      }),
    ),
  ].filter(Boolean).join('\n');
}

function metric10Text(m: Metric10): string {
  const bodies = [['Voting', m.voting], ['Non-voting', m.nonVoting], ['Executive', m.executive], ['Non-executive', m.nonExecutive]] as const;
  return [
    heading(m.id, m.title, METRIC),
    `  ${m.voting.statement}`,
    `  ${declared(m.declarationRate, 'board members')}`,
    textTable(
      [
        { heading: 'Board members' }, { heading: 'Disabled', align: 'right' }, { heading: 'Of', align: 'right' },
        { heading: 'Board share', align: 'right' }, { heading: 'Workforce share', align: 'right' }, { heading: 'Difference', align: 'right' },
      ],
      bodies.map(([label, b]) => [label, count(b.boardCount), count(b.boardTotal), pct(b.boardPct), pct(b.workforcePct), points(b.differencePp)]),
    ),
  ].join('\n');
}

export function wdesText(report: WdesReport): string {
  const { metrics: m } = report;
  const out: string[] = [
    `Workforce Disability Equality Standard ${report.year}`,
    `Workforce at ${longDate(report.period.snapshot)}; recruitment and capability cases from ${longDate(report.period.start)} to ${longDate(report.period.end)}.`,
    `${declared(report.declarationRate, 'staff')} Low declaration is itself a finding.`,
    metric1Text(m['1']),
  ];
  out.push(m['2'].available ? ratioText(m['2'], 'Appointed', 'Shortlisted') : unavailableText(m['2'], METRIC));
  if (m['3'].available) {
    const rolling = m['3'].rollingTwoYear;
    out.push(ratioText(m['3'], 'Entered', 'Headcount', [rolling.available
      ? `  Two-year figure (${rolling.years[0]} and ${rolling.years[1]} pooled): ${ratio(rolling.value)}. ${rolling.statement}`
      : `  Two-year figure: not available, because ${rolling.reason}.`]));
  } else out.push(unavailableText(m['3'], METRIC));
  for (const id of ['4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8'] as const) {
    const metric = m[id];
    out.push(metric.available ? surveyText(metric) : unavailableText({ ...metric, id: DISPLAY_ID[metric.id] ?? metric.id }, METRIC));
  }
  const m9a = m['9a'];
  out.push(m9a.available
    ? [heading(m9a.id, m9a.title, METRIC), `  ${m9a.statement}`, textTable(
      [{ heading: 'Group' }, { heading: 'Respondents', align: 'right' }, { heading: 'Score (0 to 10)', align: 'right' }],
      (['disabled', 'nonDisabled', 'overall'] as const).filter((g) => m9a.groups[g]).map((g) => [
        g === 'disabled' ? 'Disabled' : g === 'nonDisabled' ? 'Non-disabled' : 'Whole organisation', count(m9a.groups[g]?.respondents), m9a.groups[g]?.score?.toFixed(1) ?? '–',
      ]),
    )].join('\n')
    : unavailableText(m9a, METRIC));
  const m9b = m['9b'];
  out.push(m9b.available
    ? [heading(m9b.id, m9b.title, METRIC), `  Answer: ${m9b.answer === null ? 'not given' : m9b.answer ? 'yes' : 'no'}.`, ...m9b.narrative.split('\n').map((l) => `  ${l}`)].join('\n')
    : unavailableText(m9b, METRIC));
  out.push(m['10'].available ? metric10Text(m['10']) : unavailableText(m['10'], METRIC));
  if (report.notes.length > 0) out.push('\nNotes on the data:', ...report.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
