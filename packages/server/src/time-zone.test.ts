import { describe, expect, it } from 'vitest';
import { localTime } from './time-zone.js';

describe('localTime', () => {
  it('shows an instant as a clock at the site reads it, naming the zone', () => {
    const instant = new Date('2026-11-24T17:05:00Z');
    expect(localTime(instant, 'Asia/Shanghai')).toBe('2026-11-25 01:05 Asia/Shanghai');
    expect(localTime(instant, 'UTC')).toBe('2026-11-24 17:05 UTC');
    expect(localTime(new Date('2026-07-01T10:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-07-01 12:00 Europe/Berlin',
    );
  });
});
