/**
 * Every registered standard's counts of an import's dataset, as the import keeps them. Standards that count a subset
 * of another's rows (the medical workforce is WRES's count over medical staff) find the same problems: each is told
 * once. Shared by an import read on its own thread (import-read-worker.ts) and one read first (import-service.ts).
 */
import type { Problem } from '../core/problem.ts';
import type { WorkforceDataset } from '../core/records.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import type { ReportingPeriod } from '../core/wres/reporting-period.ts';

export type StandardCounts =
  | { readonly ok: true; readonly counts: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function countEveryStandard(registry: StandardRegistry, dataset: WorkforceDataset, period: ReportingPeriod): StandardCounts {
  const counts: Record<string, unknown> = {};
  const problems = new Map<string, Problem>();
  for (const standard of registry.all()) {
    const counted = standard.count(dataset, period);
    if (counted.ok) counts[standard.id] = counted.value;
    else for (const problem of counted.problems) problems.set(JSON.stringify(problem), problem);
  }
  return problems.size > 0 ? { ok: false, problems: [...problems.values()] } : { ok: true, counts };
}
