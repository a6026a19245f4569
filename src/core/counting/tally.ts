/**
 * The vocabulary of counting people and events (the breakdown dimensions and how each value is labelled) and the
 * growing tally of events and population per category, per dimension value, that every count of people with events
 * and of appointments fills.
 */
import type { CategoryCounts } from '../indicators/characteristic.ts';
import type { ApplicationRecord, StaffRecord } from '../records.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import { memoise } from '../util/memoise.ts';
import { WholeNumberMap } from '../util/whole-number-map.ts';
import { payBandLabel } from '../workforce/pay-band.ts';

/**
 * Which characteristic a count is about. WRES reads ethnicity, WDES disability; the counting rules are the same, so
 * the counting is written once and told where each record keeps the characteristic.
 */
export interface Lens {
  /** The column that holds it on event rows, for messages: "ethnic_category", "disability". */
  readonly column: string;
  /** What it is called in sentences: "ethnic category", "disability". */
  readonly noun: string;
  /** The breakdown that is this characteristic itself, which a breakdown of it cannot use. */
  readonly ownDimension: RatioDimension;
  staff(person: StaffRecord): string;
  application(application: ApplicationRecord): string;
}

export const NOT_RECORDED = 'Not recorded';
export const NOT_IN_STAFF_FILE = 'Not in staff file';

export const RATIO_DIMENSIONS = ['staffGroup', 'payBand', 'directorate', 'internationalRecruit', 'gender', 'disability', 'ethnicity'] as const;
export type RatioDimension = (typeof RATIO_DIMENSIONS)[number];

export interface RatioCounts {
  readonly overall: CategoryCounts;
  /** Counts within each value of a dimension; a dimension the source cannot give is absent. */
  readonly byDimension: Readonly<Partial<Record<RatioDimension, Readonly<Record<string, CategoryCounts>>>>>;
  /** Rows or people left out, by reason, for the method notes. */
  readonly excluded: Readonly<Record<string, number>>;
}

/** A dimension's value for each of RATIO_DIMENSIONS in turn, undefined where the source cannot give it. */
export type DimensionValues = readonly (string | undefined)[];

/** The counts one (category, dimension values) pair adds to: overall first, then each dimension's, in order. */
export type Cells = readonly EventCount[];

interface MutableCount {
  events: number;
  population: number;
}

/** A growing tally of events and population per category, per dimension value. */
export class Tally {
  readonly #skip: number;
  readonly #overall = new Map<string, MutableCount>();
  /** By position in RATIO_DIMENSIONS: value → category → counts; undefined until the dimension is first given. */
  readonly #byDimension: (Map<string, Map<string, MutableCount>> | undefined)[] = RATIO_DIMENSIONS.map(() => undefined);
  readonly excluded: Record<string, number> = {};

  constructor(skip: RatioDimension) {
    this.#skip = RATIO_DIMENSIONS.indexOf(skip);
  }

  /**
   * The counts a category with these dimension values adds to, made (at zero) where they are new, in the order one
   * adding would make them; the caller adds to them and may keep them for the next row of the same pair.
   */
  cells(category: string, dimensions: DimensionValues): MutableCount[] {
    const cells = [cell(this.#overall, category)];
    for (let d = 0; d < RATIO_DIMENSIONS.length; d += 1) {
      const value = dimensions[d];
      if (value === undefined || d === this.#skip) continue;
      let byValue = this.#byDimension[d];
      if (!byValue) {
        byValue = new Map();
        this.#byDimension[d] = byValue;
      }
      let counts = byValue.get(value);
      if (!counts) {
        counts = new Map();
        byValue.set(value, counts);
      }
      cells.push(cell(counts, category));
    }
    return cells;
  }

  exclude(reason: string): void {
    this.excluded[reason] = (this.excluded[reason] ?? 0) + 1;
  }

  result(): RatioCounts {
    const byDimension: Partial<Record<RatioDimension, Record<string, CategoryCounts>>> = {};
    RATIO_DIMENSIONS.forEach((dimension, d) => {
      const byValue = this.#byDimension[d];
      if (byValue) byDimension[dimension] = Object.fromEntries([...byValue].map(([value, counts]) => [value, freeze(counts)]));
    });
    return { overall: freeze(this.#overall), byDimension, excluded: { ...this.excluded } };
  }
}

function cell(map: Map<string, MutableCount>, category: string): MutableCount {
  let count = map.get(category);
  if (!count) {
    count = { events: 0, population: 0 };
    map.set(category, count);
  }
  return count;
}

function freeze(map: Map<string, EventCount>): CategoryCounts {
  return Object.fromEntries([...map].map(([k, v]) => [k, { events: v.events, population: v.population }]));
}

/** Adds one to `kind` in every cell. */
export function bump(cells: readonly MutableCount[], kind: 'events' | 'population', by = 1): void {
  for (const count of cells) count[kind] += by;
}

function yesNoLabel(value: boolean | null): string {
  if (value === null) return NOT_RECORDED;
  return value ? 'Internationally recruited' : 'Not internationally recruited';
}

/** Gender as intersections show it: women, men, or everyone else together (too few to show apart). */
export function genderLabel(raw: string | null): string {
  return raw === null ? NOT_RECORDED : genderOfText(raw);
}

const genderOfText = memoise((raw: string): string => {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return NOT_RECORDED;
  if (['female', 'f', 'woman', 'women'].includes(key)) return 'Women';
  if (['male', 'm', 'man', 'men'].includes(key)) return 'Men';
  return 'Another gender or not stated';
});

/** Disability as intersections show it. */
export function disabilityLabel(status: string): string {
  return status === 'yes' ? 'Disabled' : status === 'no' ? 'Non-disabled' : 'Disability not declared';
}

/** The WRES group as intersections show it. */
export function ethnicityLabel(code: string): string {
  if (code === 'A' || code === 'B' || code === 'C') return 'White';
  if (code === 'Z' || code === '99' || code === 'missing') return 'Ethnicity not known';
  return 'Ethnic minority';
}

/** A staff member's value of each dimension, in RATIO_DIMENSIONS order. */
export function staffDimensions(person: StaffRecord): DimensionValues {
  return [
    person.staffGroup,
    payBandLabel(person.payBand),
    person.directorate ?? NOT_RECORDED,
    yesNoLabel(person.internationalRecruit),
    genderLabel(person.gender),
    disabilityLabel(person.disability),
    ethnicityLabel(person.ethnicity.code),
  ];
}

/** An applicant's value of each dimension, in RATIO_DIMENSIONS order (applications give no directorate). */
export function applicationDimensions(application: ApplicationRecord): DimensionValues {
  return [
    application.staffGroup ?? NOT_RECORDED,
    application.payBand ? payBandLabel(application.payBand) : NOT_RECORDED,
    undefined,
    yesNoLabel(application.internationalRecruit),
    genderLabel(application.gender),
    disabilityLabel(application.disability),
    ethnicityLabel(application.ethnicity.code),
  ];
}

/** Everyone with an event who is not in the staff file has this value in every dimension. */
export const LEAVER_DIMENSIONS: DimensionValues = RATIO_DIMENSIONS.map(() => NOT_IN_STAFF_FILE);

const KEY_RADIX = 64;

/**
 * A number naming a (category, dimension values) pair, from small numbers given to each value as it is first met,
 * so rows alike are found alike without building a text key for each; a text key where a value's number would
 * not fit (more than 64 values of one dimension).
 */
export class PairKeys {
  readonly #numbers: Map<string, number>[] = [new Map(), ...RATIO_DIMENSIONS.map(() => new Map<string, number>())];

  key(category: string, dimensions: DimensionValues): number | string {
    let key = this.#number(0, category);
    for (let d = 0; d < RATIO_DIMENSIONS.length && key >= 0; d += 1) {
      const value = dimensions[d];
      const number = value === undefined ? 0 : this.#number(d + 1, value);
      key = number < 0 ? -1 : key * KEY_RADIX + number;
    }
    return key >= 0 ? key : `${category}\u0000${dimensions.map((value) => value ?? '\u0001').join('\u0000')}`;
  }

  /** The value's number in its place (place 0 is the category), from 1; -1 when there are too many to fit. */
  #number(place: number, value: string): number {
    const numbers = this.#numbers[place] as Map<string, number>;
    let number = numbers.get(value);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(value, number);
    }
    return number < KEY_RADIX ? number : -1;
  }
}

/**
 * Each (category, dimension values) pair numbered 0, 1, 2… in the order first met, by its PairKeys key: a number key
 * in an open-addressing table (core/util/whole-number-map.ts; at 200,000 staff there are tens of thousands of pairs,
 * and a Map kept each key above 2^31 as a number object of its own, so a look-up meant several reads far apart in
 * memory), a text key in a Map.
 */
export class PairNumbers {
  readonly #keys = new PairKeys();
  readonly #byNumber = new WholeNumberMap();
  readonly #byText = new Map<string, number>();
  #size = 0;

  /** How many pairs have been numbered. */
  get size(): number {
    return this.#size;
  }

  /** The pair's number: its own if it was met before, otherwise the next (`size` before it was met). */
  numberOf(category: string, dimensions: DimensionValues): number {
    const key = this.#keys.key(category, dimensions);
    if (typeof key === 'string') {
      let number = this.#byText.get(key);
      if (number === undefined) {
        number = this.#size++;
        this.#byText.set(key, number);
      }
      return number;
    }
    const number = this.#byNumber.get(key);
    if (number !== -1) return number;
    this.#byNumber.set(key, this.#size);
    return this.#size++;
  }
}
