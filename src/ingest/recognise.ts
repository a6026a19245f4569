/**
 * Which kind of workforce file a table is, from its headings, so a person can choose all their files at once (or a
 * zip) without naming them after Mirror's kinds. Nothing is guessed: a kind fits when every column it requires is
 * among the headings (compared as columns.ts compares them, after the organisation's remembered mapping or a
 * mapping preset for that kind is applied). When no kind fits, or more than one fits equally, the file is not
 * recognised and the problem names the file, its headings and what each kind needs; only then does the file's own
 * name decide, and only when it names exactly one kind (for example "capability.csv", "ESR staff in post.xlsx").
 *
 * Disciplinary and capability files require the same columns (case_id, staff_id, start_date). The kind with more
 * of its columns present wins (ethnic_category is a disciplinary column, disability a capability one); when they are
 * level, the name must say which.
 */
import type { SourceKind } from '../core/records.ts';
import { APPLICATION_COLUMNS } from './applications.ts';
import { BOARD_COLUMNS } from './board.ts';
import { CAPABILITY_COLUMNS } from './capability.ts';
import { type ColumnSpec, type HeaderMapping, normaliseHeader } from './columns.ts';
import { DISCIPLINARY_COLUMNS } from './disciplinary.ts';
import type { Problem } from './problem.ts';
import { STAFF_COLUMNS } from './staff.ts';
import { SURVEY_RESPONDENT_COLUMNS, SURVEY_SUMMARY_COLUMNS } from './survey.ts';
import { TRAINING_COLUMNS } from './training.ts';

/** A named mapping of one source system's headings onto one kind's canonical columns. */
export interface MappingPreset {
  readonly name: string;
  readonly kind: SourceKind;
  readonly mapping: HeaderMapping;
}

/**
 * The ways each kind's headings are recognised: every required column of one of its shapes. A survey file is a
 * summary (indicator, respondents) or one row per respondent (ethnic_category and at least one indicator_N column;
 * ethnic_category alone is in many kinds of file, so it is not enough).
 */
const SHAPES: Readonly<Record<SourceKind, readonly { readonly required: readonly (readonly string[])[]; readonly all: readonly string[] }[]>> = {
  staff: [shape(STAFF_COLUMNS)],
  applications: [shape(APPLICATION_COLUMNS)],
  disciplinary: [shape(DISCIPLINARY_COLUMNS)],
  training: [shape(TRAINING_COLUMNS)],
  board: [shape(BOARD_COLUMNS)],
  survey: [
    shape(SURVEY_SUMMARY_COLUMNS),
    {
      required: [['ethnic_category'], ['indicator_5', 'indicator_6', 'indicator_7', 'indicator_8']],
      all: [...SURVEY_RESPONDENT_COLUMNS.required, ...SURVEY_RESPONDENT_COLUMNS.optional],
    },
  ],
  capability: [shape(CAPABILITY_COLUMNS)],
};

/** Each required column is a group of one: the group is met when any of its columns is present. */
function shape(spec: ColumnSpec) {
  return { required: spec.required.map((c) => [c]), all: [...spec.required, ...spec.optional] };
}

/** What each kind needs, for the problem of a file that is not recognised. */
export const KIND_HEADINGS: Readonly<Record<SourceKind, string>> = {
  staff: STAFF_COLUMNS.required.join(', '),
  applications: APPLICATION_COLUMNS.required.join(', '),
  disciplinary: `${DISCIPLINARY_COLUMNS.required.join(', ')}; ethnic_category tells it from a capability file`,
  training: TRAINING_COLUMNS.required.join(', '),
  board: BOARD_COLUMNS.required.join(', '),
  survey: 'indicator, respondents; or ethnic_category with indicator_5 to indicator_8',
  capability: `${CAPABILITY_COLUMNS.required.join(', ')}; disability tells it from a disciplinary file`,
};

/** Words in a file's name that name a kind; "applicant" and "application" both name applications. */
const NAME_WORDS: Readonly<Record<SourceKind, RegExp>> = {
  staff: /staff/,
  applications: /applica/,
  disciplinary: /disciplin/,
  training: /training/,
  board: /board/,
  survey: /survey/,
  capability: /capability/,
};

export interface RecogniseOptions {
  /** Per kind, the headings this organisation has mapped before (and any mapped on this attempt's page). */
  readonly mappings?: Readonly<Partial<Record<SourceKind, HeaderMapping>>>;
  /** Mapping presets, shipped and saved by users; tried after the organisation's own mapping. */
  readonly presets?: readonly MappingPreset[];
  /** The kind the person said this file is, on the problem page; headings then only choose the mapping. */
  readonly chosenKind?: SourceKind;
}

export type Recognition =
  | {
      readonly ok: true;
      readonly kind: SourceKind;
      /** The mapping to read it with (the organisation's, or the preset's), if any. */
      readonly mapping: HeaderMapping | undefined;
      /** The preset whose headings it has, if one was needed. */
      readonly preset: string | null;
      /** How the kind was decided. */
      readonly by: 'headings' | 'name' | 'chosen';
    }
  | { readonly ok: false; readonly problem: Problem };

interface Fit {
  readonly kind: SourceKind;
  readonly mapping: HeaderMapping | undefined;
  readonly preset: string | null;
  readonly fits: boolean;
  /** How many of the kind's columns (required and optional) the headings have. */
  readonly score: number;
}

/** The kind of the file `file` with these headings, or the problem saying why it is not recognised. */
export function recogniseKind(table: { readonly file: string; readonly headers: readonly string[]; readonly headerRow?: number }, options: RecogniseOptions = {}): Recognition {
  const { file, headers } = table;
  const row = table.headerRow ?? 1;
  const fits = (Object.keys(SHAPES) as SourceKind[]).map((kind) => bestFit(kind, headers, options));
  if (options.chosenKind) {
    const chosen = fits.find((f) => f.kind === options.chosenKind)!;
    return { ok: true, kind: chosen.kind, mapping: chosen.fits ? chosen.mapping : options.mappings?.[chosen.kind], preset: chosen.fits ? chosen.preset : null, by: 'chosen' };
  }
  const fitting = fits.filter((f) => f.fits);
  const top = Math.max(0, ...fitting.map((f) => f.score));
  const best = fitting.filter((f) => f.score === top);
  if (best.length === 1) return { ok: true, ...best[0]!, by: 'headings' };
  const named = kindsNamedBy(file);
  const candidates = best.length > 1 ? best.filter((f) => named.includes(f.kind)) : [];
  if (candidates.length === 1) return { ok: true, ...candidates[0]!, by: 'name' };
  if (best.length > 1) return { ok: false, problem: { ...ambiguous(file, headers, best.map((f) => f.kind)), row } };
  // No kind fits: a file named after one kind is read as that kind, so its missing columns are listed and the
  // page can offer to map them.
  if (named.length === 1) return { ok: true, kind: named[0]!, mapping: options.mappings?.[named[0]!], preset: null, by: 'name' };
  return { ok: false, problem: { ...unrecognised(file, headers), row } };
}

function bestFit(kind: SourceKind, headers: readonly string[], options: RecogniseOptions): Fit {
  const ways: { mapping: HeaderMapping | undefined; preset: string | null }[] = [
    { mapping: options.mappings?.[kind], preset: null },
    ...(options.presets ?? []).filter((p) => p.kind === kind).map((p) => ({ mapping: p.mapping, preset: p.name })),
  ];
  let best: Fit = { kind, mapping: options.mappings?.[kind], preset: null, fits: false, score: 0 };
  for (const way of ways) {
    const present = new Set(mapped(headers, way.mapping));
    for (const s of SHAPES[kind]) {
      const fits = s.required.every((group) => group.some((column) => present.has(normaliseHeader(column))));
      const score = s.all.filter((column) => present.has(normaliseHeader(column))).length;
      // The organisation's own mapping first; a preset only when it fits better.
      if ((fits && !best.fits) || (fits === best.fits && score > best.score)) best = { kind, ...way, fits, score };
    }
  }
  return best;
}

/** The headings as canonical column names would be compared, after a mapping. */
function mapped(headers: readonly string[], mapping: HeaderMapping | undefined): string[] {
  const byNormalised = new Map(Object.entries(mapping ?? {}).map(([header, column]) => [normaliseHeader(header), column]));
  return headers.filter((h) => h !== '').map((h) => normaliseHeader(byNormalised.get(normaliseHeader(h)) ?? h));
}

/** The kinds a file's name names: "ESR staff in post.csv" → staff. */
export function kindsNamedBy(file: string): SourceKind[] {
  const name = file.toLowerCase();
  return (Object.keys(NAME_WORDS) as SourceKind[]).filter((kind) => NAME_WORDS[kind].test(name));
}

function headingList(headers: readonly string[]): string {
  return headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
}

function expectedList(kinds: readonly SourceKind[]): string {
  return kinds.map((kind) => `${kind === 'applications' ? 'an' : 'a'} ${kind} file has ${KIND_HEADINGS[kind]}`).join('; ');
}

function unrecognised(file: string, headers: readonly string[]): Problem {
  return {
    file,
    message: `Mirror cannot tell which kind of file this is from its headings (${headingList(headers)}); say which kind it is on this page, or rename its headings`,
    expected: expectedList(Object.keys(SHAPES) as SourceKind[]),
  };
}

function ambiguous(file: string, headers: readonly string[], kinds: readonly SourceKind[]): Problem {
  const names = kinds.map((k) => `${k}.csv`).join(' or ');
  return {
    file,
    message: `its headings (${headingList(headers)}) fit ${kinds.map((k) => `${k === 'applications' ? 'an' : 'a'} ${k} file`).join(' and ')} alike; say which kind it is on this page, or name the file ${names}`,
    expected: expectedList(kinds),
  };
}
