import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isIsoCalendarDate, parseCount, parseDate, parseDisability, parseNumber, parseYesNo, plainDecimalValue, type FieldResult,
} from './fields.ts';

function value<T>(result: FieldResult<T>): T {
  if (!result.ok) assert.fail(`expected a value, got ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseYesNo', () => {
  test('reads every spelling of yes and no in any case, trimmed', () => {
    for (const raw of ['yes', 'Yes', ' YES ', 'y', 'Y', 'true', 'TRUE', '1']) assert.equal(value(parseYesNo(raw)), true, raw);
    for (const raw of ['no', 'No', 'n', 'N', 'false', 'False', '0', ' no ']) assert.equal(value(parseYesNo(raw)), false, raw);
  });

  test('blank is null; anything else says what was expected', () => {
    assert.equal(value(parseYesNo('')), null);
    assert.equal(value(parseYesNo('  ')), null);
    const result = parseYesNo('maybe');
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.expected : '', /yes or no/);
  });
});

describe('parseDate', () => {
  test('ISO dates, with or without a time', () => {
    assert.equal(value(parseDate('2025-03-31')), '2025-03-31');
    assert.equal(value(parseDate('2025-03-31T14:05:00Z')), '2025-03-31');
    assert.equal(value(parseDate('2024-02-29')), '2024-02-29');
  });

  test('a date written YYYY-MM-DD (read without a look-up) is read as the same date written day first', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let calendar = 0;
    for (const year of [1899, 1900, 1901, 1999, 2000, 2023, 2024, 2100, 2101]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const uk = parseDate(`${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`);
          const read = parseDate(iso);
          assert.equal(read.ok, uk.ok, iso);
          assert.equal(isIsoCalendarDate(iso), uk.ok, iso);
          if (read.ok && uk.ok) {
            assert.equal(read.value, uk.value, iso);
            calendar += 1;
          }
        }
      }
    }
    // Seven years in range, two of them leap years (2000, 2024; 1900 and 2100 are not); 1899 and 2101 are out.
    assert.equal(calendar, 5 * 365 + 2 * 366);
    for (const raw of ['2024-1-01', '2024-01-1', ' 2024-01-01', '2024/01/01', '2024-01-01T00:00', '2O24-01-01', '+024-01-01', '']) {
      assert.equal(isIsoCalendarDate(raw), false, raw);
    }
    assert.equal(value(parseDate('2024-01-01T00:00')), '2024-01-01');
  });

  test('UK day-first dates with /, - or . and one or two digit day and month', () => {
    assert.equal(value(parseDate('31/03/2025')), '2025-03-31');
    assert.equal(value(parseDate('1/4/2025')), '2025-04-01');
    assert.equal(value(parseDate('05-11-2024')), '2024-11-05');
    assert.equal(value(parseDate('05.11.2024')), '2024-11-05');
    assert.equal(value(parseDate('31/03/2025 00:00')), '2025-03-31');
  });

  test('ESR-style named months', () => {
    assert.equal(value(parseDate('31-MAR-2025')), '2025-03-31');
    assert.equal(value(parseDate('1 September 2024')), '2024-09-01');
  });

  test('blank is null', () => {
    assert.equal(value(parseDate('')), null);
  });

  test('dates that are not in the calendar are errors', () => {
    for (const raw of ['31/02/2025', '29/02/2025', '2025-02-30', '2025-13-01', '00/01/2025', '32-Jan-2025']) {
      assert.equal(parseDate(raw).ok, false, raw);
    }
  });

  test('US-style dates, two-digit years and other shapes are errors with a reason', () => {
    const us = parseDate('03/31/2025');
    assert.equal(us.ok, false);
    assert.match(!us.ok ? (us.reason ?? '') : '', /US-style/);
    const short = parseDate('31/03/25');
    assert.equal(short.ok, false);
    assert.match(!short.ok ? (short.reason ?? '') : '', /four digits/);
    for (const raw of ['2025/03/31', 'March 2025', 'yesterday', '45747', '31/03/2025/1']) {
      assert.equal(parseDate(raw).ok, false, raw);
    }
  });
});

describe('parseNumber', () => {
  test('a plain decimal is the very double Number() reads, at every length and place of the point', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const cases = ['0', '00', '0.0', '.5', '0.1', '0.3', '1.15', '15.28', '999999999999999', '0.000000000000001', '123456789012345678', '1.0000000000000002'];
    for (let i = 0; i < 20_000; i += 1) {
      const length = 1 + (next() % 18);
      let digits = '';
      for (let j = 0; j < length; j += 1) digits += String(next() % 10);
      const point = next() % (length + 1);
      cases.push(point === length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`);
    }
    for (const raw of cases) {
      assert.ok(Object.is(plainDecimalValue(raw), Number(raw)), raw);
      assert.ok(Object.is(value(parseNumber(raw)), Number(raw)), raw);
    }
    for (const raw of ['', '.', '12.', '1.2.3', '-1', '+1', '1,000', ' 1', '1e5', '£5']) assert.equal(plainDecimalValue(raw), -1, raw);
  });

  test('plain decimals, thousands commas and a leading £', () => {
    assert.equal(value(parseNumber('12')), 12);
    assert.equal(value(parseNumber('0.8')), 0.8);
    assert.equal(value(parseNumber('.5')), 0.5);
    assert.equal(value(parseNumber('1,234.50')), 1234.5);
    assert.equal(value(parseNumber('£1,234.50')), 1234.5);
    assert.equal(value(parseNumber('£ 15.20')), 15.2);
    assert.equal(value(parseNumber('1234567')), 1234567);
  });

  test('blank is null', () => {
    assert.equal(value(parseNumber('')), null);
  });

  test('negative only when allowed', () => {
    assert.equal(parseNumber('-3').ok, false);
    assert.equal(value(parseNumber('-3', { allowNegative: true })), -3);
    assert.equal(value(parseNumber('-£1,000', { allowNegative: true })), -1000);
    assert.equal(value(parseNumber('£-2.5', { allowNegative: true })), -2.5);
  });

  test('malformed numbers are errors', () => {
    for (const raw of ['abc', '1,23', '12,34.5', '1.2.3', '£', '--1', '1e3', '12 34', '$5']) {
      assert.equal(parseNumber(raw, { allowNegative: true }).ok, false, raw);
    }
  });
});

describe('parseCount', () => {
  test('non-negative whole numbers', () => {
    assert.equal(value(parseCount('0')), 0);
    assert.equal(value(parseCount('1,250')), 1250);
    assert.equal(value(parseCount('')), null);
    for (const raw of ['-1', '2.5', 'ten']) assert.equal(parseCount(raw).ok, false, raw);
  });
});

describe('parseDisability', () => {
  test('yes, no, not declared and missing', () => {
    for (const raw of ['Yes', 'y', 'TRUE', '1']) assert.equal(value(parseDisability(raw)), 'yes', raw);
    for (const raw of ['No', 'n', 'false', '0']) assert.equal(value(parseDisability(raw)), 'no', raw);
    for (const raw of ['Not declared', 'Prefer not to say', 'NOT STATED', 'Unknown', 'Not known', 'not-declared']) {
      assert.equal(value(parseDisability(raw)), 'notDeclared', raw);
    }
    assert.equal(value(parseDisability('')), 'missing');
    assert.equal(parseDisability('sometimes').ok, false);
  });
});
