/**
 * Step 2 of the challenge: a plain-language reading of what stands out in a directorate's figures, each sentence
 * with the figure and the counts it rests on, so the team can trace every word to a number (docs/methodology.md,
 * "The #InclusiveHR review"). It reads only what the disclosure-controlled reports give, so nothing withheld there
 * comes back here. Three parts:
 *
 * - the largest gaps: every relative likelihood the directorate has (WRES 3 and 4, WDES 3; appointment figures have
 *   no directorate), furthest from parity first (|ln ratio|), at most three, each with its 95% interval and whether
 *   the interval leaves out 1;
 * - the pay bands: where ethnic minority staff fall away, from indicator 1's Agenda for Change bands (counts
 *   withheld by counts.ts left out): the step up with the lowest step relative likelihood (the pipeline's, Woolf
 *   interval), and the top band shown against the lowest;
 * - the change since last year (core/stats/change-between-years.ts): each figure both years have, with whether
 *   the change is more than chance would usually give.
 *
 * Pure: no I/O.
 */
import type { HeadlineResult } from '../act/headline.ts';
import type { IndicatorDefinition } from '../indicators/definition.ts';
import { formatPct, formatRatio, ratioSentence } from '../indicators/wording.ts';
import { ratioOfRatios } from '../pipeline/pipeline.ts';
import { beyondChance, proportionChange, relativeLikelihoodChange } from '../stats/change-between-years.ts';
import type { Interval } from '../stats/normal.ts';
import type { BandCount } from './counts.ts';

export const GAP_LIMIT = 3;

export interface ReviewIndicator {
  /** "WRES", "WDES". */
  readonly standard: string;
  readonly definition: IndicatorDefinition<string>;
  readonly now: HeadlineResult;
  /** Last year's figure for the directorate; null when there is no report for last year. */
  readonly before: HeadlineResult | null;
}

export interface ReviewInput {
  readonly year: number;
  /** Null when there is no import of the year before, or the directorate had nobody then. */
  readonly previousYear: number | null;
  readonly indicators: readonly ReviewIndicator[];
  /** Bands whose counts may be shown (counts.ts), lowest first; null without a WRES report. */
  readonly bands: readonly BandCount[] | null;
}

/** One count a sentence rests on. */
export interface SentenceCount {
  readonly label: string;
  readonly events: number;
  readonly population: number;
}

export interface ReviewSentence {
  readonly part: 'gaps' | 'bands' | 'change';
  readonly text: string;
  /** Where the figure comes from: "WRES indicator 3", "WRES indicator 1, Band 5 to Band 6". */
  readonly source: string;
  /** The figure as a sentence quotes it, with its interval: "1.52 (95% interval 0.80 to 2.90)"; null for a note. */
  readonly figure: string | null;
  readonly counts: readonly SentenceCount[];
}

export interface Review {
  readonly gaps: readonly ReviewSentence[];
  readonly bands: readonly ReviewSentence[];
  readonly change: readonly ReviewSentence[];
}

const ADJECTIVE: Readonly<Record<string, string>> = { white: 'White', ethnicMinority: 'ethnic minority', disabled: 'Disabled', nonDisabled: 'non-disabled' };
const LABEL: Readonly<Record<string, string>> = { white: 'White', ethnicMinority: 'Ethnic minority', disabled: 'Disabled', nonDisabled: 'Non-disabled' };

const count = (n: number) => n.toLocaleString('en-GB');
const signed = (n: number, digits = 1) => `${n < 0 ? '−' : n > 0 ? '+' : ''}${Math.abs(n).toFixed(digits)}`;
const interval = (ci: Interval, format: (n: number) => string) => `95% interval ${format(ci[0])} to ${format(ci[1])}`;
const labelOf = (group: string) => LABEL[group] ?? group;
const adjectiveOf = (group: string) => ADJECTIVE[group] ?? group;

function chanceWords(ci: Interval | null, noChange: number, what: string): string {
  if (!ci) return 'There is no interval, so chance cannot be judged.';
  return beyondChance(ci, noChange)
    ? `The interval leaves out ${noChange}, so ${what} is more than chance alone would usually give.`
    : `The interval includes ${noChange}, so chance alone could give ${what}.`;
}

function source(i: ReviewIndicator): string {
  return `${i.standard} ${i.standard === 'WDES' ? 'metric' : 'indicator'} ${i.definition.id}`;
}

function gapSentence(i: ReviewIndicator): ReviewSentence | null {
  const d = i.definition;
  if (d.kind !== 'ratio' || !i.now.available) return null;
  const f = i.now.figure;
  const [numerator, denominator] = f.counts;
  if (f.value === null || f.value <= 0 || !numerator || !denominator) return null;
  const likely = ratioSentence({
    numeratorLabel: adjectiveOf(d.numeratorGroup), denominatorLabel: adjectiveOf(d.denominatorGroup), numerator, denominator,
    value: f.value, ci95: f.ci95, undefinedReason: null, wording: d.wording,
  }).replace(/\.$/, '');
  // The figure as the report gives it (in the indicator's own orientation), however the sentence turns it round.
  const ci = ` (relative likelihood ${formatRatio(f.value)}${f.ci95 ? `, ${interval(f.ci95, formatRatio)}` : ''})`;
  const text = `${likely}${ci}: ${count(numerator.events)} of ${count(numerator.population)} ${adjectiveOf(numerator.group)} ${d.wording.people} ` +
    `against ${count(denominator.events)} of ${count(denominator.population)} ${adjectiveOf(denominator.group)} ${d.wording.people}. ` +
    `${chanceWords(f.ci95, 1, 'a gap this size')}${f.smallNumbers ? ' It rests on small numbers.' : ''}`;
  return {
    part: 'gaps', text, source: source(i), figure: `${formatRatio(f.value)}${f.ci95 ? ` (${interval(f.ci95, formatRatio)})` : ''}`,
    counts: [numerator, denominator].map((c) => ({ label: `${labelOf(c.group)} ${d.wording.people}`, events: c.events, population: c.population })),
  };
}

/** The largest gaps, furthest from parity first; or a note of why there are none. */
export function largestGaps(indicators: readonly ReviewIndicator[], limit = GAP_LIMIT): ReviewSentence[] {
  const ratios = indicators.filter((i) => i.definition.kind === 'ratio');
  const gaps = ratios.flatMap((i) => {
    const s = gapSentence(i);
    return s && i.now.available && i.now.figure.value !== null ? [{ s, distance: Math.abs(Math.log(i.now.figure.value)) }] : [];
  }).sort((a, b) => b.distance - a.distance).slice(0, limit).map((g) => g.s);
  const missing = ratios.filter((i) => !i.now.available).map((i) => `${source(i)} (${i.definition.title.charAt(0).toLowerCase()}${i.definition.title.slice(1)}): ${i.now.available ? '' : i.now.reason}`);
  if (missing.length > 0) {
    gaps.push({ part: 'gaps', text: `No figure for ${missing.join('; ')}.`, source: ratios.filter((i) => !i.now.available).map(source).join(', '), figure: null, counts: [] });
  }
  return gaps;
}

/** Where ethnic minority staff fall away in the pay bands shown. */
export function bandReading(bands: readonly BandCount[] | null): ReviewSentence[] {
  if (bands === null) return [];
  const note = (text: string): ReviewSentence[] => [{ part: 'bands', text, source: 'WRES indicator 1', figure: null, counts: [] }];
  if (bands.length < 2) return note('Fewer than two Agenda for Change bands have enough staff to show, so there is no reading of the pay bands.');
  const counted = (b: BandCount): SentenceCount[] => [
    { label: `Ethnic minority staff in ${b.band}`, events: b.ethnicMinority, population: b.ethnicMinority + b.white },
    { label: `White staff in ${b.band}`, events: b.white, population: b.ethnicMinority + b.white },
  ];
  const share = (b: BandCount) => formatPct((b.ethnicMinority / (b.ethnicMinority + b.white)) * 100);
  const steps = bands.slice(1).map((b, k) => {
    const below = bands[k]!;
    return { from: below, to: b, ...ratioOfRatios(b.ethnicMinority, below.ethnicMinority, b.white, below.white) };
  }).filter((s) => s.value !== null);
  const likelihood = (value: number, ci: Interval | null, upper: string, lower: string) => {
    const words = value < 1
      ? `White staff are ${formatRatio(1 / value)} times as likely as ethnic minority staff to be in ${upper} rather than ${lower}`
      : `ethnic minority staff are ${formatRatio(value)} times as likely as White staff to be in ${upper} rather than ${lower}`;
    return `${words}${ci ? ` (relative likelihood ${formatRatio(value)}, ${interval(ci, formatRatio)})` : ''}`;
  };
  const sentences: ReviewSentence[] = [];
  const falls = steps.filter((s) => (s.value as number) < 1).sort((a, b) => (a.value as number) - (b.value as number));
  const worst = falls[0];
  if (worst) {
    sentences.push({
      part: 'bands', source: `WRES indicator 1, ${worst.from.band} to ${worst.to.band}`,
      figure: `${formatRatio(worst.value as number)}${worst.ci95 ? ` (${interval(worst.ci95, formatRatio)})` : ''}`,
      text: `The largest fall is from ${worst.from.band} to ${worst.to.band}: ethnic minority staff are ${share(worst.from)} of ${worst.from.band} ` +
        `(${count(worst.from.ethnicMinority)} of ${count(worst.from.ethnicMinority + worst.from.white)}) and ${share(worst.to)} of ${worst.to.band} ` +
        `(${count(worst.to.ethnicMinority)} of ${count(worst.to.ethnicMinority + worst.to.white)}), so ${likelihood(worst.value as number, worst.ci95, worst.to.band, worst.from.band)}. ` +
        chanceWords(worst.ci95, 1, 'a fall this size'),
      counts: [...counted(worst.from), ...counted(worst.to)],
    });
  } else {
    sentences.push({
      part: 'bands', source: 'WRES indicator 1', figure: null, counts: bands.flatMap(counted),
      text: `Ethnic minority staff do not fall away going up the bands shown: at each step from ${bands[0]!.band} to ${bands[bands.length - 1]!.band} their share holds or grows.`,
    });
  }
  const base = bands[0]!;
  const top = bands[bands.length - 1]!;
  const whole = ratioOfRatios(top.ethnicMinority, base.ethnicMinority, top.white, base.white);
  if (whole.value !== null && bands.length > 2) {
    sentences.push({
      part: 'bands', source: `WRES indicator 1, ${base.band} to ${top.band}`,
      figure: `${formatRatio(whole.value)}${whole.ci95 ? ` (${interval(whole.ci95, formatRatio)})` : ''}`,
      text: `From the lowest band shown to the highest, ethnic minority staff are ${share(base)} of ${base.band} and ${share(top)} of ${top.band}: ` +
        `${likelihood(whole.value, whole.ci95, top.band, base.band)}. ${chanceWords(whole.ci95, 1, 'a difference this size')}`,
      counts: [...counted(base), ...counted(top)],
    });
  }
  return sentences;
}

function changeSentence(i: ReviewIndicator, year: number, previousYear: number): ReviewSentence | null {
  if (!i.before?.available || !i.now.available) return null;
  const [a, b] = [i.before.figure, i.now.figure];
  const d = i.definition;
  const title = `${source(i)} (${d.title.charAt(0).toLowerCase()}${d.title.slice(1)})`;
  if (d.kind === 'ratio' && a.value !== null && b.value !== null) {
    const [an, ad] = a.counts;
    const [bn, bd] = b.counts;
    if (!an || !ad || !bn || !bd) return null;
    const change = relativeLikelihoodChange({ numerator: an, denominator: ad }, { numerator: bn, denominator: bd });
    const ratioPart = change ? `; this year's is ${formatRatio(change.ratio)} times last year's (${interval(change.ci95, formatRatio)}). ${chanceWords(change.ci95, 1, 'a change this size')}` : '. One year has a group with no events, so chance cannot be judged.';
    return {
      part: 'change', source: title.replace(/ \(.*$/, ''), figure: change ? `${formatRatio(change.ratio)} (${interval(change.ci95, formatRatio)})` : null,
      text: `${title}: the relative likelihood went from ${formatRatio(a.value)} in ${previousYear} to ${formatRatio(b.value)} in ${year}${ratioPart}`,
      counts: [[an, previousYear], [ad, previousYear], [bn, year], [bd, year]].map(([c, y]) => {
        const x = c as typeof an;
        return { label: `${labelOf(x.group)} ${d.wording.people}, ${y}`, events: x.events, population: x.population };
      }),
    };
  }
  if (d.kind === 'representation') {
    const [before] = a.counts;
    const [now] = b.counts;
    if (!before || !now || before.population === 0 || now.population === 0) return null;
    const change = proportionChange(before, now);
    if (!change) return null;
    const pct = (c: typeof now) => formatPct((c.events / c.population) * 100);
    const who = adjectiveOf(now.group);
    return {
      part: 'change', source: title.replace(/ \(.*$/, ''), figure: `${signed(change.differencePp)} points (${interval(change.ci95, (n) => signed(n))})`,
      text: `${who.charAt(0).toUpperCase()}${who.slice(1)} staff were ${pct(before)} of the directorate in ${previousYear} (${count(before.events)} of ${count(before.population)}) ` +
        `and ${pct(now)} in ${year} (${count(now.events)} of ${count(now.population)}): a change of ${signed(change.differencePp)} percentage points ` +
        `(${interval(change.ci95, (n) => signed(n))}). ${chanceWords(change.ci95, 0, 'a change this size')}`,
      counts: [{ label: `${labelOf(now.group)} staff, ${previousYear}`, ...before }, { label: `${labelOf(now.group)} staff, ${year}`, ...now }]
        .map(({ label, events, population }) => ({ label, events, population })),
    };
  }
  return null;
}

/** What changed since last year, figure by figure; or a note of why nothing can be said. */
export function changeSinceLastYear(input: ReviewInput): ReviewSentence[] {
  const note = (text: string): ReviewSentence[] => [{ part: 'change', text, source: 'Last year\'s reports', figure: null, counts: [] }];
  if (input.previousYear === null) return note(`There is no report of ${input.year - 1} for the directorate, so nothing can be said about change since last year.`);
  const sentences = input.indicators.flatMap((i) => {
    const s = changeSentence(i, input.year, input.previousYear as number);
    return s ? [s] : [];
  });
  return sentences.length ? sentences : note(`No figure of the directorate can be compared between ${input.previousYear} and ${input.year}: each is missing or withheld in one of the years.`);
}

export function generateReview(input: ReviewInput): Review {
  return { gaps: largestGaps(input.indicators), bands: bandReading(input.bands), change: changeSinceLastYear(input) };
}
