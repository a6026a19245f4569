/**
 * The differencing attack on whole reports as a viewer or the API gets them: each report's published JSON (with
 * disclosure control) beside the same report unsuppressed (the truth), read into one model per report.
 */
import { WRES_ETHNICITY } from '../../src/core/ethnicity/wres-characteristic.ts';
import { attack, DisclosureModel, smallCount, type Disclosure } from './differencing.ts';
import type { Json } from './json.ts';
import { addRatioIndicator, samePeople, type EthnicStructure, type RatioJson } from './ratio-equations.ts';
import { auditPayCharacteristic } from './paygap-equations.ts';
import { categoriesOf } from '../../src/core/indicators/characteristic.ts';
import { DISABILITY_PAY_GAP, ethnicityPayGap, GENDER_PAY_GAP } from '../../src/core/paygap/definitions.ts';

export const WRES_ETHNIC: EthnicStructure = {
  reference: 'white',
  specific: 'ethnicMinority',
  aggregated: Object.fromEntries(WRES_ETHNICITY.aggregatedSets.map((s) => [s.key, s.categories])),
};

/** A report as the API serialises it. */
export function asJson<T>(report: T): Json {
  return JSON.parse(JSON.stringify(report));
}

export function auditWres(published: Json, truth: Json): readonly Disclosure[] {
  const model = new DisclosureModel(smallCount(published.disclosure.minimumCellSize));
  for (const id of ['2', '3', '4']) addRatioIndicator(model, `WRES ${id}`, published.indicators[id], truth.indicators[id], WRES_ETHNIC);
  samePeople(model, 'WRES 3', 'WRES 4', ['white', 'ethnicMinority']);
  return attack(model).disclosures;
}

export function auditWdes(published: Json, truth: Json): readonly Disclosure[] {
  const model = new DisclosureModel(smallCount(published.disclosure.minimumCellSize));
  for (const id of ['2', '3']) addRatioIndicator(model, `WDES ${id}`, published.metrics[id], truth.metrics[id], null);
  return attack(model).disclosures;
}

interface Share {
  readonly count: number;
}

/**
 * The medical report: indicators 2 to 4 as WRES's, and its leadership table, whose consultant row is indicator 1's
 * consultant row (published whatever its size). Its headline figures are themselves a staff group of the
 * organisation, so, unlike an organisation's, they must never show a count of 1 to 7 either.
 */
export function auditMedical(published: Json, truth: Json, minimumCellSize = 8): readonly Disclosure[] {
  const small = smallCount(minimumCellSize);
  const model = new DisclosureModel(small);
  const shown: Disclosure[] = [];
  for (const id of ['2', '3', '4']) {
    const indicator = published.indicators[id] as RatioJson;
    addRatioIndicator(model, `medical ${id}`, indicator, truth.indicators[id], WRES_ETHNIC);
    if (indicator.available && indicator.groups && indicator.orientation) {
      for (const group of [indicator.orientation.numerator, indicator.orientation.denominator]) {
        const g = indicator.groups[group]!;
        for (const [what, value] of [['events', g.events], ['people', g.population], ['without', g.population - g.events]] as const) {
          if (small(value)) shown.push({ variable: `medical ${id}/headline/${group}.${what} (published)`, value });
        }
      }
    }
  }
  samePeople(model, 'medical 3', 'medical 4', ['white', 'ethnicMinority']);
  const appointment = published.consultantAppointment;
  if (appointment.available) {
    for (const group of ['white', 'ethnicMinority']) {
      const g = appointment.groups[group];
      for (const value of [g.events, g.population, g.population - g.events]) {
        if (small(value)) shown.push({ variable: `consultant appointment/${group} (published)`, value });
      }
    }
  }
  const leaders = (truth.leadership ?? []) as readonly { role: string; total: number; ethnicMinority: Share; withheld: boolean }[];
  for (const role of leaders) {
    const seen = (published.leadership ?? []).find((r: { role: string }) => r.role === role.role);
    const visible = seen && !seen.withheld;
    const name = `medical leadership/${role.role}`;
    model.observe(`${name}/ethnicMinority`, visible ? seen.ethnicMinority.count : null, role.ethnicMinority.count);
    model.observe(`${name}/everyone`, visible ? seen.total : null, role.total);
    model.observe(`${name}/others`, visible ? seen.total - seen.ethnicMinority.count : null, role.total - role.ethnicMinority.count);
    model.sum(`${name}/everyone`, [`${name}/ethnicMinority`, `${name}/others`]);
  }
  const consultants = (published.indicators['1'].rows as readonly { cluster: string; row: string; total: number; ethnicMinority: Share }[])
    .find((r) => r.cluster === 'medical' && r.row === 'Consultants');
  if (consultants && leaders.some((r) => r.role === 'consultant')) {
    model.publish('medical 1/Consultants/ethnicMinority', consultants.ethnicMinority.count);
    model.publish('medical 1/Consultants/everyone', consultants.total);
    model.same('medical leadership/consultant/ethnicMinority', 'medical 1/Consultants/ethnicMinority');
    model.same('medical leadership/consultant/everyone', 'medical 1/Consultants/everyone');
  }
  return [...shown, ...attack(model).disclosures];
}

/** A pay gap report shared (forSharing) against the truth: the same report unsuppressed, with every pay figure (minimumGroupSize 0). */
export function auditPayGap(published: Json, truth: Json): readonly Disclosure[] {
  const definitions = { gender: GENDER_PAY_GAP, ethnicity: ethnicityPayGap(published.settings.ethnicityReference), disability: DISABILITY_PAY_GAP } as const;
  return (['gender', 'ethnicity', 'disability'] as const).flatMap((name) => {
    const d = definitions[name];
    const unknown = categoriesOf(d.characteristic as never, d.characteristic.unknownGroup as never, d.categories);
    return auditPayCharacteristic(name, published[name], truth[name], { shown: published.population, truth: truth.population }, unknown, published.settings);
  });
}
