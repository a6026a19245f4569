/**
 * The medical workforce report in a terminal: WRES indicators 1 to 4 for medical and dental staff, medical
 * leadership against consultants, and appointment to consultant posts.
 */
import type { MedicalReport } from '../medical/report.ts';
import { count, interval, pct, ratio } from './numbers.ts';
import { unavailableText, verdict } from './sections.ts';
import { textTable } from './text-table.ts';
import { indicator1Text, ratioText } from './wres-text.ts';

export function medicalText(report: MedicalReport): string {
  const i = report.indicators;
  const out = [`Medical workforce race equality ${report.year}: medical and dental staff only`, indicator1Text(i['1'])];
  for (const id of ['2', '3', '4'] as const) {
    const indicator = i[id];
    out.push(indicator.available ? ratioText(indicator) : unavailableText(indicator));
  }
  out.push('\nMedical leadership');
  if (report.leadership) {
    out.push(textTable(
      [
        { heading: 'Role' }, { heading: 'Ethnic minority', align: 'right' }, { heading: 'Of', align: 'right' },
        { heading: 'Share', align: 'right' }, { heading: '95% interval' }, { heading: 'Note' },
      ],
      report.leadership.map((l) => l.withheld
        ? [l.label, 'withheld', '', '', '', 'fewer than the minimum cell size']
        : [
          l.label, count(l.ethnicMinority.count), count(l.total), pct(l.ethnicMinority.pct),
          interval(l.ci95, (n) => `${n.toFixed(1)}%`), l.smallNumbers ? 'small numbers' : '',
        ]),
    ));
  } else {
    out.push('  Not available: staff.csv has no medical_leadership values.');
  }
  out.push('\nAppointment from shortlisting to consultant posts');
  const a = report.consultantAppointment;
  if (a.available) {
    out.push(`  Relative likelihood: ${ratio(a.value)}`, `  ${a.statement}`, ...verdict(a).map((l) => `  ${l}`));
  } else {
    out.push(`  Not available: ${a.reason}.`);
  }
  out.push('\nNotes on the data:', ...report.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
