/**
 * The blocks the WRES and WDES returns share, written once: headcounts by group, a relative likelihood with the
 * counts it comes from, a staff survey percentage by group, and a board's membership. Each takes the report keys
 * of the groups and the template's column labels for them.
 */
import type { Figure, FigurePath, LayoutBlock, LayoutRow, Unit } from './layout.ts';

export interface Group {
  /** The report's key: "white", "ethnicMinority", "disabled". */
  readonly key: string;
  /** The template's column label: "White", "BME", "Disabled". */
  readonly label: string;
  /** How the source describes the group: "White staff", "Disabled applicants". */
  readonly people: string;
}

export function figure(path: FigurePath, unit: Unit, source: string): Figure {
  return { path, unit, source };
}

/** Headcounts of each group and the total, from a shares object at `base` ({ total, <group>: { count } }). */
export function headcountRow(label: string, base: FigurePath, groups: readonly Group[], source: string): LayoutRow {
  return {
    label,
    cells: [
      ...groups.map((g) => figure([...base, g.key, 'count'], 'count', `${source}: ${g.people}, headcount`)),
      figure([...base, 'total'], 'count', `${source}: everyone, headcount`),
    ],
  };
}

/** Each group's share of the total at `base`, as a percentage. */
export function shareRow(label: string, base: FigurePath, groups: readonly Group[], source: string): LayoutRow {
  return {
    label,
    cells: [
      ...groups.map((g) => figure([...base, g.key, 'pct'], 'percent', `${source}: numerator ${g.people}, denominator everyone (headcount)`)),
      null,
    ],
  };
}

export interface RatioWords {
  /** "Number of shortlisted applicants", "Number of staff in workforce". */
  readonly population: string;
  /** "Number appointed from shortlisting". */
  readonly events: string;
  /** "Likelihood of being appointed from shortlisting". */
  readonly rate: string;
  /** The file the population is counted from, and the file the events are counted from. */
  readonly populationFile: string;
  readonly eventsFile: string;
}

/** A relative likelihood: each group's population, events and likelihood, then the ratio with its 95% interval. */
export function ratioBlocks(base: FigurePath, groups: readonly Group[], words: RatioWords, ratioLabel: string, numerator: Group, denominator: Group): LayoutBlock[] {
  const rate = (g: Group) => figure([...base, 'groups', g.key, 'rate'], 'rate', `numerator ${words.eventsFile} (${g.people}, ${words.events.toLowerCase()}); denominator ${words.populationFile} (${g.people})`);
  const ratioSource = `numerator: likelihood of ${numerator.people} (${words.eventsFile} ÷ ${words.populationFile}); denominator: likelihood of ${denominator.people}`;
  return [
    {
      corner: '',
      columns: groups.map((g) => g.label),
      rows: [
        { label: words.population, cells: groups.map((g) => figure([...base, 'groups', g.key, 'population'], 'count', `${words.populationFile}: ${g.people}`)) },
        { label: words.events, cells: groups.map((g) => figure([...base, 'groups', g.key, 'events'], 'count', `${words.eventsFile}: ${g.people}`)) },
        { label: words.rate, cells: groups.map(rate) },
      ],
    },
    {
      corner: '',
      columns: ['Relative likelihood'],
      rows: [
        { label: ratioLabel, cells: [figure([...base, 'value'], 'ratio', ratioSource)] },
        { label: '95% interval: lower', cells: [figure([...base, 'ci95', '0'], 'ratio', ratioSource)], addition: true },
        { label: '95% interval: upper', cells: [figure([...base, 'ci95', '1'], 'ratio', ratioSource)], addition: true },
      ],
    },
  ];
}

/** The two-year rolling relative likelihood, Mirror's addition beside indicator 3 and metric 3. */
export function rollingBlock(base: FigurePath, groups: readonly Group[], words: RatioWords): LayoutBlock {
  const source = `the two years to the snapshot, pooled: ${words.eventsFile} ÷ ${words.populationFile}`;
  return {
    corner: 'Two years pooled',
    columns: [...groups.map((g) => g.label), 'Relative likelihood'],
    rows: [
      { label: words.population, cells: [...groups.map((g) => figure([...base, 'rollingTwoYear', 'groups', g.key, 'population'], 'count', source)), null], addition: true },
      { label: words.events, cells: [...groups.map((g) => figure([...base, 'rollingTwoYear', 'groups', g.key, 'events'], 'count', source)), null], addition: true },
      { label: 'Relative likelihood over two years', cells: [...groups.map(() => null), figure([...base, 'rollingTwoYear', 'value'], 'ratio', source)], addition: true },
    ],
  };
}

/** A staff survey item: each group's percentage, with its respondents and the number answering as counted. */
export function surveyBlock(base: FigurePath, groups: readonly Group[], counted: string): LayoutBlock {
  const source = (g: Group, what: string) => `survey file (NHS Staff Survey): ${g.people}, ${what}`;
  return {
    corner: '',
    columns: groups.map((g) => g.label),
    rows: [
      { label: 'Percentage', cells: groups.map((g) => figure([...base, 'groups', g.key, 'pct'], 'percent', source(g, `numerator ${counted}, denominator respondents`))) },
      { label: 'Number of respondents', cells: groups.map((g) => figure([...base, 'groups', g.key, 'respondents'], 'count', source(g, 'respondents'))), addition: true },
      { label: `Number ${counted}`, cells: groups.map((g) => figure([...base, 'groups', g.key, 'positive'], 'count', source(g, counted))), addition: true },
      { label: '95% interval: lower', cells: groups.map((g) => figure([...base, 'groups', g.key, 'ci95', '0'], 'percent', source(g, 'Wilson interval'))), addition: true },
      { label: '95% interval: upper', cells: groups.map((g) => figure([...base, 'groups', g.key, 'ci95', '1'], 'percent', source(g, 'Wilson interval'))), addition: true },
    ],
  };
}
