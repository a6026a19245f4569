/**
 * The one shape every standard takes. A standard declares, once: who it is, the characteristic it compares, the
 * files it needs, its indicators (already data), how records become counts, how counts become its report, and how
 * that report reads as plain text, as a tidy CSV and as page sections. Import, the store, the report services, the
 * JSON API, the command line, downloads and the generic standard page are written once over the registry
 * (registry.ts), so a new standard is a declaration, not a change threaded through a dozen places.
 *
 * Everything here is pure: counting and reporting take records and counts, never files or a database.
 */
import type { StreamCount } from '../counting/stream-count.ts';
import type { IndicatorDefinition } from '../indicators/definition.ts';
import type { Result } from '../problem.ts';
import type { SourceFile, SourceKind, WorkforceDataset } from '../records.ts';
import type { DisclosurePolicy } from '../stats/disclosure.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';

/** The protected characteristic a standard compares groups by. */
export type CharacteristicId = 'ethnicity' | 'disability' | 'sex' | 'several';

/** What a report is built from: this year's counts, the previous year's (for two-year figures), notes and sources. */
export interface StandardReportInputs<C> {
  readonly counts: C;
  /** The previous year's counts, when the standard uses them and they exist. */
  readonly previous: C | null;
  /** Notes from reading the files and from the import (never personal data). */
  readonly notes: readonly string[];
  readonly sources: readonly SourceFile[];
}

export interface StandardReportOptions {
  readonly policy: DisclosurePolicy;
  /**
   * Apply disclosure control to everything below organisation level. True for everything that leaves the analyst's
   * view (downloads, the API, viewers' pages); false only for an organisation's own analysts on screen.
   */
  readonly suppressBreakdowns: boolean;
  /** The standard's own settings by name (e.g. the pay gap's ethnicity reference group), already checked. */
  readonly settings: SettingValues;
}

/** One cell of a page section's table: text shown as it is (rates keep their decimals, "25.0"), or a count. */
export type SectionCell = string | number | null;

/** A section of the generic standard page: a heading, a sentence, and a table of figures with their counts. */
export interface PageSection {
  readonly id: string;
  readonly heading: string;
  /** Plain-language reading of the section ("what is this telling you"). */
  readonly summary: string | null;
  /** `numeric` columns are aligned right, for figures read down a column. */
  readonly columns: readonly { readonly key: string; readonly label: string; readonly numeric: boolean }[];
  readonly rows: readonly Readonly<Record<string, SectionCell>>[];
  /** Notes under the table: small numbers, withheld cells, definitions. */
  readonly notes: readonly string[];
}

/** A setting a standard accepts: a command line option (`--name`) and an API query parameter of the same name. */
export type StandardSetting =
  | { readonly kind: 'choice'; readonly name: string; readonly description: string; readonly choices: readonly string[]; readonly default: string }
  | { readonly kind: 'whole'; readonly name: string; readonly description: string; readonly min: number; readonly max: number; readonly default: number }
  | { readonly kind: 'flag'; readonly name: string; readonly description: string };

export type SettingValues = Readonly<Record<string, string | number | boolean>>;

/** Each declared setting's value: the given one where there is one, otherwise its default. */
export function settingValues(settings: readonly StandardSetting[], given: Readonly<Record<string, unknown>> = {}): SettingValues {
  const values: Record<string, string | number | boolean> = {};
  for (const setting of settings) {
    const raw = given[setting.name];
    values[setting.name] = setting.kind === 'flag' ? raw === true : raw === undefined ? setting.default : (raw as string | number);
  }
  return values;
}

export interface Standard<C = unknown, R = unknown> {
  /** Lower-case identifier: the command name, the API path segment, the store key ("wres", "wdes"). */
  readonly id: string;
  /** The short name people use: "WRES". */
  readonly shortName: string;
  /** The full name: "Workforce Race Equality Standard". */
  readonly name: string;
  /** One sentence on what the standard measures, for help text and pages. */
  readonly description: string;
  readonly characteristic: CharacteristicId;
  /** The command line's help for the folder argument: which files the standard reads from it. */
  readonly folderHelp: string;
  /** The command line's help for --unsuppressed, where the standard's differs from the usual. */
  readonly unsuppressedHelp?: string;
  /** Files the standard reads: staff.csv is always required; the others are optional. */
  readonly files: { readonly required: readonly SourceKind[]; readonly optional: readonly SourceKind[] };
  /** The standard's indicators, as declared data (for labels, sources and documentation). */
  readonly indicators: readonly IndicatorDefinition<string>[];
  /** What the previous year's counts are used for, e.g. "indicator 3's two-year figure"; null when never used. */
  readonly previousYearUse: string | null;
  /** False for a standard whose counting does not depend on the reporting year (pay gaps are a snapshot). */
  readonly usesReportingYear: boolean;
  /** How the tidy CSV names its first column ("indicator", "metric", "section", "characteristic"). */
  readonly csvFirstColumn: string;
  readonly settings: readonly StandardSetting[];
  /** From records to counts: the only step that reads records; what the store keeps for each import. */
  count(dataset: WorkforceDataset, period: ReportingPeriod): Result<C>;
  /**
   * The same counting, taking the large files' records one at a time as a folder is read (counting/stream-count.ts),
   * so they need not all be kept; absent where counting needs every record at once (e.g. pay gaps' medians).
   */
  streamCount?(period: ReportingPeriod): StreamCount<C>;
  /** From counts to the report: the same function whether the counts come from files or from the store. */
  report(inputs: StandardReportInputs<C>, options: StandardReportOptions): R;
  /** The report in a terminal. */
  text(report: R, organisation?: string): string;
  /** The report as a CSV download: one row per figure. */
  csv(report: R): string;
  /** The report as sections of the generic standard page. */
  sections(report: R): readonly PageSection[];
}

/** A standard of any counts and report, as the registry holds them. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds standards of different count and report types.
export type AnyStandard = Standard<any, any>;
