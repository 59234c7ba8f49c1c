/**
 * The figures of src/import/statistics.ts on networks built by hand: the bootstrap's weighted formulas (an
 * account drawn k times stands k times) equal the plain formulas on the expanded sample; full and missing
 * months; the seeded bootstrap gives the same intervals again.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Network, POST, REACTION, REPLY } from '../src/import/network.ts';
import { computeStatistics, fullMonths } from '../src/import/statistics.ts';
import { dayOf } from '../src/import/calendar.ts';

const day = (iso: string) => dayOf(Date.parse(`${iso}T12:00:00Z`));

/**
 * A network of `counts[a]` posts by account a, all in January 2024 (a full month: anchors on its first and last day).
 */
function network(counts: number[]): Network {
  const net = new Network();
  const g = net.addGroup({ private: false });
  const accounts = counts.map(() => net.addAccount({}));
  net.seen(day('2024-01-01'));
  net.seen(day('2024-01-31'));
  accounts.forEach((a, i) => {
    for (let k = 0; k < counts[i]!; k++) net.contribute(a, day('2024-01-10'), POST, g);
  });
  return net;
}

function plainGini(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const sum = s.reduce((t, x) => t + x, 0);
  return sum === 0 ? 0 : (2 * s.reduce((t, x, i) => t + (i + 1) * x, 0)) / (n * sum) - (n + 1) / n;
}

function plainTop(xs: number[], f: number): number {
  const s = [...xs].sort((a, b) => b - a);
  const sum = s.reduce((t, x) => t + x, 0);
  return s.slice(0, Math.max(1, Math.ceil(s.length * f - 1e-9))).reduce((t, x) => t + x, 0) / sum;
}

describe('the figures of a network', () => {
  it('Gini and top shares are the textbook ones on the accounts (zeros included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 60 }).filter((xs) => xs.some((x) => x > 0)),
        (counts) => {
          const s = computeStatistics(network(counts).freeze(), 'slack', { replicates: 10 });
          const f = (k: string) => (s.figures[k] as { value: number }).value;
          expect(f('gini')).toBeCloseTo(plainGini(counts), 10);
          expect(f('top10Share')).toBeCloseTo(plainTop(counts, 0.1), 10);
          expect(f('top1Share')).toBeCloseTo(plainTop(counts, 0.01), 10);
          expect(f('contributorShare')).toBeCloseTo(counts.filter((x) => x > 0).length / counts.length, 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every bootstrap value is the figure of some resample: inside [min, max] of what resamples can give', () => {
    const counts = [0, 0, 0, 1, 1, 2, 3, 5, 8, 13, 21, 0, 0, 4];
    const s = computeStatistics(network(counts).freeze(), 'slack', { replicates: 300, seed: 3 });
    const share = s.figures.monthlyContributors as { value: number; interval: [number, number] };
    expect(share.value).toBeCloseTo(9 / 14, 12);
    expect(share.interval[0]).toBeLessThan(share.value);
    expect(share.interval[1]).toBeGreaterThan(share.value);
    expect(share.interval[0]).toBeGreaterThanOrEqual(0);
    expect(share.interval[1]).toBeLessThanOrEqual(1);
  });

  it('the same seed gives the same intervals; another seed other ones', () => {
    const counts = Array.from({ length: 50 }, (_, i) => (i * 7) % 11);
    const a = computeStatistics(network(counts).freeze(), 'slack', { replicates: 50, seed: 1 });
    const b = computeStatistics(network(counts).freeze(), 'slack', { replicates: 50, seed: 1 });
    const c = computeStatistics(network(counts).freeze(), 'slack', { replicates: 50, seed: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.figures.gini)).not.toBe(JSON.stringify(c.figures.gini));
  });

  it('replies, reactions and threads are told apart', () => {
    const net = new Network();
    const g = net.addGroup({ private: true, members: 5 });
    const a = net.addAccount({});
    const b = net.addAccount({});
    net.seen(day('2024-03-01'));
    net.seen(day('2024-03-31'));
    net.contribute(a, day('2024-03-02'), POST, g);
    net.contribute(b, day('2024-03-02'), REPLY, g);
    net.contribute(b, day('2024-03-03'), REPLY, g);
    net.contribute(a, day('2024-03-03'), REACTION, g);
    const s = computeStatistics(net.freeze(), 'slack', { replicates: 10 });
    const f = (k: string) => (s.figures[k] as { value: number }).value;
    expect([f('threadsPerMonth'), f('repliesPerMonth'), f('reactionsPerMonth'), f('repliesPerThread')]).toEqual([
      1, 2, 1, 2,
    ]);
    expect(f('teamActivityShare')).toBe(1);
    expect(s.groups.meanTeamSize).toBe(5);
  });
});

describe('full and missing months', () => {
  it('a month is full from its first day to its last; a full month without any item is missing', () => {
    const net = new Network();
    net.addGroup({ private: false });
    net.addAccount({});
    for (const d of ['2024-01-15', '2024-02-01', '2024-02-29', '2024-04-03', '2024-05-31', '2024-06-02'])
      net.seen(day(d));
    const { full, used, missing } = fullMonths(net.freeze());
    const label = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    expect(full.map(label)).toEqual(['2024-02', '2024-03', '2024-04', '2024-05']);
    expect(missing.map(label)).toEqual(['2024-03']);
    expect(used.map(label)).toEqual(['2024-02', '2024-04', '2024-05']);
  });

  it('no full month is a RangeError (the command says it in one line)', () => {
    const net = network([1, 2]);
    const short = new Network();
    short.addGroup({ private: false });
    const a = short.addAccount({});
    short.contribute(a, day('2024-01-10'), POST, 0);
    expect(() => computeStatistics(short.freeze(), 'slack')).toThrow(RangeError);
    expect(() => computeStatistics(net.freeze(), 'slack', { replicates: 10 })).not.toThrow();
  });
});
