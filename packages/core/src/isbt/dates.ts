import { expectChars, isbtValueError, type IsbtStructureId } from './isbt-error.js';

/**
 * DS004/DS006 `cyyjjj` and DS005/DS007 `cyyjjjhhmm` (ST-001 §2.4.4–2.4.7): century digit c,
 * year yy, ordinal day jjj (001–366), hour and minute; year = 2000 + 100·c + yy (ST-012 example
 * `&>0183652359` = 2018-12-31 23:59). Values are the labelling facility's local time.
 */
export interface IsbtDate {
  year: number;
  dayOfYear: number;
  /** Present for the date-and-time structures DS005/DS007 (23:59 when the time is unspecified). */
  time?: { hour: number; minute: number };
}

export type IsbtDateStructure = 'DS004' | 'DS005' | 'DS006' | 'DS007';
const withTime = (s: IsbtDateStructure): boolean => s === 'DS005' || s === 'DS007';
export const isbtDateLength = (s: IsbtDateStructure): number => (withTime(s) ? 10 : 6);

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInYear = (y: number): number => (isLeap(y) ? 366 : 365);

const digits = /^[0-9]$/;

const parseTime = (s: IsbtStructureId, text: string, at: number): IsbtDate['time'] => {
  const hour = Number(expectChars(s, text, at, 2, digits, 'an hour digit'));
  if (hour > 23) throw isbtValueError(s, text, at, `hour ${hour} is not 00–23`);
  const minute = Number(expectChars(s, text, at + 2, 2, digits, 'a minute digit'));
  if (minute > 59) throw isbtValueError(s, text, at + 2, `minute ${minute} is not 00–59`);
  return { hour, minute };
};

/** Parses the content of a date structure at `start` of `text`. */
export const parseIsbtDateAt = (s: IsbtDateStructure, text: string, start: number): IsbtDate => {
  const century = Number(expectChars(s, text, start, 1, digits, 'a century digit'));
  const year =
    2000 + 100 * century + Number(expectChars(s, text, start + 1, 2, digits, 'a year digit'));
  const dayOfYear = Number(expectChars(s, text, start + 3, 3, digits, 'an ordinal-day digit'));
  if (dayOfYear < 1 || dayOfYear > daysInYear(year)) {
    throw isbtValueError(s, text, start + 3, `day ${dayOfYear} does not exist in ${year}`);
  }
  return withTime(s)
    ? { year, dayOfYear, time: parseTime(s, text, start + 6) }
    : { year, dayOfYear };
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Builds the content (no data identifier) of a date structure; validates by parsing it back. */
export const formatIsbtDateContent = (s: IsbtDateStructure, d: IsbtDate): string => {
  const body = `${pad(Math.floor((d.year - 2000) / 100), 1)}${pad(d.year % 100, 2)}${pad(d.dayOfYear, 3)}`;
  const time = withTime(s) ? `${pad(d.time?.hour ?? 23, 2)}${pad(d.time?.minute ?? 59, 2)}` : '';
  const content = body + time;
  if (d.year < 2000 || d.year > 2999 || content.length !== isbtDateLength(s)) {
    throw isbtValueError(s, content, 0, `year ${d.year} cannot be encoded (2000–2999)`);
  }
  parseIsbtDateAt(s, content, 0);
  return content;
};

/** Calendar date (UTC arithmetic, no time-zone shift) of an ISBT ordinal date. */
const calendarOf = (d: IsbtDate): Date => new Date(Date.UTC(d.year, 0, d.dayOfYear));

/** ISO 8601 local date or date-time, e.g. `2024-12-30` or `2018-12-31T23:59`. */
export const isbtDateToIso = (d: IsbtDate): string => {
  const day = calendarOf(d).toISOString().slice(0, 10);
  return d.time ? `${day}T${pad(d.time.hour, 2)}:${pad(d.time.minute, 2)}` : day;
};

/**
 * The instant a label date denotes, given the labelling facility's UTC offset (minutes east).
 * A date without time means the end of that day (23:59), as ST-001 encodes unspecified times.
 */
export const isbtDateToInstant = (d: IsbtDate, utcOffsetMinutes = 0): Date => {
  const { hour, minute } = d.time ?? { hour: 23, minute: 59 };
  return new Date(calendarOf(d).getTime() + (hour * 60 + minute - utcOffsetMinutes) * 60_000);
};

/** The ISBT ordinal date of a calendar date (month 1–12). */
export const isbtDateFromCalendar = (year: number, month: number, day: number): IsbtDate => {
  const ordinal = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return { year, dayOfYear: ordinal };
};
