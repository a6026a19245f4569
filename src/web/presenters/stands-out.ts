/**
 * The dashboard's opening: what stands out in the year (core/wres/stands-out.ts chooses), each finding as its
 * sentence, a small picture of the two groups' rates with their 95% intervals (charts/rate-comparison.ts) and a
 * table of the same numbers. Pure.
 */
import { standsOut, type Finding } from '../../core/wres/stands-out.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { chartId, rateComparison } from '../charts/index.ts';
import { SHORT_TITLES } from './dashboard.ts';

const pct = (n: number) => `${n.toFixed(1)}%`;

function findingView(finding: Finding, index: number) {
  const what = finding.kind === 'ratio' ? 'Rate in each group' : 'Percentage of each group';
  return {
    id: finding.id,
    heading: `Indicator ${finding.id}: ${SHORT_TITLES[finding.id]}`,
    sentence: finding.sentence,
    picture: rateComparison(
      finding.groups.map((g) => ({ label: g.label, value: g.pct, ci95: g.ci95 })),
      { id: chartId('stands-out', `${finding.id}-${index}`), title: `Indicator ${finding.id}: ${what.toLowerCase()}`, unit: 'pct' },
    ),
    captionId: `stands-out-caption-${finding.id}`,
    caption: `Indicator ${finding.id}: the numbers in the picture`,
    eventHeading: finding.eventHeading,
    populationHeading: finding.populationHeading,
    groups: finding.groups.map((g) => ({
      label: g.label, events: g.events, population: g.population, pct: pct(g.pct),
      interval: g.ci95 ? `${pct(g.ci95[0])} to ${pct(g.ci95[1])}` : '–',
    })),
  };
}

/** What the dashboard opens with: the findings, what was left out for small numbers, and the words when nothing stands out. */
export function standsOutView(report: WresReport) {
  const result = standsOut(report);
  return {
    findings: result.findings.map(findingView),
    leftOut: result.leftOutForSmallNumbers.map((l) => `indicator ${l.id} (${SHORT_TITLES[l.id]})`),
    judged: result.judged,
  };
}
