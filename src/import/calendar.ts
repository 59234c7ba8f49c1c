/**
 * Days and months of an export, in UTC: an instant becomes the number of its day since 1970-01-01, a day the
 * number of its month (year * 12 + month - 1). Exports write instants with their own time zones (an offset,
 * "Z", " UTC", or Slack's seconds since the epoch); every one is placed on the UTC calendar, so that a
 * message written at 23:30 in New York on the 31st counts in the next month, as it does for the network.
 */

export const MS_PER_DAY = 86_400_000;

/** Working days in a month: the model's clock (src/metrics/statistics.ts: 250 a year over 12, rounded). */
export const WORKING_DAYS_PER_MONTH = 21;

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Milliseconds since the epoch of an ISO 8601 instant ("2024-03-01T09:30:00Z", "2024-03-01T09:30:00+05:30",
 * "2024-03-01 09:30:00 UTC", "2024-03-01"), or NaN when the text is none. An instant without a zone is UTC.
 */
export function parseInstant(text: string): number {
  const fast = parseCommonInstant(text);
  if (!Number.isNaN(fast)) return fast;
  const m = INSTANT.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return NaN;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day) return NaN; // 2024-02-30
  if (zone && /^[+-]/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    if (offset > 14 * 60) return NaN;
    ms -= sign * offset * 60_000;
  }
  return ms;
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The common shapes, read without a regular expression (an export has one per message): "2024-03-01T09:30:00Z"
 * and "2024-03-01T09:30:00+05:30". NaN for anything else, which the general reader then takes.
 */
function parseCommonInstant(t: string): number {
  const n = t.length;
  if (
    (n !== 20 && n !== 25) ||
    t.charCodeAt(4) !== 45 ||
    t.charCodeAt(7) !== 45 ||
    t.charCodeAt(10) !== 84 ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 58
  )
    return NaN;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    const d = digit(t, i);
    if (d < 0 || d > 9) return NaN;
  }
  const month = two(t, 5);
  const day = two(t, 8);
  const hour = two(t, 11);
  const minute = two(t, 14);
  const second = two(t, 17);
  // 29-31: the general reader checks them
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return NaN;
  let ms = Date.UTC(two(t, 0) * 100 + two(t, 2), month - 1, day, hour, minute, second);
  if (n === 20) return t.charCodeAt(19) === 90 ? ms : NaN;
  const sign = t.charCodeAt(19);
  if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58) return NaN;
  const oh = two(t, 20);
  const om = two(t, 23);
  if (!(oh >= 0 && oh <= 14 && om >= 0 && om <= 59)) return NaN;
  ms -= (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  return ms;
}

/** The UTC day of an instant in milliseconds. */
export const dayOf = (ms: number): number => Math.floor(ms / MS_PER_DAY);

/** The month of a day: year * 12 + month - 1. */
let lastDayAsked = NaN;
let lastMonth = NaN;
export function monthOfDay(day: number): number {
  // Messages come in time order: the day asked is most often the one asked before.
  if (day === lastDayAsked) return lastMonth;
  const d = new Date(day * MS_PER_DAY);
  lastDayAsked = day;
  lastMonth = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return lastMonth;
}

/** The first day of a month. */
export const firstDay = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;

/** The last day of a month. */
export const lastDay = (month: number): number => firstDay(month + 1) - 1;

/** "2024-03" for a month. */
export function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** "2024-03-01" for a day. */
export const dayLabel = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
