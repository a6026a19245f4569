/**
 * What an import's page shows: its progress, then its problems (the first few hundred, the first few of them
 * linked from the error summary at the top) or its result. While the files of a failed import are still kept, the
 * page offers what fixes them without choosing every file again: saying what kind an unrecognised file is, mapping
 * headings (and sharing them as a preset), and choosing again only the files with problems.
 */
import { SOURCE_KINDS } from '../../core/records.ts';
import type { ImportJob } from '../../services/import-jobs.ts';
import { KIND_LABELS } from './form.ts';
import { formatProblem, type Problem, sortedProblems } from './service.ts';

const PROBLEMS_SHOWN = 200;
/** Problems linked one by one from the error summary; the rest are one link to the table. */
const PROBLEMS_SUMMARISED = 20;

/** A problem in the summary: where it is and what is wrong, short; the table below has what was expected. */
function summaryText(problem: Problem): string {
  const text = formatProblem({ ...problem, expected: undefined });
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

const SUMMARY_CHARS = 240;

export type FormError = { href: string; text: string };

const kindLabel = (kind: string) => (kind === 'narrative' ? 'WDES 9b narrative' : (KIND_LABELS as Record<string, string>)[kind] ?? kind);

/** `canRetry`: the files are still kept, so the page can offer to fix them and check again. */
export function statusView(job: ImportJob, canRetry: boolean, formErrors: readonly FormError[] = []) {
  const sorted = sortedProblems(job.problems).map((p, i) => ({ ...p, id: `problem-${i + 1}` }));
  const shown = sorted.slice(0, PROBLEMS_SHOWN);
  const missing = canRetry ? sorted.filter((p) => p.missingColumn?.kind) : [];
  const summary: FormError[] = [
    ...formErrors,
    ...shown.slice(0, PROBLEMS_SUMMARISED).map((p) => ({ href: `#${p.id}`, text: summaryText(p) })),
    ...(sorted.length > PROBLEMS_SUMMARISED ? [{ href: '#problems', text: `${sorted.length - PROBLEMS_SUMMARISED} more problems: see the table below` }] : []),
  ];
  const current = job.recognised.filter((f) => !f.superseded);
  return {
    title: job.status === 'running' ? 'Importing' : job.status === 'failed' ? 'The files have problems' : 'Import complete',
    job,
    refresh: job.status === 'running',
    percent: job.total > 0 ? Math.round((job.done / job.total) * 100) : 0,
    problems: shown,
    moreProblems: Math.max(0, sorted.length - PROBLEMS_SHOWN),
    problemCount: sorted.length,
    errors: job.status === 'failed' ? summary : [],
    errorFor: Object.fromEntries(formErrors.map((e) => [e.href.slice(1), e.text])),
    canRetry,
    canAddFiles: canRetry && job.files !== undefined,
    files: current.map((f) => ({
      name: f.name,
      kind: f.kind ? kindLabel(f.kind) : null,
      preset: f.preset,
      hasProblem: job.problems.some((p) => p.file === f.name || p.file.split(', ').includes(f.name)),
    })),
    unknownFiles: canRetry
      ? current.filter((f) => f.kind === null && f.table).map((f) => ({ field: `kind.${f.id}`, name: f.name }))
      : [],
    kindOptions: SOURCE_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind] })),
    mappings: missing.map((p) => ({
      field: `map.${p.missingColumn!.kind}.${p.missingColumn!.column}`,
      kind: p.missingColumn!.kind, column: p.missingColumn!.column, headers: p.missingColumn!.headers, file: p.file,
    })),
    dashboard: job.version ? `/organisations/${encodeURIComponent(job.organisation.code)}/${job.year}` : null,
    notes: job.version?.notes ?? [],
  };
}
