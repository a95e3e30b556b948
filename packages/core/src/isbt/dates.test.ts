import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysInYear,
  formatIsbtDateContent,
  isbtDateFromCalendar,
  isbtDateToInstant,
  isbtDateToIso,
  parseIsbtDateAt,
  type IsbtDate,
} from './dates.js';
import { thrownIsbt } from './test-support/thrown.js';

const iso = (content: string, s: 'DS004' | 'DS005' = 'DS004'): string =>
  isbtDateToIso(parseIsbtDateAt(s, content, 0));

describe('ISBT 128 dates (DS004–DS007)', () => {
  it('applies the century digit and ordinal day, leap years included (domain.md §1.6)', () => {
    expect(iso('024365')).toBe('2024-12-30');
    expect(iso('024366')).toBe('2024-12-31');
    expect(iso('025045')).toBe('2025-02-14');
    expect(iso('025365')).toBe('2025-12-31');
    expect(iso('124001')).toBe('2124-01-01');
    expect(iso('0183652359', 'DS005')).toBe('2018-12-31T23:59');
    expect(iso('0240010000', 'DS005')).toBe('2024-01-01T00:00');
  });

  it('rejects impossible days and times', () => {
    expect(thrownIsbt(() => parseIsbtDateAt('DS004', '025366', 0)).message).toMatch(
      /day 366 does not exist in 2025/,
    );
    expect(thrownIsbt(() => parseIsbtDateAt('DS006', '025000', 0)).details).toMatchObject({
      structure: 'DS006',
      position: 4,
    });
    expect(thrownIsbt(() => parseIsbtDateAt('DS005', '0250012400', 0)).message).toMatch(/hour 24/);
    expect(thrownIsbt(() => parseIsbtDateAt('DS007', '0250012360', 0)).message).toMatch(
      /minute 60/,
    );
    expect(thrownIsbt(() => parseIsbtDateAt('DS004', '02A001', 0)).details).toMatchObject({
      position: 3,
      character: 'A',
    });
  });

  it('converts to an instant in the facility time zone; dates alone mean 23:59', () => {
    const d = parseIsbtDateAt('DS004', '024366', 0);
    expect(isbtDateToInstant(d).toISOString()).toBe('2024-12-31T23:59:00.000Z');
    expect(isbtDateToInstant(d, 480).toISOString()).toBe('2024-12-31T15:59:00.000Z');
    expect(isbtDateFromCalendar(2024, 12, 31)).toEqual({ year: 2024, dayOfYear: 366 });
  });

  it('parse(format(x)) == x for dates and date-times', () => {
    const dateArb = fc.integer({ min: 2000, max: 2999 }).chain((year) =>
      fc.record({
        year: fc.constant(year),
        dayOfYear: fc.integer({ min: 1, max: daysInYear(year) }),
      }),
    );
    const timeArb = fc.record({
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(dateArb, timeArb, (date, time) => {
        const withTime: IsbtDate = { ...date, time };
        expect(parseIsbtDateAt('DS004', formatIsbtDateContent('DS004', date), 0)).toEqual(date);
        expect(parseIsbtDateAt('DS007', formatIsbtDateContent('DS007', withTime), 0)).toEqual(
          withTime,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to build years it cannot encode', () => {
    expect(() => formatIsbtDateContent('DS004', { year: 1999, dayOfYear: 1 })).toThrow(/1999/);
  });
});
