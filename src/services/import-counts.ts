/**
 * Every registered standard's counts of an import's dataset, as the import keeps them. Standards that count a subset
 * of another's rows (the medical workforce is WRES's count over medical staff) find the same problems: each is told
 * once. Shared by an import read on its own thread (import-read-worker.ts), which counts as it reads
 * (everyStandardAsRead), and one read first (import-service.ts).
 */
import type { KeptRecords, StreamCount, StreamedKind, StreamedRecords } from '../core/counting/stream-count.ts';
import type { Problem, Result } from '../core/problem.ts';
import type { WorkforceDataset } from '../core/records.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import type { ReportingPeriod } from '../core/wres/reporting-period.ts';

export type StandardCounts =
  | { readonly ok: true; readonly counts: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function countEveryStandard(registry: StandardRegistry, dataset: WorkforceDataset, period: ReportingPeriod): StandardCounts {
  const gathered = gather(registry.all().map((standard) => [standard.id, standard.count(dataset, period)]));
  return gathered.ok ? { ok: true, counts: gathered.value } : gathered;
}

/** Each standard's counts by its id, or every problem any standard found, each once, in the standards' order. */
function gather(results: readonly (readonly [string, Result<unknown>])[]): Result<Readonly<Record<string, unknown>>> {
  const counts: Record<string, unknown> = {};
  const problems = new Map<string, Problem>();
  for (const [id, counted] of results) {
    if (counted.ok) counts[id] = counted.value;
    else for (const problem of counted.problems) problems.set(JSON.stringify(problem), problem);
  }
  return problems.size > 0 ? { ok: false, problems: [...problems.values()] } : { ok: true, value: counts };
}

/**
 * The same counts as countEveryStandard, taking the large files' records one at a time as a folder is read: each
 * standard with a streaming counter (Standard.streamCount) counts them as they come, and only the kinds of record a
 * standard without one reads (its declared files: the pay gaps read the staff file) are kept for its counting at the
 * end. So an import need not keep every record of a large folder in memory to count it.
 */
export function everyStandardAsRead(registry: StandardRegistry, period: ReportingPeriod): StreamCount<Readonly<Record<string, unknown>>> {
  const standards = registry.all().map((standard) => ({ standard, streaming: standard.streamCount?.(period) ?? null }));
  const keptKinds = new Set<string>(standards.flatMap(({ standard, streaming }) => (streaming ? [] : [...standard.files.required, ...standard.files.optional])));
  const kept = new Map<StreamedKind, unknown[]>();
  return {
    open<K extends StreamedKind>(kind: K) {
      const takers: ((record: StreamedRecords[K]) => void)[] = [];
      for (const { streaming } of standards) {
        const taker = streaming?.open(kind);
        if (taker) takers.push(taker);
      }
      if (keptKinds.has(kind)) {
        const list: StreamedRecords[K][] = [];
        kept.set(kind, list);
        takers.push((record) => list.push(record));
      } else {
        // Opened, so the file is present: a standard reading it would find its records (none kept, none read).
        kept.set(kind, []);
      }
      if (takers.length === 0) return null;
      if (takers.length === 1) return takers[0] as (record: StreamedRecords[K]) => void;
      return (record: StreamedRecords[K]) => {
        for (const take of takers) take(record);
      };
    },
    finish(small: KeptRecords) {
      const of = <T>(kind: StreamedKind): T[] | null => (kept.get(kind) as T[] | undefined) ?? null;
      const dataset: WorkforceDataset = {
        staff: of('staff') ?? [], applications: of('applications'), disciplinary: of('disciplinary'), training: of('training'),
        capability: of('capability'), board: small.board, survey: small.survey, wdesSurvey: small.wdesSurvey,
        wdesNarrative: small.wdesNarrative, sources: [],
      };
      return gather(standards.map(({ standard, streaming }) => [standard.id, streaming ? streaming.finish(small) : standard.count(dataset, period)]));
    },
  };
}
