/**
 * `mirror funnel <organisations.csv>`: a funnel plot comparing organisations, computed exactly as FunnelPlotR 0.6.0
 * computes it (proportions, standardised ratios, ratios of counts), or Mirror's relative-likelihood funnel.
 *
 *   npx mirror funnel organisations.csv --type proportion --limit 99.8 --format table
 *
 * The file has one row per organisation: `group,numerator,denominator` (rows of the same group are added together,
 * as the package does), or for relative likelihoods `group,events,population,comparison_events,comparison_population`.
 * Problems with the file are listed with file, row, column and value, and nothing is calculated (exit 1).
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Problem } from '../../core/problem.ts';
import type { Interval } from '../../core/stats/normal.ts';
import { funnelPlot, type FunnelResult } from '../../core/stats/funnel/funnel-plot.ts';
import {
  relativeLikelihoodFunnel,
  type RelativeLikelihoodFunnelResult,
  type RelativeLikelihoodRow,
} from '../../core/stats/funnel/relative-likelihood-funnel.ts';
import { roundDecimals } from '../../core/stats/funnel/r-arithmetic.ts';
import type { FunnelDataType, FunnelLevel, FunnelRow, StandardisedRatioMethod } from '../../core/stats/funnel/types.ts';
import { readTable } from '../../ingest/read-table.ts';
import { complete, readRecords, type RowReader } from '../../ingest/row-reader.ts';
import type { Table } from '../../ingest/table.ts';
import { textTable } from '../../core/outputs/text-table.ts';
import { EXIT_OK, EXIT_USAGE, emit, reportProblems, type Io } from '../output.ts';

const TYPES = {
  proportion: 'proportion',
  'standardised-ratio': 'standardisedRatio',
  'count-ratio': 'countRatio',
} as const satisfies Record<string, FunnelDataType>;

type TypeName = keyof typeof TYPES | 'relative-likelihood';

interface FunnelCommandOptions {
  readonly type: TypeName;
  readonly limit: '95' | '99.8';
  readonly format: 'table' | 'json';
  readonly srMethod: 'shmi' | 'cqc';
  readonly target?: string;
  readonly output?: string;
}


export function registerFunnelCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('funnel')
    .description('Compare organisations on a funnel plot, computed as FunnelPlotR 0.6.0 does (see docs/methodology.md).')
    .argument('<organisations>', 'CSV or .xlsx file, one row per organisation: group,numerator,denominator')
    .addOption(
      new Option('--type <type>', 'what the numerator and denominator are')
        .choices(['proportion', 'standardised-ratio', 'count-ratio', 'relative-likelihood'])
        .makeOptionMandatory(),
    )
    .addOption(new Option('--limit <level>', 'the limit outliers are judged against, in %').choices(['95', '99.8']).default('99.8'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(
      new Option('--sr-method <method>', 'standardised ratios: SHMI (log scale, truncation) or CQC (square root, winsorising)')
        .choices(['shmi', 'cqc'])
        .default('shmi'),
    )
    .option('--target <ratio>', 'relative likelihoods: the national ratio to centre on (default: pooled over the file)')
    .option('--output <file>', 'write to this file instead of the terminal')
    .action(async (file: string, options: FunnelCommandOptions) => {
      setExitCode(await funnelCommand(io, resolve(file), options));
    });
}

async function funnelCommand(io: Io, path: string, options: FunnelCommandOptions): Promise<number> {
  let nationalTarget: number | undefined;
  if (options.target !== undefined) {
    nationalTarget = Number(options.target);
    if (options.type !== 'relative-likelihood' || !/^\d*\.?\d+$/.test(options.target.trim()) || !(nationalTarget > 0)) {
      io.err('--target is for --type relative-likelihood and must be a ratio above 0, for example --target 1.54.\n');
      return EXIT_USAGE;
    }
  }
  const read = await readTable(path);
  if (!read.ok) return reportProblems(io, read.problems);
  const level: FunnelLevel = options.limit === '95' ? 95 : 99.8;

  let text: string;
  if (options.type === 'relative-likelihood') {
    const rows = readRelativeLikelihoodRows(read.table);
    if (!rows.ok) return reportProblems(io, rows.problems);
    const result = relativeLikelihoodFunnel(rows.records, { level, ...(nationalTarget === undefined ? {} : { target: nationalTarget }) });
    text = options.format === 'json' ? `${JSON.stringify(relativeLikelihoodJson(result), null, 2)}\n` : relativeLikelihoodText(result, read.table.file);
  } else {
    const dataType = TYPES[options.type];
    const srMethod: StandardisedRatioMethod = options.srMethod === 'cqc' ? 'CQC' : 'SHMI';
    const rows = readFunnelRows(read.table, dataType, srMethod);
    if (!rows.ok) return reportProblems(io, rows.problems);
    const result = funnelPlot(rows.records, { dataType, level, srMethod });
    const rowCount = rows.records.length;
    text = options.format === 'json' ? `${JSON.stringify(funnelJson(result, rowCount), null, 2)}\n` : funnelText(result, read.table.file, rowCount);
  }
  await emit(io, text, options.output);
  return EXIT_OK;
}


// ---------------------------------------------------------------- reading

type Rows<T> = { ok: true; records: T[] } | { ok: false; problems: Problem[] };

const POSITIVE_EXPECTED = 'a number above 0, e.g. 120 or 45.67';
const NON_NEGATIVE_EXPECTED = 'a number of zero or more, e.g. 12';
const COUNT_EXPECTED = 'a whole number of zero or more, e.g. 120';

function positive(row: RowReader, column: string): number | undefined {
  const value = row.required(column, row.number(column), POSITIVE_EXPECTED);
  if (value === undefined) return undefined;
  return value > 0 ? value : row.problem(column, 'must be more than 0', POSITIVE_EXPECTED);
}

function count(row: RowReader, column: string): number | undefined {
  const value = row.required(column, row.number(column), COUNT_EXPECTED);
  if (value === undefined) return undefined;
  return Number.isInteger(value) ? value : row.problem(column, 'not a whole number', COUNT_EXPECTED);
}

function readFunnelRows(table: Table, dataType: FunnelDataType, srMethod: StandardisedRatioMethod): Rows<FunnelRow> {
  const read = readRecords(table, { required: ['group', 'numerator', 'denominator'], optional: [] }, (row) => {
    const fields = complete({
      group: row.requiredText('group', 'the name or code of the organisation'),
      numerator: row.required('numerator', row.number('numerator'), NON_NEGATIVE_EXPECTED),
      denominator: positive(row, 'denominator'),
    });
    if (!fields) return undefined;
    if (dataType === 'proportion' && fields.numerator > fields.denominator) {
      return row.problem('numerator', `is more than the denominator (${fields.denominator}); a proportion cannot exceed 1`);
    }
    if (dataType === 'standardisedRatio' && srMethod === 'SHMI' && roundDecimals(fields.denominator, 2) === 0) {
      return row.problem('denominator', 'the expected count rounds to 0.00, and the SHMI method rounds expected counts to 2 decimals', 'an expected count of 0.005 or more');
    }
    return fields;
  });
  if (!read.ok) return read;
  if (read.records.length === 0) return { ok: false, problems: [{ file: table.file, message: 'the file has no organisations: add one row per organisation below the header' }] };
  if (read.records.every((r) => r.numerator === r.denominator)) {
    // FunnelPlotR stops here ("Numerator and denominator are the same"); so does Mirror.
    return { ok: false, problems: [{ file: table.file, column: 'numerator', message: 'every numerator equals its denominator, so there is nothing to compare (FunnelPlotR refuses such data too)' }] };
  }
  return read;
}

function readRelativeLikelihoodRows(table: Table): Rows<RelativeLikelihoodRow> {
  const spec = { required: ['group', 'events', 'population', 'comparison_events', 'comparison_population'], optional: [] };
  const read = readRecords(table, spec, (row) => {
    const fields = complete({
      group: row.id('group'),
      events: count(row, 'events'),
      population: count(row, 'population'),
      comparisonEvents: count(row, 'comparison_events'),
      comparisonPopulation: count(row, 'comparison_population'),
    });
    if (!fields) return undefined;
    if (fields.events > fields.population) return row.problem('events', `is more than the population (${fields.population})`);
    if (fields.comparisonEvents > fields.comparisonPopulation) {
      return row.problem('comparison_events', `is more than the comparison population (${fields.comparisonPopulation})`);
    }
    return fields;
  });
  if (!read.ok) return read;
  if (read.records.length === 0) return { ok: false, problems: [{ file: table.file, message: 'the file has no organisations: add one row per organisation below the header' }] };
  return read;
}

// ---------------------------------------------------------------- JSON

const TYPE_NAMES: Readonly<Record<FunnelDataType, string>> = {
  proportion: 'proportion',
  standardisedRatio: 'standardised-ratio',
  countRatio: 'count-ratio',
};

/** Numbers as JSON numbers; infinite or undefined values (which JSON cannot hold) become null, with a note. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function pair(interval: Interval): [number | null, number | null] {
  return [finite(interval[0]), finite(interval[1])];
}

function funnelJson(result: FunnelResult, rowCount: number) {
  return {
    phi: finite(result.phi),
    tau2: finite(result.tau2),
    target: finite(result.target),
    groups: result.groups.map((g) => ({
      group: g.group,
      value: finite(g.value),
      limits95: pair(g.limits95),
      limits998: pair(g.limits998),
      adjusted95: pair(g.adjusted95),
      adjusted998: pair(g.adjusted998),
      outlier: g.outlier,
      direction: g.direction,
      numerator: g.numerator,
      denominator: g.denominator,
      zScore: finite(g.zScore),
      trimmed: g.trimmed,
    })),
    type: TYPE_NAMES[result.dataType],
    ...(result.dataType === 'standardisedRatio' ? { srMethod: result.srMethod } : {}),
    level: result.level,
    judgedAgainst: result.judgedAgainst,
    summary: summary(result.groups),
    method: 'FunnelPlotR 0.6.0 (nhs-r-community/FunnelPlotR, commit 9020d49), default settings; see docs/methodology.md',
    rows: rowCount,
    notes: notes(result),
  };
}

function relativeLikelihoodJson(result: RelativeLikelihoodFunnelResult) {
  const maybe = (interval: Interval | null) => (interval === null ? null : pair(interval));
  return {
    phi: finite(result.phi),
    tau2: finite(result.tau2),
    target: finite(result.target),
    groups: result.groups.map((g) => ({
      group: g.group,
      value: g.value,
      limits95: maybe(g.limits95),
      limits998: maybe(g.limits998),
      adjusted95: maybe(g.adjusted95),
      adjusted998: maybe(g.adjusted998),
      outlier: g.outlier,
      direction: g.direction,
      band: g.band,
      undefinedReason: g.undefinedReason,
      se: g.se,
      precision: g.precision === null ? null : finite(g.precision),
      zScore: g.zScore,
    })),
    type: 'relative-likelihood',
    level: result.level,
    judgedAgainst: result.judgedAgainst,
    targetSource: result.targetSource,
    band: result.band,
    summary: summary(result.groups),
    method: "Mirror's relative-likelihood funnel: Katz SE of ln RL, FunnelPlotR's winsorising, φ and τ²; see docs/methodology.md",
  };
}

function summary(groups: readonly { readonly direction: 'above' | 'below' | null }[]) {
  return {
    above: groups.filter((g) => g.direction === 'above').length,
    below: groups.filter((g) => g.direction === 'below').length,
    organisations: groups.length,
  };
}

function notes(result: FunnelResult): string[] {
  const out: string[] = [];
  if (!Number.isFinite(result.phi) || !Number.isFinite(result.tau2)) {
    out.push(
      result.groups.length === 1
        ? 'With one organisation there is no spread between organisations to estimate, so τ² (and the adjusted limits) are undefined, as in FunnelPlotR.'
        : 'φ or τ² is not finite (for example an organisation with no events on the SHMI log scale that truncation did not remove); FunnelPlotR gives the same, and the adjusted limits are then 0 and unbounded.',
    );
  }
  if (result.judgedAgainst === 'unadjusted' && result.n > 0) {
    out.push(`No overdispersion was found (φ = ${fixed(result.phi, 3)} ≤ 1), so outliers are judged against the unadjusted limits, as FunnelPlotR does with its defaults.`);
  }
  return out;
}

// ---------------------------------------------------------------- table

function fixed(value: number | null, digits: number): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  return value.toFixed(digits);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 organisations lie above the upper 99.8% limit after allowing for overdispersion." */
export function outlierSentences(
  groups: readonly { readonly direction: 'above' | 'below' | null }[],
  level: FunnelLevel,
  adjusted: boolean,
): string[] {
  const after = adjusted ? 'after allowing for overdispersion' : 'without any allowance for overdispersion';
  const above = groups.filter((g) => g.direction === 'above').length;
  const below = groups.filter((g) => g.direction === 'below').length;
  if (above === 0 && below === 0) return [`No organisation lies outside the ${level}% limits ${after}.`];
  const sentences: string[] = [];
  if (above > 0) sentences.push(`${plural(above, 'organisation lies', 'organisations lie')} above the upper ${level}% limit ${after}.`);
  if (below > 0) sentences.push(`${plural(below, 'organisation lies', 'organisations lie')} below the lower ${level}% limit ${after}.`);
  return sentences;
}

const VALUE_WORDS: Readonly<Record<FunnelDataType, string>> = {
  proportion: 'Proportion',
  standardisedRatio: 'Ratio',
  countRatio: 'Ratio',
};

function funnelText(result: FunnelResult, file: string, rowCount: number): string {
  const adjusted = result.judgedAgainst === 'adjusted';
  const asValue = (v: number) => (result.dataType === 'proportion' ? `${fixed(v * 100, 1)}%` : fixed(v, 3));
  const range = (i: Interval) => `${asValue(i[0])} to ${asValue(i[1])}`;
  const typeLine: Record<FunnelDataType, string> = {
    proportion: 'proportions',
    standardisedRatio: `standardised ratios (${result.srMethod} method)`,
    countRatio: 'ratios of counts',
  };
  const targetLine = result.dataType === 'standardisedRatio' ? 'Target: 1 (observed equals expected)' : `Target (pooled over all organisations): ${asValue(result.target)}`;
  const dispersion = adjusted
    ? `φ = ${fixed(result.phi, 3)}: the organisations vary more than chance alone would make them, so the limits are widened by τ² = ${fixed(result.tau2, 6)}.`
    : `φ = ${fixed(result.phi, 3)}: no overdispersion, so the limits are not widened.`;
  const other = level(result.level);
  const judged = (g: FunnelResult['groups'][number], which: FunnelLevel) =>
    adjusted ? (which === 95 ? g.adjusted95 : g.adjusted998) : which === 95 ? g.limits95 : g.limits998;
  const table = textTable(
    [
      { heading: 'Organisation' },
      { heading: result.dataType === 'standardisedRatio' ? 'Observed' : 'Numerator', align: 'right' },
      { heading: result.dataType === 'standardisedRatio' ? 'Expected' : 'Denominator', align: 'right' },
      { heading: VALUE_WORDS[result.dataType], align: 'right' },
      { heading: `${result.level}% limits` },
      { heading: `${other}% limits` },
      { heading: 'Outside' },
    ],
    result.groups.map((g) => [
      g.group,
      g.numerator.toLocaleString('en-GB', { maximumFractionDigits: 4 }),
      g.denominator.toLocaleString('en-GB', { maximumFractionDigits: 4 }),
      asValue(g.value),
      range(judged(g, result.level)),
      range(judged(g, other)),
      g.direction === 'above' ? `above ${result.level}%` : g.direction === 'below' ? `below ${result.level}%` : '',
    ]),
  );
  const aggregated = rowCount > result.groups.length ? [`  ${rowCount} rows were added together into ${plural(result.groups.length, 'organisation', 'organisations')}.`] : [];
  return [
    `Funnel plot of ${typeLine[result.dataType]} from ${file}: ${plural(result.groups.length, 'organisation', 'organisations')}`,
    `  ${targetLine}`,
    `  ${dispersion}`,
    ...aggregated,
    `  Limits shown are ${adjusted ? 'adjusted for overdispersion' : 'unadjusted'}; outliers are judged at ${result.level}%.`,
    '',
    table,
    '',
    ...outlierSentences(result.groups, result.level, adjusted),
    ...notes(result).filter((n) => !n.startsWith('No overdispersion')),
    'Computed as FunnelPlotR 0.6.0 computes it; see docs/methodology.md, "Funnel plots".',
    '',
  ].join('\n');
}

function level(chosen: FunnelLevel): FunnelLevel {
  return chosen === 95 ? 99.8 : 95;
}

function relativeLikelihoodText(result: RelativeLikelihoodFunnelResult, file: string): string {
  const adjusted = result.judgedAgainst === 'adjusted';
  const other = level(result.level);
  const range = (i: Interval | null) => (i === null ? '–' : `${fixed(i[0], 2)} to ${fixed(i[1], 2)}`);
  const [lowBand, highBand] = result.band;
  const table = textTable(
    [
      { heading: 'Organisation' },
      { heading: 'Relative likelihood', align: 'right' },
      { heading: `${result.level}% limits` },
      { heading: `${other}% limits` },
      { heading: 'Outside' },
      { heading: `${lowBand.toFixed(2)}–${highBand.toFixed(2)} band` },
    ],
    result.groups.map((g) => {
      const limits = (which: FunnelLevel) => (adjusted ? (which === 95 ? g.adjusted95 : g.adjusted998) : which === 95 ? g.limits95 : g.limits998);
      return [
        g.group,
        g.value === null ? 'undefined (no comparison events)' : fixed(g.value, 2),
        range(limits(result.level)),
        range(limits(other)),
        g.direction === 'above' ? `above ${result.level}%` : g.direction === 'below' ? `below ${result.level}%` : '',
        g.band === null ? '' : g.band === 'within' ? 'within' : `${g.band} ${g.band === 'above' ? highBand.toFixed(2) : lowBand.toFixed(2)}`,
      ];
    }),
  );
  const outsideBand = result.groups.filter((g) => g.band !== null && g.band !== 'within').length;
  return [
    `Funnel plot of relative likelihoods from ${file}: ${plural(result.groups.length, 'organisation', 'organisations')}`,
    `  Target (${result.targetSource === 'national' ? 'national ratio' : 'pooled over all organisations'}): ${fixed(result.target, 3)}`,
    adjusted
      ? `  φ = ${fixed(result.phi, 3)}: the organisations vary more than chance alone would make them, so the limits are widened by τ² = ${fixed(result.tau2, 6)}.`
      : `  φ = ${fixed(result.phi, 3)}: no overdispersion, so the limits are not widened.`,
    '',
    table,
    '',
    ...outlierSentences(result.groups, result.level, adjusted),
    `${plural(outsideBand, 'organisation is', 'organisations are')} outside the ${lowBand.toFixed(2)}–${highBand.toFixed(2)} non-adverse range. The range is a policy threshold, reported apart from the statistical limits.`,
    '',
  ].join('\n');
}
