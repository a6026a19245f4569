/** The standards Mirror ships, registered once. */
import { MEDICAL_STANDARD } from './medical.ts';
import { PAY_GAP_STANDARD } from './paygap.ts';
import { StandardRegistry } from './registry.ts';
import { WDES_STANDARD } from './wdes.ts';
import { WRES_STANDARD } from './wres.ts';

export function defaultStandards(): StandardRegistry {
  return new StandardRegistry([WRES_STANDARD, WDES_STANDARD, MEDICAL_STANDARD, PAY_GAP_STANDARD]);
}

export { MEDICAL_STANDARD, PAY_GAP_STANDARD, WDES_STANDARD, WRES_STANDARD };
