/**
 * IANA time zones through Intl (the runtime's ICU time-zone database): no dependency, and the same
 * database validates a zone name and converts instants in it.
 */

/** The zone of a site that names none: the default jurisdiction is CN (UTC+8 all year). */
export const defaultTimeZone = 'Asia/Shanghai';

/** Area/Location names and `UTC`; numeric offsets (`+08:00`) are not zones and follow no DST. */
const ianaName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23: midnight is hour 0, never 24 (ICU's default for `hour12: false` in some locales).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The canonical spelling of a known IANA zone (`asia/shanghai` → `Asia/Shanghai`), else null. */
export const canonicalTimeZone = (name: string): string | null => {
  if (name.length > 64 || !ianaName.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as people at a site read it: `2026-11-25 08:45 Asia/Shanghai`. */
export const localTime = (instant: Date, timeZone: string): string => {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${timeZone}`;
};

/** What a clock on the wall in `timeZone` shows at `instant` (daylight saving included). */
export const wallClock = (instant: Date, timeZone: string): WallClock => {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
};
