/**
 * People for the pay gap tests (src/core/paygap/*.test.ts): a full-pay relevant woman of ethnic category A on 15 an
 * hour unless told otherwise, and a check that a figure is within a tolerance of its expected value.
 */
import assert from 'node:assert/strict';
import type { DisabilityStatus, StaffRecord } from '../../src/core/records.ts';
import { staff } from './builders.ts';

export function close(actual: number | null | undefined, expected: number, tolerance = 1e-9, message = ''): void {
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance,
    `${message} expected ${expected}, got ${actual}`,
  );
}

export interface PersonOptions {
  ethnic?: string;
  gender?: string | null;
  disability?: DisabilityStatus;
  hourly?: number | null;
  bonus?: number | null;
  fullPay?: boolean;
  bank?: boolean;
}

let nextId = 0;
export function person(options: PersonOptions): StaffRecord {
  nextId += 1;
  return {
    ...staff(`P${nextId}`, options.ethnic ?? 'A', { bank: options.bank ?? false }),
    gender: options.gender === undefined ? 'Female' : options.gender,
    disability: options.disability ?? 'no',
    hourlyPay: options.hourly === undefined ? 15 : options.hourly,
    bonusPay: options.bonus === undefined ? null : options.bonus,
    fullPayRelevant: options.fullPay ?? true,
  };
}

/** One person per pay value, all with the same other options. */
export function people(pays: readonly number[], options: PersonOptions = {}): StaffRecord[] {
  return pays.map((hourly) => person({ ...options, hourly }));
}
