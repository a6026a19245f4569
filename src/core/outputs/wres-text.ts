/**
 * The WRES report as a person reads it in a terminal: each indicator with its figure, interval, the counts behind
 * it, a plain-language reading and any caution, then its breakdowns.
 */
import type {
  Indicator1,
  Indicator9,
  RatioIndicator,
  SurveyIndicatorResult,
  WresReport,
  WresShares,
} from '../wres/report.ts';
import { count, interval, pct, points, rateAsPct, ratio } from './numbers.ts';
import { breakdownTable, capitalise, heading, longDate, share, unavailableText, verdict } from './sections.ts';
import { textTable } from './text-table.ts';

const BREAKDOWN_TITLES: Readonly<Record<string, string>> = {
  aggregatedEthnicGroup: 'By aggregated ethnic group, each against White staff as a whole',
  ethnicCategory: 'By specific ethnic group, each against White staff as a whole',
  staffGroup: 'By staff group',
  payBand: 'By pay band',
  directorate: 'By directorate',
  internationalRecruit: 'By international recruitment',
  gender: 'By gender',
  disability: 'By disability',
};

const INTERSECTION_TITLES: Readonly<Record<string, string>> = {
  gender: 'gender',
  disability: 'disability status',
  internationalRecruit: 'international recruitment',
};

function unknownDetail(shares: WresShares): string {
  const u = shares.unknown;
  return `${count(u.notStated)} not stated, ${count(u.notKnown)} not known, ${count(u.missing)} blank`;
}

export function indicator1Text(i1: Indicator1): string {
  // A scope's withheld rows (total null) are listed, as withheld; rows with nobody are left out.
  const rows = i1.rows.filter((r) => r.total !== 0);
  const withheld = [i1.overall, ...i1.rows].find((r) => r.suppressed || r.unknownPartsSuppressed);
  const table = textTable(
    [
      { heading: 'Staff' }, { heading: 'Band' }, { heading: 'White', align: 'right' },
      { heading: 'Ethnic minority', align: 'right' }, { heading: 'Unknown', align: 'right' }, { heading: 'Total', align: 'right' },
    ],
    [
      ...rows.map((r) => [r.clusterLabel, r.row, share(r.white), share(r.ethnicMinority), share(r.unknown), count(r.total)]),
      ['Overall workforce', '', share(i1.overall.white), share(i1.overall.ethnicMinority), share(i1.overall.unknown), count(i1.overall.total)],
    ],
  );
  const omitted = i1.rows.length - rows.length;
  return [
    heading(i1.id, i1.title),
    `  ${i1.statement}`,
    `  Unknown ethnicity: ${unknownDetail(i1.overall)}. Bank-only staff left out: ${count(i1.bankOnlyExcluded)}.`,
    table,
    omitted > 0 ? `  (${omitted} rows of the national template with no staff are not shown here; they are in the JSON and CSV.)` : '',
    withheld ? `  Figures shown as ${count(null)} are withheld: ${withheld.suppressionReason ?? 'fewer than 8 people in a cell'}.` : '',
    `\n  The career ladder (Agenda for Change bands, clinical and non-clinical together): ${i1.pipeline.statement}`,
    textTable(
      [
        { heading: 'Band' }, { heading: 'White', align: 'right' }, { heading: 'Ethnic minority', align: 'right' },
        { heading: 'Against the band below', align: 'right' }, { heading: '95% interval' },
        { heading: `Against ${i1.pipeline.base ?? 'the first band'}`, align: 'right' }, { heading: '95% interval' },
      ],
      i1.pipeline.steps.map((s) => [
        s.band, count(s.white), count(s.ethnicMinority), ratio(s.step?.value), interval(s.step?.ci95),
        ratio(s.cumulative?.value), interval(s.cumulative?.ci95),
      ]),
    ),
  ].filter(Boolean).join('\n');
}

const EVENT_HEADINGS: Readonly<Record<string, [string, string]>> = {
  '2': ['appointed', 'shortlisted'],
  '3': ['entered', 'headcount'],
  '4': ['accessed', 'headcount'],
};

export function ratioText(indicator: RatioIndicator, extra: string[] = []): string {
  const [eventHeading, populationHeading] = EVENT_HEADINGS[indicator.id] ?? ['events', 'population'];
  const groups = textTable(
    [
      { heading: 'Group' }, { heading: capitalise(eventHeading), align: 'right' },
      { heading: capitalise(populationHeading), align: 'right' }, { heading: 'Rate', align: 'right' }, { heading: '95% interval' },
    ],
    [
      ['White', indicator.groups.white],
      ['Ethnic minority', indicator.groups.ethnicMinority],
      ['Unknown ethnicity (not in the ratio)', indicator.groups.unknown],
    ].map(([label, g]) => {
      const rate = g as RatioIndicator['groups']['white'];
      return [label as string, count(rate.events), count(rate.population), rateAsPct(rate.rate), interval(rate.ci95, (n) => `${(n * 100).toFixed(1)}%`)];
    }),
  );
  const excluded = Object.entries(indicator.excluded).map(([reason, n]) => `${count(n)} ${reason}`);
  const lines = [
    heading(indicator.id, indicator.title),
    `  Relative likelihood: ${ratio(indicator.value)}`,
    `  ${indicator.statement}`,
    ...verdict(indicator).map((l) => `  ${l}`),
    groups,
    excluded.length > 0 ? `  Left out: ${excluded.join('; ')}.` : '',
    ...extra,
  ];
  const whiteFirst = indicator.orientation.numerator === 'white';
  const groupSides: [string, string] = whiteFirst ? ['White', 'Group'] : ['Group', 'White'];
  const wresSides: [string, string] = whiteFirst ? ['White', 'Ethnic minority'] : ['Ethnic minority', 'White'];
  for (const [key, rows] of Object.entries(indicator.breakdowns)) {
    if (!rows || rows.length === 0) continue;
    const sides = key === 'ethnicCategory' || key === 'aggregatedEthnicGroup' ? groupSides : wresSides;
    lines.push(`\n  ${BREAKDOWN_TITLES[key] ?? key}:`, breakdownTable(rows, sides, eventHeading, populationHeading));
  }
  for (const [key, strata] of Object.entries(indicator.intersections)) {
    for (const stratum of strata ?? []) {
      lines.push(
        `\n  ${stratum.value} (by ${INTERSECTION_TITLES[key] ?? key}): each aggregated ethnic group against White people in the same group:`,
        breakdownTable(stratum.rows, groupSides, eventHeading, populationHeading),
      );
    }
  }
  return lines.filter(Boolean).join('\n');
}

function surveyText(indicator: SurveyIndicatorResult): string {
  const table = textTable(
    [
      { heading: 'Group' }, { heading: indicator.countHeading, align: 'right' }, { heading: 'Respondents', align: 'right' },
      { heading: 'Percentage', align: 'right' }, { heading: '95% interval' }, { heading: 'Note' },
    ],
    (['white', 'ethnicMinority'] as const).map((g) => {
      const r = indicator.groups[g];
      return [
        g === 'white' ? 'White' : 'Ethnic minority', count(r.positive), count(r.respondents), pct(r.pct),
        interval(r.ci95, (n) => `${n.toFixed(1)}%`), r.smallNumbers ? 'fewer than 11 respondents' : '',
      ];
    }),
  );
  return [
    heading(indicator.id, indicator.title),
    `  ${indicator.statement}`,
    indicator.differencePp === null ? '' : `  Difference (ethnic minority less White): ${points(indicator.differencePp)}.`,
    table,
  ].filter(Boolean).join('\n');
}

function indicator9Text(i9: Indicator9): string {
  const table = textTable(
    [
      { heading: 'Board members' }, { heading: 'Ethnic minority', align: 'right' }, { heading: 'Of', align: 'right' },
      { heading: 'Board share', align: 'right' }, { heading: 'Workforce share', align: 'right' }, { heading: 'Difference', align: 'right' },
    ],
    [
      ['Voting', i9.voting],
      ['Executive', i9.executive],
    ].map(([label, g]) => {
      const gap = g as Indicator9['voting'];
      return [label as string, count(gap.boardCount), count(gap.boardTotal), pct(gap.boardPct), pct(gap.workforcePct), points(gap.differencePp)];
    }),
  );
  return [heading(i9.id, i9.title), `  ${i9.voting.statement}`, `  ${i9.executive.statement}`, table].join('\n');
}

export function wresText(report: WresReport, organisation?: string): string {
  const { indicators: i } = report;
  const out: string[] = [
    `Workforce Race Equality Standard ${report.year}${organisation ? `: ${organisation}` : ''}`,
    `Workforce at ${longDate(report.period.snapshot)}; recruitment, disciplinary and training from ${longDate(report.period.start)} to ${longDate(report.period.end)}.`,
    'Ethnic minority means every stated ethnic category other than White (NHS codes D to S); White means codes A, B and C.',
  ];
  if (report.sources.length > 0) {
    out.push(`Files: ${report.sources.map((s) => `${s.file} (${count(s.rows)} rows)`).join(', ')}.`);
  }
  out.push(report.disclosure.breakdownsSuppressed
    ? `Breakdowns withhold any figure resting on fewer than ${report.disclosure.minimumCellSize} people.`
    : 'Breakdowns are NOT suppressed: for the analyst\'s own use only, not for sharing or publication.');
  out.push(indicator1Text(i['1']));
  for (const id of ['2', '3', '4'] as const) {
    const indicator = i[id];
    if (!indicator.available) {
      out.push(unavailableText(indicator));
      continue;
    }
    const extra: string[] = [];
    if (id === '3' && 'rollingTwoYear' in indicator) {
      const rolling = indicator.rollingTwoYear;
      extra.push(rolling.available
        ? `  Two-year figure (${rolling.years[0]} and ${rolling.years[1]} pooled): ${ratio(rolling.value)}. ${rolling.statement}`
        : `  Two-year figure: not available, because ${rolling.reason}.`);
    }
    out.push(ratioText(indicator, extra));
  }
  for (const id of ['5', '6', '7', '8'] as const) {
    const indicator = i[id];
    out.push(indicator.available ? surveyText(indicator) : unavailableText(indicator));
  }
  out.push(i['9'].available ? indicator9Text(i['9']) : unavailableText(i['9']));
  if (report.notes.length > 0) out.push('\nNotes on the data:', ...report.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
