/**
 * The equations a reader knows between the figures of a relative-likelihood indicator (WRES 2 to 4, WDES 2 and 3,
 * the medical workforce's 2 to 4), read from the report as published (with disclosure control) beside the same
 * report unsuppressed (the truth). Every count is a variable: for each row of each breakdown and each compared group,
 * its events, its people and its people without the event.
 *
 * What holds whatever the data:
 * - people without the event = people − events;
 * - the rows of a breakdown by staff group, band, directorate, … add up to the headline, in both groups;
 * - specific ethnic groups add up to the ethnic minority headline, and to their aggregated group; aggregated groups
 *   to the headline; the White side of each of their rows is the White headline itself (so it is no secret, and is
 *   left out);
 * - within each value of a second characteristic, the aggregated groups add up to that value's ethnic minority row of
 *   the matching breakdown, and their White side is that row's White side (one count, published if any row shows
 *   it); across the values (and the people whose value is not recorded, who are never shown by group) they add up to
 *   the aggregated group.
 *
 * A breakdown the published report leaves out is still there for the equations, withheld whole.
 */
import type { DisclosureModel, Bounds, Forbidden } from './differencing.ts';

interface Rate {
  readonly events: number;
  readonly population: number;
}

interface Row {
  readonly key: string;
  readonly suppressed: boolean;
  readonly suppressionReason?: string | null;
  readonly numerator: Rate | null;
  readonly denominator: Rate | null;
}

export interface RatioJson {
  readonly available: boolean;
  readonly orientation?: { readonly numerator: string; readonly denominator: string };
  readonly groups?: Readonly<Record<string, Rate>>;
  readonly breakdowns?: Readonly<Record<string, readonly Row[] | undefined>>;
  readonly intersections?: Readonly<Record<string, readonly { readonly value: string; readonly rows: readonly Row[] }[] | undefined>>;
}

export interface EthnicStructure {
  /** The group every specific row is compared with ("white"), and the group the specific rows make up. */
  readonly reference: string;
  readonly specific: string;
  /** Aggregated group key → the specific keys it is made of. */
  readonly aggregated: Readonly<Record<string, readonly string[]>>;
}

const COMPONENTS = ['events', 'people', 'without'] as const;
const ETHNIC = ['ethnicCategory', 'aggregatedEthnicGroup'];
/** Values of a second characteristic that intersections leave out. */
const UNRECORDED = ['Not recorded', 'Not in staff file'];

/**
 * What a withheld row's reason tells a reader: a row withheld only so that another cannot be worked out has no
 * count of 1 to 7 itself, so each of its counts is 0 or at least 8.
 */
function boundsOf(published: Row | undefined, minimumCellSize: number): Bounds {
  const reason = published?.suppressionReason ?? '';
  return published?.suppressed && /subtraction/.test(reason) && !/fewer than/.test(reason) ? { gapBelow: minimumCellSize } : {};
}

function componentsOf(rate: Rate): Record<(typeof COMPONENTS)[number], number> {
  return { events: rate.events, people: rate.population, without: rate.population - rate.events };
}

/**
 * Defines a row's variables (published or withheld) and its "people − events" equations; returns its name. A side
 * named in `skip` is left out: in the rows of specific ethnic groups the White side is the White headline itself.
 */
function row(model: DisclosureModel, name: string, published: Row | undefined, truth: Row, groups: { numerator: string; denominator: string }, skip: string | null = null, forbidden?: Forbidden): string {
  for (const side of ['numerator', 'denominator'] as const) {
    const group = groups[side];
    if (group === skip) continue;
    const t = truth[side];
    if (!t) throw new Error(`${name}: the unsuppressed report withholds a row`);
    const shown = published && !published.suppressed ? published[side] : null;
    const truthValues = componentsOf(t);
    const shownValues = shown ? componentsOf(shown) : null;
    const bounds = boundsOf(published, 8);
    for (const c of COMPONENTS) model.observe(`${name}/${group}.${c}`, shownValues?.[c], truthValues[c], forbidden, bounds);
    model.equation([[`${name}/${group}.people`, 1], [`${name}/${group}.events`, -1], [`${name}/${group}.without`, -1]]);
  }
  return name;
}

/**
 * Adds one indicator to the model under `prefix`. The headline is taken as published when the published indicator
 * is available, and withheld otherwise (the medical workforce's headline is itself a staff group).
 */
export function addRatioIndicator(model: DisclosureModel, prefix: string, published: RatioJson, truth: RatioJson, ethnic: EthnicStructure | null): void {
  if (!truth.available || !truth.orientation || !truth.groups) return;
  const groups = truth.orientation;
  const sides = [groups.numerator, groups.denominator];
  const headline = `${prefix}/headline`;
  for (const group of sides) {
    const t = componentsOf(truth.groups[group]!);
    const shown = published.available && published.groups ? componentsOf(published.groups[group]!) : null;
    for (const c of COMPONENTS) model.observe(`${headline}/${group}.${c}`, shown?.[c], t[c]);
  }
  const rowName = (structure: string, key: string) => `${prefix}/${structure}/${key}`;
  const rowsOf = (structure: string) => truth.breakdowns?.[structure] ?? [];
  const publishedRow = (structure: string, key: string) => (published.available ? published.breakdowns?.[structure]?.find((r) => r.key === key) : undefined);

  for (const [structure, rows] of Object.entries(truth.breakdowns ?? {})) {
    const skip = ETHNIC.includes(structure) && ethnic ? ethnic.reference : null;
    const names = (rows ?? []).map((r) => row(model, rowName(structure, r.key), publishedRow(structure, r.key), r, groups, skip));
    for (const group of sides) {
      if (group === skip) continue;
      for (const c of COMPONENTS) model.sum(`${headline}/${group}.${c}`, names.map((name) => `${name}/${group}.${c}`));
    }
  }

  if (ethnic && truth.breakdowns?.['aggregatedEthnicGroup'] && truth.breakdowns['ethnicCategory']) {
    const specificKeys = new Set(rowsOf('ethnicCategory').map((r) => r.key));
    for (const [aggregate, members] of Object.entries(ethnic.aggregated)) {
      for (const c of COMPONENTS) {
        model.sum(
          `${rowName('aggregatedEthnicGroup', aggregate)}/${ethnic.specific}.${c}`,
          members.filter((m) => specificKeys.has(m)).map((m) => `${rowName('ethnicCategory', m)}/${ethnic.specific}.${c}`),
        );
      }
    }
  }

  if (!ethnic) return;
  for (const [dimension, values] of Object.entries(truth.intersections ?? {})) {
    if (!values || values.length === 0) continue;
    const byValue = rowsOf(dimension);
    const publishedValues = published.available ? published.intersections?.[dimension] : undefined;
    const cells = new Map<string, string[]>(); // aggregated group → its rows across values
    for (const value of values) {
      const parent = rowName(dimension, value.value);
      if (!byValue.some((r) => r.key === value.value)) throw new Error(`${prefix}: intersection ${dimension}/${value.value} has no breakdown row`);
      const shownValue = publishedValues?.find((v) => v.value === value.value);
      const names = value.rows.map((r) => {
        const shownRow = shownValue?.rows.find((s) => s.key === r.key);
        const name = row(model, `${prefix}/intersection:${dimension}/${value.value}/${r.key}`, shownRow, r, groups, ethnic.reference);
        cells.set(r.key, [...(cells.get(r.key) ?? []), name]);
        // Its White side is the White side of the value's row: one count, published wherever it is shown.
        const side = groups.numerator === ethnic.reference ? 'numerator' : 'denominator';
        const white = shownRow && !shownRow.suppressed ? shownRow[side] : null;
        if (white) {
          const values = componentsOf(white);
          for (const c of COMPONENTS) model.reveal(`${parent}/${ethnic.reference}.${c}`, values[c]);
        }
        return name;
      });
      for (const c of COMPONENTS) model.sum(`${parent}/${ethnic.specific}.${c}`, names.map((n) => `${n}/${ethnic.specific}.${c}`));
    }
    // Columns: each aggregated group across the values, and those whose value is not recorded (never shown by group).
    const unrecorded = byValue.filter((r) => UNRECORDED.includes(r.key)).map((r) => rowName(dimension, r.key));
    const hidden: string[] = [];
    for (const [aggregate, names] of cells) {
      const total = `${rowName('aggregatedEthnicGroup', aggregate)}/${ethnic.specific}`;
      for (const c of COMPONENTS) {
        const rest = `${prefix}/intersection:${dimension}/unrecorded/${aggregate}/${ethnic.specific}.${c}`;
        const truthTotal = model.variables.get(`${total}.${c}`)!.truth;
        const shown = names.reduce((n, name) => n + model.variables.get(`${name}/${ethnic.specific}.${c}`)!.truth, 0);
        model.withhold(rest, truthTotal - shown);
        model.sum(`${total}.${c}`, [...names.map((n) => `${n}/${ethnic.specific}.${c}`), rest]);
      }
      hidden.push(aggregate);
    }
    for (const c of COMPONENTS) {
      const rests = hidden.map((aggregate) => `${prefix}/intersection:${dimension}/unrecorded/${aggregate}/${ethnic.specific}.${c}`);
      model.equation([...rests.map((r): [string, number] => [r, 1]), ...unrecorded.map((u): [string, number] => [`${u}/${ethnic.specific}.${c}`, -1])]);
    }
  }
}

/**
 * Two indicators counted over the same people (WRES 3 and 4: the non-bank headcount) have the same people in every
 * row both have.
 */
export function samePeople(model: DisclosureModel, a: string, b: string, groups: readonly string[]): void {
  for (const name of model.variables.keys()) {
    if (!name.startsWith(`${a}/`)) continue;
    const other = `${b}/${name.slice(a.length + 1)}`;
    if (groups.some((g) => name.endsWith(`/${g}.people`)) && model.has(other)) model.same(name, other);
  }
}
