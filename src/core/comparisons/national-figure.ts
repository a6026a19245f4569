/**
 * A national WRES figure from its counts: the relative likelihood for indicator 2, 3 or 4, oriented exactly as the
 * indicator's definition declares (2 and 4: White rate ÷ ethnic minority rate; 3: ethnic minority rate ÷ White
 * rate), with its Katz 95% interval, by the same function every other relative likelihood in Mirror uses. Only the
 * counts are stored; the ratio is derived here wherever it is shown or used as a funnel plot's target.
 *
 * Worked example (indicator 2): 30,000 of 200,000 White and 14,000 of 150,000 ethnic minority applicants appointed
 * from shortlisting → 0.15 ÷ 0.0933 = 1.61, interval 1.58 to 1.64.
 * Pure: no input or output. See docs/methodology.md, "Comparisons in the app".
 */
import { intervalSentence, ratioSentence } from '../indicators/wording.ts';
import type { RatioDefinition } from '../indicators/definition.ts';
import { WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import type { WresGroup } from '../ethnicity/classifications.ts';
import { relativeLikelihood, type EventCount, type RatioEstimate } from '../stats/relative-likelihood.ts';
import { WRES_2, WRES_3, WRES_4 } from '../wres/definitions.ts';
import type { PeerRatioIndicator } from './peer-funnels.ts';

export type ComparedGroup = Exclude<WresGroup, 'unknown'>;

/** Events among people in each group, nationally (see NationalCount in the store for what they are per indicator). */
export interface NationalCounts {
  readonly white: EventCount;
  readonly ethnicMinority: EventCount;
}

export interface NationalRatio extends RatioEstimate {
  readonly indicator: PeerRatioIndicator;
  readonly orientation: { readonly numerator: ComparedGroup; readonly denominator: ComparedGroup };
  /** Only a ratio above 0 can centre a funnel plot, which is drawn on the logarithm of the ratio. */
  readonly usableAsTarget: boolean;
  /** "White applicants were 1.61 times as likely as ethnic minority applicants to be appointed from shortlisting. …" */
  readonly statement: string;
}

export const NATIONAL_RATIO_DEFINITIONS: Readonly<Record<PeerRatioIndicator, RatioDefinition<WresGroup>>> = { '2': WRES_2, '3': WRES_3, '4': WRES_4 };

function compared(group: WresGroup): ComparedGroup {
  if (group === 'unknown') throw new Error('a WRES ratio never compares the unknown group');
  return group;
}

/** The national figure's relative likelihood and interval, in the indicator's own orientation. */
export function nationalRatio(indicator: PeerRatioIndicator, counts: NationalCounts): NationalRatio {
  const definition = NATIONAL_RATIO_DEFINITIONS[indicator];
  const orientation = { numerator: compared(definition.numeratorGroup), denominator: compared(definition.denominatorGroup) };
  const numerator = counts[orientation.numerator];
  const denominator = counts[orientation.denominator];
  const estimate = relativeLikelihood(numerator, denominator);
  const statement = [
    ratioSentence({
      numeratorLabel: WRES_ETHNICITY.adjective(orientation.numerator), denominatorLabel: WRES_ETHNICITY.adjective(orientation.denominator),
      numerator, denominator, value: estimate.value, ci95: estimate.ci95, undefinedReason: estimate.undefinedReason, wording: definition.wording,
    }),
    intervalSentence(estimate.ci95),
  ].filter(Boolean).join(' ');
  return {
    ...estimate,
    indicator,
    orientation,
    usableAsTarget: estimate.value !== null && Number.isFinite(estimate.value) && estimate.value > 0,
    statement,
  };
}

/** The targets `peerFunnels` takes (`nationalTargets`), from whichever national figures can centre a funnel. */
export function nationalTargetsOf(
  figures: readonly (NationalCounts & { readonly indicator: PeerRatioIndicator })[],
): Partial<Record<PeerRatioIndicator, number>> {
  const targets: Partial<Record<PeerRatioIndicator, number>> = {};
  for (const figure of figures) {
    const ratio = nationalRatio(figure.indicator, figure);
    if (ratio.usableAsTarget && ratio.value !== null) targets[figure.indicator] = ratio.value;
  }
  return targets;
}
