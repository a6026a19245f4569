/**
 * Mapping presets shipped with Mirror: the headings of a named source system's export, mapped onto Mirror's
 * columns, each citing where those headings are publicly documented. A preset is recognised by its headings
 * (recognise.ts), so a file exported from that system imports without a mapping step.
 *
 * There are none yet, on purpose. The research behind this list (shared/domain/returns-and-exports.md) found no
 * public source for the column headings of any export Mirror reads:
 * - Electronic Staff Record (ESR) equality reports: ESR Business Intelligence dashboards are documented
 *   (https://my.esr.nhs.uk/dashboard/web/esrweb/about-business-intelligence), but headings such as "Ethnic Origin",
 *   "Pay Band", "Staff Group" and "Assignment Category" were seen in no stored export or guide: unverified.
 * - TRAC and NHS Jobs recruitment exports, and Jobtrain: no export's headings found in any source.
 * - NHS Staff Survey workforce equality breakdowns (WRES 5 to 8, WDES 4 to 9a): the spreadsheets exist
 *   (https://www.nhsstaffsurveyresults.com/) but their headings were not retrieved, and question numbers change
 *   between survey years.
 * Inventing headings would make a preset that matches nobody's file or, worse, reads the wrong column. Until a
 * documented layout is found, the mapping step and the presets people save from it (shared with every
 * organisation, see the import's mapping page) cover these exports. docs/data-formats.md says the same.
 */
import type { MappingPreset } from './recognise.ts';

export const SHIPPED_PRESETS: readonly MappingPreset[] = [];
