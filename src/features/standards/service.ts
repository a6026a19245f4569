/**
 * The standards feature's use-cases, with no HTTP: a registered standard's report of a stored year, and the check
 * of settings given as query parameters against what the standard declares.
 */
import type { AnyStandard } from '../../core/standards/standard.ts';
import { storedReport, type StoredReportOptions } from '../../services/standard-reports.ts';
import type { Store } from '../../store/store.ts';

export function reportFor(services: { readonly store: Store }, standard: AnyStandard, organisationId: number, year: number, options: StoredReportOptions): Promise<unknown> {
  return storedReport(services.store, standard, organisationId, year, options);
}

export type CheckedSettings = { readonly ok: true; readonly values: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/** Query parameters as the standard's settings: unknown names and values outside a setting's range are refused. */
export function checkSettings(standard: AnyStandard, query: Readonly<Record<string, string>>): CheckedSettings {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const setting = standard.settings.find((s) => s.name === name);
    if (!setting) return { ok: false, message: `${standard.shortName} has no setting "${name}"${standard.settings.length > 0 ? `; its settings are ${standard.settings.map((s) => s.name).join(', ')}` : ''}` };
    if (setting.kind === 'choice') {
      if (!setting.choices.includes(raw)) return { ok: false, message: `${name} must be one of ${setting.choices.join(', ')}` };
      values[name] = raw;
    } else if (setting.kind === 'whole') {
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < setting.min || n > setting.max) return { ok: false, message: `${name} must be a whole number from ${setting.min} to ${setting.max}` };
      values[name] = n;
    } else {
      if (raw !== 'true' && raw !== 'false') return { ok: false, message: `${name} must be true or false` };
      values[name] = raw === 'true';
    }
  }
  return { ok: true, values };
}
