/**
 * What a pay gap needs to know about a person: their pay, whether they are a full-pay relevant employee, and the
 * characteristics compared. A staff record has all of it; the store keeps just this much for the pay gap pages.
 */
import type { StaffRecord } from '../records.ts';

export type PayPerson = Pick<StaffRecord, 'gender' | 'ethnicity' | 'disability' | 'hourlyPay' | 'bonusPay' | 'fullPayRelevant' | 'bankOnly'>;

export function payPerson(record: StaffRecord): PayPerson {
  const { gender, ethnicity, disability, hourlyPay, bonusPay, fullPayRelevant, bankOnly } = record;
  return { gender, ethnicity, disability, hourlyPay, bonusPay, fullPayRelevant, bankOnly };
}
