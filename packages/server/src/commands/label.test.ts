import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../time-zone.js';
import { buildLabel } from './label.js';

/** DS005 content is `&>cyyjjjhhmm`: century digit, year, day of the year, hour, minute. */
const expiration = (expiresAt: string, timeZone: string): string | undefined =>
  buildLabel(
    {
      din: 'G123417654401',
      productCode: 'E9010V00',
      bloodGroup: { abo: 'A', rhd: 'pos' },
      expiresAt: new Date(expiresAt),
    },
    timeZone,
  )?.expiration;

describe('unit label expiration (DS005) in the labelling site time zone', () => {
  it('prints local midnight in Shanghai for 16:00 UTC, and 16:00 in UTC', () => {
    expect(expiration('2026-03-01T16:00:00Z', 'Asia/Shanghai')).toBe('&>0260610000'); // 2 March
    expect(expiration('2026-03-01T16:00:00Z', 'UTC')).toBe('&>0260601600'); // 1 March
  });

  it('moves to the next year when local time has crossed midnight on 31 December', () => {
    expect(expiration('2026-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('&>0270010030');
  });

  it('follows daylight saving in Europe/Berlin around both transitions of 2026', () => {
    // 29 March (day 088): clocks go 02:00 CET → 03:00 CEST at 01:00 UTC.
    expect(expiration('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('&>0260880130');
    expect(expiration('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('&>0260880330');
    // 25 October (day 298): 03:00 CEST → 02:00 CET at 01:00 UTC, so 02:30 is printed twice.
    expect(expiration('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('&>0262980230');
    expect(expiration('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('&>0262980230');
  });

  it('knows IANA zone names in any case and refuses offsets and inventions', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const name of ['+08:00', 'Mars/Olympus_Mons', '', 'Asia/../Shanghai']) {
      expect(canonicalTimeZone(name), name).toBeNull();
    }
  });
});
