import { describe, expect, it } from 'vitest';
import { parseStatistic, resolveWindow, statistic, type RunView } from '../src/metrics/statistics.ts';
import { TRACE_OPEN_VISIT } from '../src/model/phases/activity.ts';
import { SERIES, SERIES_INDEX } from '../src/metrics/series.ts';
import type { World } from '../src/model/world.ts';

/** A hand-made run: 4 employees over 10 ticks, with known activity. */
function fakeRun(): RunView {
  const E = 4;
  const ticks = 10;
  const state = new Uint8Array(E * ticks);
  const open = new Uint8Array(E * ticks);
  const set = (t: number, i: number, s: number, o = 0) => {
    state[t * E + i] = s;
    open[t * E + i] = o;
  };
  // Employee 0: never active. 1: reads every day in an open community. 2: contributes in open communities
  // on 5 days (3 posts each). 3: reads a team group on day 9 only.
  for (let t = 0; t < ticks; t++) set(t, 1, 1 | TRACE_OPEN_VISIT);
  for (let t = 0; t < 5; t++) set(t, 2, 2 | TRACE_OPEN_VISIT, 3);
  set(9, 3, 1);
  const series = SERIES.map(() => new Float64Array(ticks));
  series[SERIES_INDEX.value!]!.set([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
  series[SERIES_INDEX.contributors!]!.set([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  const world = { employees: E, webSociability: Float64Array.from([0.1, 0.9, 0.5, 0.3]) } as unknown as World;
  return { ticks, series, world, trace: { employees: E, ticks, state, open } };
}

describe('window statistics', () => {
  const run = fakeRun();

  it('counts who took part, who only read and who contributed in the window', () => {
    expect(statistic(run, 'activeOnce', 0, 0)).toBe(0.75);
    expect(statistic(run, 'readOnlyShare', 0, 0)).toBe(0.5);
    expect(statistic(run, 'contributorShare', 0, 0)).toBe(0.25);
    // The last 5 ticks: employee 2 no longer contributes.
    expect(statistic(run, 'contributorShare', -5, 0)).toBe(0);
    expect(statistic(run, 'activeOnce', -5, 0)).toBe(0.5);
  });

  it('finds observers among open-community users: contributing on fewer than 1 day in 10', () => {
    // Users of open communities: 1 (never contributes) and 2 (5 days of 10): one observer of two.
    expect(statistic(run, 'observerShare', 0, 0)).toBe(0.5);
  });

  it('finds open-community users who posted nothing, and whether the top contributors stay on top', () => {
    // Open users: 1 (reads only) and 2 (posts): one silent of two.
    expect(statistic(run, 'openSilence', 0, 0)).toBe(0.5);
    // The top tenth of 4 employees is 1: employee 2 leads both halves of days 0-3, and nobody contributes after day 4.
    expect(statistic(run, 'topPersistence', 0, 4)).toBe(1);
    expect(statistic(run, 'topPersistence', 0, 0)).toBe(0);
  });

  it('measures concentration of open-community contributions among their users', () => {
    // Two users: one made all 15 posts.
    expect(statistic(run, 'openTop1', 0, 0)).toBe(1);
    expect(statistic(run, 'openGini', 0, 0)).toBeCloseTo(0.5, 12);
  });

  it('reduces series: mean, sum, last and growth between the halves of the window', () => {
    expect(statistic(run, 'mean:value', 0, 0)).toBe(1.5);
    expect(statistic(run, 'sum:value', 0, 0)).toBe(15);
    expect(statistic(run, 'last:value', 0, 0)).toBe(2);
    expect(statistic(run, 'growth:value', 0, 0)).toBe(1);
    expect(statistic(run, 'dailyContributors', 0, 0)).toBe(0.125);
  });

  it("counts monthly contributors over full months only, counted back from the window's end", () => {
    // 63 ticks = 3 months of 21 days; 2 employees. Employee 0 contributes on day 0 (month 1) and day 62 (month 3);
    // employee 1 on day 30 (month 2). Each month one of two contributed: 0.5. Months are counted back from the
    // window's end: over the last 50 days, only days 21..41 and 42..62 count.
    const E = 2;
    const ticks = 63;
    const state = new Uint8Array(E * ticks);
    state[0 * E + 0] = 2;
    state[62 * E + 0] = 2;
    state[30 * E + 1] = 2;
    const series = SERIES.map(() => new Float64Array(ticks));
    series[SERIES_INDEX.posts_team!]!.fill(2);
    series[SERIES_INDEX.ownerPosts!]!.fill(1);
    const world = { employees: E } as unknown as World;
    const run: RunView = {
      ticks,
      series,
      world,
      trace: { employees: E, ticks, state, open: new Uint8Array(E * ticks) },
    };
    expect(statistic(run, 'monthlyContributors', 0, 0)).toBe(0.5);
    expect(statistic(run, 'monthlyContributors', -50, 0)).toBe(0.5);
    // The last month alone: employee 0 only. A window shorter than a month has no full month: 0.
    expect(statistic(run, 'monthlyContributors', -21, 0)).toBe(0.5);
    expect(statistic(run, 'monthlyContributors', -20, 0)).toBe(0);
    // (2 + 1) posts a day over 21 days, for 2 employees.
    expect(statistic(run, 'monthlyPosts', 0, 0)).toBe(31.5);
  });

  it('resolves windows from the horizon and refuses unknown names with the list of allowed ones', () => {
    expect(resolveWindow(500, -125, 0)).toEqual([375, 500]);
    expect(resolveWindow(500, 0, 125)).toEqual([0, 125]);
    expect(parseStatistic('mean:valu')).toEqual({ error: 'unknown series "valu"' });
    expect('error' in parseStatistic('activShare')).toBe(true);
    expect((parseStatistic('median:value') as { error: string }).error).toMatch(/unknown reduction "median"/);
  });

  it('needs the trace for per-employee statistics', () => {
    expect(() => statistic({ ...run, trace: null }, 'activeOnce', 0, 0)).toThrow(/trace/);
  });
});
