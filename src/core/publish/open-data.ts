/**
 * A published version as open data (issue 13, item 3): four tables (the figures, the objectives, the shared
 * evaluations, the EDS 2022 summary's agreed ratings) and a Frictionless Data Package descriptor with a Table Schema for each (field names, types, units and
 * descriptions, missing values, primary keys). A withheld cell is written "*", as NHS statistics do; a cell with nothing in it (a
 * second group an indicator does not have, a ratio not defined) is empty. Both are declared as missing values. Pure:
 * rows of cells; the web writes them as CSV.
 */
import { EDS_DOMAINS, EDS_OUTCOME_IDS, RATING_LABELS } from '../eds/outcomes.ts';
import { MAXIMUM_SCORE, THRESHOLD_SET_IDS } from '../eds/scoring.ts';
import { type PublicFigure, type PublishedReport, unitOf } from './report.ts';

/** A withheld cell, as NHS statistics write it (core/stats/disclosure.ts, publishableCount). */
export const WITHHELD = '*';
export const MISSING_VALUES = ['', WITHHELD] as const;

export type Cell = string | number | boolean | null;

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface TableField {
  readonly name: string;
  readonly type: FieldType;
  readonly description: string;
  readonly unit?: string;
  readonly constraints?: { readonly required?: boolean; readonly enum?: readonly string[]; readonly minimum?: number; readonly maximum?: number };
}

export interface TableSchema {
  readonly fields: readonly TableField[];
  readonly missingValues: readonly string[];
  readonly primaryKey: readonly string[];
}

/** Which published version the rows are from. */
export interface VersionIdentity {
  readonly code: string;
  readonly year: number;
  readonly version: number;
}

const req = { required: true } as const;
const KEY_FIELDS: readonly TableField[] = [
  { name: 'organisation_code', type: 'string', description: "The organisation's ODS code.", constraints: req },
  { name: 'year', type: 'integer', description: 'Reporting year: 2025 is the workforce at 31 March 2025 and activity from 1 April 2024.', constraints: req },
  { name: 'version', type: 'integer', description: 'The published version: 1, then 2 and so on for each correction.', constraints: { required: true, minimum: 1 } },
];

const count = (name: string, what: string): TableField => ({ name, type: 'integer', description: what, unit: 'people', constraints: { minimum: 0 } });

export const FIGURES_SCHEMA: TableSchema = {
  fields: [
    ...KEY_FIELDS,
    { name: 'standard', type: 'string', description: 'The standard: wres (Workforce Race Equality Standard), wdes (Workforce Disability Equality Standard), medical (medical workforce race equality).', constraints: req },
    { name: 'indicator', type: 'string', description: "The indicator's number in its standard.", constraints: req },
    { name: 'title', type: 'string', description: 'What the indicator measures.', constraints: req },
    { name: 'measure', type: 'string', description: 'ratio: relative likelihood; proportion: percentage of respondents; representation: percentage of staff; representationGap: board share minus workforce share.', constraints: { enum: ['ratio', 'proportion', 'representation', 'representationGap'] } },
    { name: 'unit', type: 'string', description: "The value's unit in words.", constraints: req },
    { name: 'status', type: 'string', description: 'shown; withheld (a count behind it is between 1 and 7); unavailable (not in the data imported).', constraints: { required: true, enum: ['shown', 'withheld', 'unavailable'] } },
    { name: 'value', type: 'number', description: 'The figure: a relative likelihood, a percentage (0 to 100) or percentage points.' },
    { name: 'ci95_low', type: 'number', description: "Lower end of the figure's 95% interval, in its unit." },
    { name: 'ci95_high', type: 'number', description: "Upper end of the figure's 95% interval, in its unit." },
    { name: 'group_1', type: 'string', description: 'The first group counted (white, ethnicMinority, disabled, nonDisabled, board).' },
    count('events_1', 'People in group 1 with the event (appointed, disciplined, answering yes, on the board).'),
    count('population_1', 'People in group 1 counted.'),
    { name: 'group_2', type: 'string', description: 'The second group counted, if the figure compares two.' },
    count('events_2', 'People in group 2 with the event.'),
    count('population_2', 'People in group 2 counted.'),
    { name: 'small_numbers', type: 'boolean', description: 'True when the figure rests on few events and should be read with care.' },
    { name: 'statement', type: 'string', description: 'The figure in a sentence.' },
    { name: 'note', type: 'string', description: 'Why a figure is withheld or unavailable.' },
  ],
  missingValues: [...MISSING_VALUES],
  primaryKey: ['organisation_code', 'year', 'version', 'standard', 'indicator'],
};

export const OBJECTIVES_SCHEMA: TableSchema = {
  fields: [
    ...KEY_FIELDS,
    { name: 'objective', type: 'integer', description: "The objective's number in the report.", constraints: { required: true, minimum: 1 } },
    { name: 'standard', type: 'string', description: 'The standard of the figure the objective follows.', constraints: req },
    { name: 'indicator', type: 'string', description: 'The indicator the objective follows.', constraints: req },
    { name: 'measure', type: 'string', description: 'The figure the objective follows, in words.', constraints: req },
    { name: 'scope', type: 'string', description: 'Whom the objective is for.', constraints: req },
    { name: 'target', type: 'string', description: 'The target in words.', constraints: req },
    { name: 'target_date', type: 'date', description: 'The date by which the target is to be met.', constraints: req },
    { name: 'owner_role', type: 'string', description: 'Who is accountable, by role.', constraints: req },
    { name: 'baseline_year', type: 'integer', description: "The baseline figure's reporting year." },
    { name: 'baseline_value', type: 'number', description: 'The baseline figure, in the unit of the measure.' },
    { name: 'baseline_ci95_low', type: 'number', description: "Lower end of the baseline's 95% interval." },
    { name: 'baseline_ci95_high', type: 'number', description: "Upper end of the baseline's 95% interval." },
    { name: 'latest_year', type: 'integer', description: "The latest figure's reporting year." },
    { name: 'latest_value', type: 'number', description: 'The latest figure.' },
    { name: 'latest_ci95_low', type: 'number', description: "Lower end of the latest figure's 95% interval." },
    { name: 'latest_ci95_high', type: 'number', description: "Upper end of the latest figure's 95% interval." },
    { name: 'status', type: 'string', description: 'Progress: met, on-track, off-track, no-new-figure, no-figure, withheld (a figure it rests on is withheld), not-published (figures for part of the organisation are not published).', constraints: { required: true, enum: ['met', 'on-track', 'off-track', 'no-new-figure', 'no-figure', 'withheld', 'not-published'] } },
    { name: 'progress', type: 'string', description: 'Progress in a sentence.', constraints: req },
  ],
  missingValues: [...MISSING_VALUES],
  primaryKey: ['organisation_code', 'year', 'version', 'objective'],
};

export const EVALUATIONS_SCHEMA: TableSchema = {
  fields: [
    ...KEY_FIELDS,
    { name: 'evaluation', type: 'integer', description: "The evaluation's number in the report.", constraints: { required: true, minimum: 1 } },
    { name: 'objective', type: 'integer', description: 'The number of the objective the intervention serves.', constraints: req },
    { name: 'intervention', type: 'string', description: 'The intervention.', constraints: req },
    { name: 'intervention_status', type: 'string', description: "The intervention's status.", constraints: req },
    { name: 'start_date', type: 'date', description: 'When it started.' },
    { name: 'end_date', type: 'date', description: 'When it ended or is to end.' },
    { name: 'verdict', type: 'string', description: 'Whether the figures changed after it started.' },
    { name: 'headline', type: 'string', description: 'The evaluation in a sentence.', constraints: req },
  ],
  missingValues: [...MISSING_VALUES],
  primaryKey: ['organisation_code', 'year', 'version', 'evaluation'],
};

const RATING_NAMES = Object.values(RATING_LABELS);
const ratingField = (name: string, what: string, maximum: number): TableField => ({ name, type: 'integer', description: what, constraints: { minimum: 0, maximum } });

export const EDS_SCHEMA: TableSchema = {
  fields: [
    ...KEY_FIELDS,
    { name: 'domain', type: 'string', description: 'The EDS 2022 domain: 1, 2 or 3.', constraints: { required: true, enum: EDS_DOMAINS.map((d) => d.id) } },
    { name: 'domain_title', type: 'string', description: "The domain's title.", constraints: req },
    { name: 'outcome', type: 'string', description: "The outcome's number: 1A to 1D, 2A to 2D, 3A to 3C.", constraints: { required: true, enum: [...EDS_OUTCOME_IDS] } },
    { name: 'outcome_wording', type: 'string', description: 'The outcome as EDS 2022 words it.', constraints: req },
    ratingField('rating', "The outcome's agreed rating: 0 Undeveloped, 1 Developing, 2 Achieving, 3 Excelling. Empty when the outcome had no agreed rating. Stakeholder groups' own ratings are not published.", 3),
    { name: 'rating_name', type: 'string', description: 'The agreed rating in words.', constraints: { enum: RATING_NAMES } },
    ratingField('domain_score', "The total of the domain's agreed ratings.", 12),
    { name: 'domain_outcomes_rated', type: 'integer', description: "How many of the domain's outcomes have an agreed rating.", constraints: { required: true, minimum: 0, maximum: 4 } },
    ratingField('overall_score', 'The total of the agreed ratings of every outcome (0 to 33); the same on every row.', MAXIMUM_SCORE),
    { name: 'outcomes_rated', type: 'integer', description: 'How many of the 11 outcomes have an agreed rating.', constraints: { required: true, minimum: 0, maximum: EDS_OUTCOME_IDS.length } },
    ratingField('overall_rating', "The EDS Organisation Rating read from the overall score by the organisation's thresholds: 0 to 3 as for an outcome. Empty until every outcome has an agreed rating.", 3),
    { name: 'overall_rating_name', type: 'string', description: 'The overall rating in words.', constraints: { enum: RATING_NAMES } },
    { name: 'thresholds', type: 'string', description: "The organisation's threshold set: guidance (Achieving 22 to 32, Excelling 33) or leeds (Achieving 22 to 30, Excelling 31 to 33); Developing from 8 in both.", constraints: { required: true, enum: [...THRESHOLD_SET_IDS] } },
  ],
  missingValues: [...MISSING_VALUES],
  primaryKey: ['organisation_code', 'year', 'version', 'outcome'],
};

export interface Resource {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly schema: TableSchema;
  readonly rows: readonly (readonly Cell[])[];
}

const keyCells = (id: VersionIdentity): Cell[] => [id.code, id.year, id.version];

/** A figure's cells after the key: withheld numbers say so; numbers that do not exist are empty. */
export function figureCells(f: PublicFigure): Cell[] {
  const w = f.status === 'withheld';
  const n = (v: number | null | undefined): Cell => (w ? WITHHELD : v ?? null);
  const [g1, g2] = f.counts;
  return [
    f.standard, f.indicator, f.title, f.kind, unitOf(f.kind), f.status, n(f.value), n(f.ci95?.[0]), n(f.ci95?.[1]),
    g1?.group ?? null, n(g1?.events), n(g1?.population), g2?.group ?? null, n(g2?.events), n(g2?.population),
    f.status === 'shown' ? f.smallNumbers : null, f.statement, f.note,
  ];
}

export function figureRows(report: PublishedReport, id: VersionIdentity): Cell[][] {
  return report.standards.flatMap((s) => (s.figures ?? []).map((f) => [...keyCells(id), ...figureCells(f)]));
}

export function objectiveRows(report: PublishedReport, id: VersionIdentity): Cell[][] {
  const n = (f: PublicFigure | null, v: (f: PublicFigure) => number | null | undefined): Cell =>
    (f === null ? null : f.status === 'withheld' ? WITHHELD : v(f) ?? null);
  return report.objectives.map((o) => [
    ...keyCells(id), o.number, o.standard, o.indicator, o.measure, o.scope, o.target, o.targetDate, o.ownerRole,
    o.baseline.year, n(o.baseline, (f) => f.value), n(o.baseline, (f) => f.ci95?.[0]), n(o.baseline, (f) => f.ci95?.[1]),
    o.latest?.year ?? null, n(o.latest, (f) => f.value), n(o.latest, (f) => f.ci95?.[0]), n(o.latest, (f) => f.ci95?.[1]),
    o.status, o.progress,
  ]);
}

export function evaluationRows(report: PublishedReport, id: VersionIdentity): Cell[][] {
  return report.evaluations.map((e) => [
    ...keyCells(id), e.number, e.objective, e.intervention, e.status, e.startDate, e.endDate, e.verdict, e.headline,
  ]);
}

/** One row per outcome of the EDS summary (none when the version has no EDS summary). */
export function edsRows(report: PublishedReport, id: VersionIdentity): Cell[][] {
  const eds = report.eds;
  if (!eds) return [];
  return eds.domains.flatMap((d) => d.outcomes.map((o) => [
    ...keyCells(id), d.id, d.title, o.id, o.wording, o.rating, o.ratingLabel, d.score, d.rated,
    eds.score, eds.rated, eds.rating, eds.ratingLabel, eds.thresholds.id,
  ]));
}

/** The version's tables; `eds` only for versions assembled since the EDS summary was published, so older versions' files stay as they were. */
export function resources(report: PublishedReport, id: VersionIdentity): Resource[] {
  const all: Resource[] = [
    { name: 'figures', path: 'figures.csv', title: 'Headline figures of every standard', schema: FIGURES_SCHEMA, rows: figureRows(report, id) },
    { name: 'objectives', path: 'objectives.csv', title: 'Objectives and their progress', schema: OBJECTIVES_SCHEMA, rows: objectiveRows(report, id) },
    { name: 'evaluations', path: 'evaluations.csv', title: 'Evaluations of interventions shared by the organisation', schema: EVALUATIONS_SCHEMA, rows: evaluationRows(report, id) },
    { name: 'eds', path: 'eds.csv', title: 'Equality Delivery System 2022: agreed ratings and the overall rating', schema: EDS_SCHEMA, rows: edsRows(report, id) },
    { name: 'reports', path: 'reports.csv', title: 'Reports of racism and discrimination by category', schema: REPORTS_SCHEMA, rows: reportRows(report, id) },
  ];
  return all.filter((r) => (r.name === 'eds' ? report.eds !== undefined : r.name === 'reports' ? Boolean(report.reports) : true));
}

export const REPORTS_SCHEMA: TableSchema = {
  fields: [
    ...KEY_FIELDS,
    { name: 'category', type: 'string', description: "The category's key in the organisation's reporting settings; \"all\" for the year's total.", constraints: req },
    { name: 'category_name', type: 'string', description: 'What the reports were about, as the reporting form offers it.', constraints: req },
    { ...count('reports', 'Reports of racism or discrimination made through the reporting form in the reporting year (April to March). "*" when withheld: a count of 1 to 7, or a second figure withheld so that the first cannot be worked out from the total.'), unit: 'reports' },
  ],
  missingValues: [...MISSING_VALUES],
  primaryKey: ['organisation_code', 'year', 'version', 'category'],
};

/** One row per category and one for the year's total (none when the version has no reports to show). */
export function reportRows(report: PublishedReport, id: VersionIdentity): Cell[][] {
  const reports = report.reports;
  if (!reports) return [];
  const n = (v: number | null): Cell => (v === null ? WITHHELD : v);
  return [
    ...reports.categories.map((c) => [...keyCells(id), c.key, c.label, n(c.reports)]),
    [...keyCells(id), 'all', 'All reports', n(reports.total)],
  ];
}

/** The Data Package descriptor (datapackage.json) for a set of resources. */
export function dataPackage(options: { name: string; title: string; description: string; homepage: string; created: string; version: string }, list: readonly Pick<Resource, 'name' | 'path' | 'title' | 'schema'>[]) {
  return {
    name: options.name,
    title: options.title,
    description: options.description,
    homepage: options.homepage,
    version: options.version,
    created: options.created,
    licenses: [{ name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' }],
    resources: list.map((r) => ({
      name: r.name, path: r.path, title: r.title, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema: r.schema,
    })),
  };
}
