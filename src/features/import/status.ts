/** What an import's page shows: its progress, then its problems (the first few hundred) or its result. */
import type { ImportJob } from '../../services/import-jobs.ts';
import { sortedProblems } from './service.ts';

const PROBLEMS_SHOWN = 200;

/** `canRetry`: the files are still kept, so the page can offer to map headings and check them again. */
export function statusView(job: ImportJob, canRetry: boolean) {
  const sorted = sortedProblems(job.problems);
  const missing = canRetry ? sorted.filter((p) => p.missingColumn?.kind) : [];
  return {
    title: job.status === 'running' ? 'Importing' : job.status === 'failed' ? 'The files have problems' : 'Import complete',
    job,
    refresh: job.status === 'running',
    percent: job.total > 0 ? Math.round((job.done / job.total) * 100) : 0,
    problems: sorted.slice(0, PROBLEMS_SHOWN),
    moreProblems: Math.max(0, sorted.length - PROBLEMS_SHOWN),
    problemCount: sorted.length,
    mappings: missing.map((p) => ({
      field: `map.${p.missingColumn!.kind}.${p.missingColumn!.column}`,
      kind: p.missingColumn!.kind, column: p.missingColumn!.column, headers: p.missingColumn!.headers, file: p.file,
    })),
    dashboard: job.version ? `/organisations/${encodeURIComponent(job.organisation.code)}/${job.year}` : null,
  };
}
