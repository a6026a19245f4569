/**
 * Indicator definitions as data. An indicator declares what it compares, in which orientation, whether its event
 * is good or bad for the person, and where its counts come from; the engine derives every rate, ratio, interval and
 * sentence from stored counts. Adding a standard means declaring its indicators, not writing new arithmetic.
 */
import type { SourceKind } from '../records.ts';

/** Whether the counted event is good for the person (appointment, training) or bad (disciplinary, harassment). */
export type EventPolarity = 'favourable' | 'adverse';

/** Words the engine needs to write a plain-language sentence about an indicator. */
export interface Wording {
  /** Plural noun for the people counted: "applicants", "staff". */
  readonly people: string;
  /** Infinitive phrase: "be appointed from shortlisting". */
  readonly toEvent: string;
  /** Past phrase: "were appointed from shortlisting". */
  readonly eventPast: string;
}

interface IndicatorBase {
  readonly standard: string;
  readonly id: string;
  /** The national definition in plain words, as a user-facing title. */
  readonly title: string;
  /** The label of the national return, kept where an official return requires it. */
  readonly returnLabel: string;
  readonly sources: readonly SourceKind[];
}

/** Share of each group within rows such as pay bands (WRES 1). */
export interface RepresentationDefinition<G extends string> extends IndicatorBase {
  readonly kind: 'representation';
  readonly groups: readonly G[];
}

/** Relative likelihood of an event for one group compared with another (WRES 2–4). */
export interface RatioDefinition<G extends string> extends IndicatorBase {
  readonly kind: 'ratio';
  readonly numeratorGroup: G;
  readonly denominatorGroup: G;
  readonly event: EventPolarity;
  readonly wording: Wording;
  /** Whether the national method pools this year with the previous one (WRES 3). */
  readonly rollingTwoYear: boolean;
}

/** Percentage of each group answering positively to a survey item (WRES 5–8). */
export interface ProportionDefinition<G extends string> extends IndicatorBase {
  readonly kind: 'proportion';
  readonly groups: readonly G[];
  readonly event: EventPolarity;
  /** Completes "x% of White staff …", e.g. "experienced harassment, bullying or abuse from patients". */
  readonly statement: string;
  /** Heading for the count of positive answers in tables: "Experienced", "Believed". */
  readonly countHeading: string;
  /** Key in the survey source, e.g. "5". */
  readonly surveyItem: string;
}

/** Percentage-point gap between a group's share of a body (the board) and of the workforce (WRES 9). */
export interface RepresentationGapDefinition<G extends string> extends IndicatorBase {
  readonly kind: 'representationGap';
  readonly focusGroup: G;
  readonly bodies: readonly { readonly key: string; readonly label: string }[];
}

export type IndicatorDefinition<G extends string> =
  | RepresentationDefinition<G>
  | RatioDefinition<G>
  | ProportionDefinition<G>
  | RepresentationGapDefinition<G>;

/**
 * Which group a ratio above 1 disadvantages: for a favourable event it is the denominator group (they are less
 * likely to get it); for an adverse event it is the numerator group (they are more likely to suffer it).
 */
export function disadvantagedWhenAboveOne<G extends string>(definition: RatioDefinition<G>): G {
  return definition.event === 'favourable' ? definition.denominatorGroup : definition.numeratorGroup;
}
