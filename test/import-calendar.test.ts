/** The calendar of an import: instants in every zone an export writes, placed on UTC days and months. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayLabel, dayOf, firstDay, lastDay, monthLabel, monthOfDay, parseInstant } from '../src/import/calendar.ts';

describe('parseInstant', () => {
  it('reads ISO 8601 with Z, an offset, " UTC" or no zone, as Date.parse does', () => {
    expect(parseInstant('2024-03-01T09:30:00Z')).toBe(Date.parse('2024-03-01T09:30:00Z'));
    expect(parseInstant('2024-03-01T09:30:00+05:30')).toBe(Date.parse('2024-03-01T04:00:00Z'));
    expect(parseInstant('2024-02-29T22:00:00-05:00')).toBe(Date.parse('2024-03-01T03:00:00Z'));
    expect(parseInstant('2024-03-01 09:30:00 UTC')).toBe(Date.parse('2024-03-01T09:30:00Z'));
    expect(parseInstant('2024-03-01T09:30:00.123Z')).toBe(Date.parse('2024-03-01T09:30:00Z'));
    expect(parseInstant('2024-03-01')).toBe(Date.parse('2024-03-01T00:00:00Z'));
  });
  it('refuses what is not a date', () => {
    for (const t of [
      'yesterday',
      '2024-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-03-01T25:00:00Z',
      '2024-03-01T09:30:00+15:00',
      '',
    ])
      expect(parseInstant(t), t).toBeNaN();
  });
  it('agrees with Date.parse on any instant written in any zone (fast path and general reader alike)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        (ms, quarter) => {
          const s = Math.floor(ms / 1000) * 1000;
          const offset = quarter * 15;
          const local = new Date(s + offset * 60_000).toISOString().slice(0, 19);
          const a = Math.abs(offset);
          const zone =
            offset === 0
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:` +
                `${String(a % 60).padStart(2, '0')}`;
          expect(parseInstant(local + zone)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('days and months', () => {
  it('a month runs from its first day to its last, its label as orgsim calibrate reads it', () => {
    const d = dayOf(Date.parse('2024-02-29T23:59:59Z'));
    expect(dayLabel(d)).toBe('2024-02-29');
    const m = monthOfDay(d);
    expect(monthLabel(m)).toBe('2024-02');
    expect(dayLabel(firstDay(m))).toBe('2024-02-01');
    expect(dayLabel(lastDay(m))).toBe('2024-02-29');
    expect(monthOfDay(d + 1)).toBe(m + 1);
    expect(monthOfDay(d)).toBe(m);
  });
});
