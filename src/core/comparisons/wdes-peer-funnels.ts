/**
 * Comparisons between organisations for WDES: funnel plots of metrics 2 and 3 (relative likelihoods, oriented as
 * the metrics are, so that above 1 Disabled people fare worse) and of the Disabled share of each staff survey
 * metric with a proportion (4a to 8), drawn exactly as the WRES ones are (peer-funnels.ts). Metric 3 is the single
 * year's figure, as WRES indicator 3 is. There is no national WDES figure in Mirror, so every funnel is centred on
 * the pooled peer figure. Only each organisation's headline counts are used. Pure: no input or output.
 */
import { WDES_2, WDES_3, WDES_SURVEY } from '../wdes/definitions.ts';
import type { WdesReport } from '../wdes/report.ts';
import { peerFunnelsOf, type PeerFunnelOptions, type PeerFunnels, type PeerFunnelSet, type PeerOrganisationOf } from './peer-funnels.ts';

export const WDES_PEER_RATIO_METRICS = ['2', '3'] as const;
export const WDES_PEER_SURVEY_METRICS = ['4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8'] as const;
export const WDES_PEER_METRICS = [...WDES_PEER_RATIO_METRICS, ...WDES_PEER_SURVEY_METRICS] as const;
export type WdesPeerMetric = (typeof WDES_PEER_METRICS)[number];

/** "Staff experiencing …" becomes "Disabled staff experiencing …"; metric 8 is about Disabled staff already. */
function surveyTitle(title: string): string {
  return title.startsWith('Disabled') ? title : title.replace(/^Staff/, 'Disabled staff');
}

const survey = Object.fromEntries(WDES_SURVEY.map((d) => [d.surveyItem, d])) as Record<string, (typeof WDES_SURVEY)[number]>;

function bySurveyMetric<T>(value: (definition: (typeof WDES_SURVEY)[number]) => T): Record<(typeof WDES_PEER_SURVEY_METRICS)[number], T> {
  return Object.fromEntries(WDES_PEER_SURVEY_METRICS.map((id) => [id, value(survey[id]!)])) as Record<(typeof WDES_PEER_SURVEY_METRICS)[number], T>;
}

export const WDES_PEER_SET: PeerFunnelSet<WdesPeerMetric> = {
  standard: 'WDES',
  focus: 'disabled',
  ratioIndicators: WDES_PEER_RATIO_METRICS,
  surveyIndicators: WDES_PEER_SURVEY_METRICS,
  titles: { '2': WDES_2.title, '3': WDES_3.title, ...bySurveyMetric((d) => surveyTitle(d.title)) },
  // A favourable experience (reporting harassment, believing in equal opportunities, feeling valued, adjustments made) is better higher.
  higherIsBetter: { '2': false, '3': false, ...bySurveyMetric((d) => d.event === 'favourable') },
};

/** The headline figures of a WDES report that a comparison reads. */
export function wdesPeerReport(report: WdesReport): PeerOrganisationOf<WdesPeerMetric>['report'] {
  const m = report.metrics;
  return {
    year: report.year,
    indicators: {
      '2': m['2'], '3': m['3'], '4a_patients': m['4a_patients'], '4a_managers': m['4a_managers'], '4a_colleagues': m['4a_colleagues'],
      '4b': m['4b'], '5': m['5'], '6': m['6'], '7': m['7'], '8': m['8'],
    },
  };
}

/** Every WDES funnel for a peer group's reports of one year, and the benchmark table. */
export function wdesPeerFunnels(
  year: number,
  organisations: readonly { readonly code: string; readonly name: string; readonly report: WdesReport }[],
  options: PeerFunnelOptions = {},
): PeerFunnels<WdesPeerMetric> {
  return peerFunnelsOf(WDES_PEER_SET, year, organisations.map((o) => ({ code: o.code, name: o.name, report: wdesPeerReport(o.report) })), options);
}
