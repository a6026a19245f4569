/**
 * The targets pages' use-cases, with no HTTP: the goal a person asks for, checked, and Model Employer-style targets
 * and trajectories from every loaded year up to the one asked for (docs/methodology.md, "Targets and
 * trajectories"), for ethnic minority staff (WRES) and, by the same method, for Disabled staff (WDES).
 */
import { WDES_TARGET_GROUP } from '../../core/targets/band-shares.ts';
import { modelEmployerTargets, modelEmployerTargetsFor, WRES_TARGET_GROUP, type TargetGroup, type TargetsResult } from '../../core/targets/model-employer.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { type CurrentImports, currentYears } from '../../services/standard-reports.ts';
import { wdesTargetYears } from '../../services/standards-report-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** A percentage above 0 and no more than 100, as typed: "35", "35.5" or "35%". */
export function parseGoal(raw: unknown): { ok: true; value: number | null } | { ok: false; message: string } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const text = typeof raw === 'string' ? raw.trim().replace(/%$/, '') : '';
  const n = Number(text);
  if (!/^\d{1,3}(\.\d+)?$/.test(text) || n <= 0 || n > 100) {
    return { ok: false, message: 'Enter the local population share as a percentage above 0 and no more than 100, like 35 or 35.5' };
  }
  return { ok: true, value: n };
}

/** A standard's targets: the group followed, and how its years are read. */
export interface TargetsSource<F extends string> {
  readonly group: TargetGroup<F>;
  /** The targets from the given years; null when none of them has the standard's figures. */
  targets(store: Store, organisationId: number, years: readonly number[], goalPct: number | null, current?: CurrentImports): Promise<TargetsResult<F> | null>;
}

export const WRES_TARGETS: TargetsSource<'ethnicMinority'> = {
  group: WRES_TARGET_GROUP,
  async targets(store, organisationId, years, goalPct, current) {
    const reports = (await Promise.all(years.map((y) => wresReportFor(store, organisationId, y, { suppressBreakdowns: true, current })))).filter((r): r is WresReport => r !== null);
    return reports.length === 0 ? null : modelEmployerTargets(reports, { goalPct });
  },
};

export const WDES_TARGETS: TargetsSource<'disabled'> = {
  group: WDES_TARGET_GROUP,
  async targets(store, organisationId, years, goalPct, current) {
    const inputs = await wdesTargetYears(store, organisationId, years, current);
    return inputs.length === 0 ? null : modelEmployerTargetsFor(WDES_TARGET_GROUP, inputs, { goalPct });
  },
};

/**
 * The targets from every loaded year up to `year`, oldest first, towards the goal (a local population share, or
 * null for the method's own); null when none of those years has the standard's figures.
 */
export async function targetsTo<F extends string>(
  services: WithStore, source: TargetsSource<F>, organisationId: number, year: number, goalPct: number | null, current?: CurrentImports,
): Promise<TargetsResult<F> | null> {
  const years = (await currentYears(services.store, organisationId, current)).filter((y) => y <= year).sort((a, b) => a - b);
  return source.targets(services.store, organisationId, years, goalPct, current);
}
