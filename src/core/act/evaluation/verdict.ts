/**
 * The honest reading of an intervention's evaluation, from the monthly and yearly readings, in plain words. A change
 * is never said to be caused by the intervention: at best it is "consistent with" it.
 */
import type { AnnualEvaluation, ChangeReading, YearFigure } from './annual.ts';
import type { MonthlyEvaluation, MonthlyReading } from './monthly.ts';
import type { EvaluatedMeasure, EvaluationSettings } from './settings.ts';

/**
 * - `not-enough-data`: no reading can be made, and not because the start is recent (too few months before it, no
 *   year before it, or no figure);
 * - `too-early`: too little time since the start for any reading;
 * - `no-sign-of-change`: every reading that can be made shows no change beyond chance or common cause;
 * - `consistent-with-intervention`: a reading shows a change in the better direction and none in the worse;
 * - `wrong-direction`: a reading shows a change in the worse direction and none in the better;
 * - `mixed`: readings show changes both ways.
 */
export type Verdict = 'not-enough-data' | 'too-early' | 'no-sign-of-change' | 'consistent-with-intervention' | 'wrong-direction' | 'mixed';

export const VERDICT_WORDING: Readonly<Record<Verdict, string>> = {
  'not-enough-data': 'Not enough figures to tell',
  'too-early': 'Too early to tell',
  'no-sign-of-change': 'No sign of change',
  'consistent-with-intervention': 'A change consistent with the intervention, which does not prove it caused it',
  'wrong-direction': 'A change in the wrong direction since the intervention started, which does not show it caused it either',
  mixed: 'The readings point both ways, so there is no clear change',
};

const USABLE: readonly (MonthlyReading | ChangeReading)[] = ['improvement', 'concern', 'both', 'no-change'];

/** The verdict from the readings that exist (null for a part not evaluated). */
export function verdictOf(monthly: MonthlyReading | null, annual: ChangeReading | null): Verdict {
  const readings = [monthly, annual].filter((r): r is MonthlyReading | ChangeReading => r !== null);
  const usable = readings.filter((r) => USABLE.includes(r));
  if (usable.length === 0) return readings.includes('too-early') ? 'too-early' : 'not-enough-data';
  const better = usable.some((r) => r === 'improvement' || r === 'both');
  const worse = usable.some((r) => r === 'concern' || r === 'both');
  return better && worse ? 'mixed' : better ? 'consistent-with-intervention' : worse ? 'wrong-direction' : 'no-sign-of-change';
}

const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;
const two = (x: number) => x.toFixed(2);
/** Percentage points with their sign: "+12.0", "−1.9" (a true minus sign), "0.0". */
const points = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(1);

/** What the monthly series says, in one or two sentences. */
export function monthlySentences(m: MonthlyEvaluation, settings: EvaluationSettings): string[] {
  const means = m.meanBefore !== null && m.meanAfter !== null ? ` The mean was ${two(m.meanBefore)} before the start and ${two(m.meanAfter)} since.` : '';
  const special = (kind: string) => {
    const n = m.afterStart.filter((p) => p.pointType === kind).length;
    return `${n} of the ${months(m.monthsAfter)} with a figure since the start`;
  };
  const caution = m.unstableBaseline
    ? [' The months before the start already show special cause variation of their own, so they are not a stable baseline: read this with care.']
    : [];
  switch (m.reading) {
    case 'too-few-before':
      return [`Monthly: ${months(m.monthsBefore)} with a figure before the start; at least ${settings.minimumMonthsBefore} are needed for process limits to judge the months since against.${means}`];
    case 'too-early':
      return [`Monthly: ${months(m.monthsAfter)} with a figure since the start; at least ${settings.minimumMonthsAfter} are needed before a sustained change can show.${means}`];
    case 'no-change':
      return [`Monthly: all ${months(m.monthsAfter)} with a figure since the start are within the common cause variation of the ${months(m.monthsBefore)} before it.${means}${caution.join('')}`];
    case 'improvement':
      return [`Monthly: ${special('special_cause_improvement')} are special cause improvement against the limits of the months before.${means}${caution.join('')}`];
    case 'concern':
      return [`Monthly: ${special('special_cause_concern')} are special cause concern against the limits of the months before: the figure has got worse.${means}${caution.join('')}`];
    case 'both':
      return [
        `Monthly: ${special('special_cause_improvement')} are special cause improvement and ${m.afterStart.filter((p) => p.pointType === 'special_cause_concern').length} special cause concern against the limits of the months before.${means}${caution.join('')}`,
      ];
  }
}

function yearText(f: YearFigure, measure: EvaluatedMeasure): string {
  if (f.value === null || f.ci95 === null) return `${f.year}: no figure`;
  return measure === 'rate'
    ? `${f.year}: ${f.value.toFixed(1)}% (95% interval ${f.ci95[0].toFixed(1)}% to ${f.ci95[1].toFixed(1)}%)`
    : `${f.year}: ${two(f.value)} (95% interval ${two(f.ci95[0])} to ${two(f.ci95[1])})`;
}

/** The first reporting year that begins on or after the start: its first day. */
function firstWholeYearStart(start: string): string {
  const year = Number(start.slice(0, 4));
  return start <= `${year}-04-01` ? `${year}-04-01` : `${year + 1}-04-01`;
}

const chanceWords = (reading: ChangeReading) =>
  reading === 'no-change' ? 'within what chance alone could give' : 'more than chance alone would usually give';

/** What the yearly figures say, in one to three sentences. */
export function annualSentences(a: AnnualEvaluation, measure: EvaluatedMeasure, start: string): string[] {
  switch (a.reading) {
    case 'no-year-before':
      return ['Yearly: no whole reporting year before the start is loaded, so there is nothing to compare with.'];
    case 'too-early': {
      const first = firstWholeYearStart(start);
      return [`Yearly: no whole reporting year since the start has ended yet; the first begins on ${first}.`];
    }
    case 'no-figure':
      return [`Yearly: ${[a.before, a.after].filter((f): f is YearFigure => f !== null).map((f) => yearText(f, measure)).join('; ')}. A year has no figure, so the change cannot be judged.`];
  }
  const sentences = [`Yearly: before the start, ${yearText(a.before as YearFigure, measure)}; after it, ${yearText(a.after as YearFigure, measure)}.`];
  const c = a.change;
  if (c) {
    const amount = measure === 'rate'
      ? `${points(c.estimate)} points (95% interval ${points(c.ci95[0])} to ${points(c.ci95[1])})`
      : `${two(c.estimate)} times what it was (95% interval ${two(c.ci95[0])} to ${two(c.ci95[1])})`;
    sentences.push(`The change, ${amount}, is ${chanceWords(a.reading)}.`);
  }
  const did = a.differenceInDifferences;
  if (a.didReading !== null && did === null) sentences.push('The peers have no figure for one of these years, so there is no comparison with them.');
  if (did && a.didReading) {
    const amount = measure === 'rate'
      ? `${points(did.estimate)} points (95% interval ${points(did.ci95[0])} to ${points(did.ci95[1])}; their change ${points(did.changeWithout)} points)`
      : `${two(did.estimate)} (95% interval ${two(did.ci95[0])} to ${two(did.ci95[1])}; their change ${two(did.changeWithout)} times)`;
    sentences.push(
      a.didReading === 'no-change'
        ? `Where it did not happen, the figure changed by a similar amount: the difference in differences, ${amount}, is within what chance alone could give, so the change here may not be the intervention's.`
        : a.didReading === 'improvement'
          ? `The change here was larger, in the better direction, than where it did not happen: the difference in differences is ${amount}.`
          : `The figure here moved in the worse direction compared with where it did not happen: the difference in differences is ${amount}.`,
    );
  }
  return sentences;
}
