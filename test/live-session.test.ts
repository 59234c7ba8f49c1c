/**
 * A live run with its ghost (src/live/session.ts), and the series kept from its frames (src/live/series.ts), as
 * the page's live view and the workshop server use them: the run is the scenario with its changes scheduled, the
 * ghost the same without the latest change, both bit for bit, whatever the chunks the frames came in.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { runScenario } from '../src/run.ts';
import { LiveSession } from '../src/live/session.ts';
import { LiveSeries } from '../src/live/series.ts';
import { withChanges } from '../src/scenario/live-change.ts';

const small = async () =>
  validate({
    name: 'small',
    organization: { employees: 200 },
    external: { customers: 50 },
    ticks: 60,
    interventions: [{ at: 20, label: 'scheduled', set: { 'smm.count': 2 } }],
  });

const upTo = (series: Float64Array[], n: number) => series.map((s) => Array.from(s.subarray(0, n)));

describe('a live run with its ghost', () => {
  it('the run is its scenario with the changes scheduled; the ghost the same without the latest change', async () => {
    const scenario = await small();
    const s = new LiveSession(scenario, 7);
    const kept = new LiveSeries(scenario.ticks);
    const steps = [kept.store(s.advance(9)), kept.store(s.advance(11))];
    expect(kept.ghost).toBeUndefined();
    expect(s.intervene({ 'smm.count': 3 }, 'Hire an SMM')).toBe(20);
    kept.changed(1);
    expect(kept.ghostPending).toBe(true);
    steps.push(kept.store(s.advance(5)));
    // The ghost began at day 0 and followed the run to its day in the same frame.
    expect(steps[2]).toEqual({ from: 20, to: 25, ghost: { from: 0, to: 25, restart: true } });
    expect(kept.ghost!.label).toBe('Hire an SMM');
    expect(s.intervene({ 'cm.speakShare': 0.7 }, 'Let the CM speak more')).toBe(25);
    steps.push(kept.store(s.advance(10)));
    // The change was answered after the frame that brought its ghost: that ghost is kept, not dropped.
    kept.changed(2);
    expect(kept.ghost?.label).toBe('Let the CM speak more');
    expect(steps[3]!.ghost).toEqual({ from: 0, to: 35, restart: true });
    steps.push(kept.store(s.advance(100)));
    expect(kept.done).toBe(true);
    expect(steps[4]).toEqual({ from: 35, to: 60, ghost: { from: 35, to: 60, restart: false } });

    const run = runScenario(withChanges(scenario, s.changes), 7);
    const ghost = runScenario(withChanges(scenario, s.changes.slice(0, 1)), 7);
    expect(upTo(kept.series, 60)).toEqual(upTo(run.series, 60));
    expect(upTo(kept.ghost!.series, 60)).toEqual(upTo(ghost.series, 60));
    // A live change made on the scheduled day comes before the scenario's own (it was applied before the day ran).
    expect(
      withChanges(scenario, [{ tick: 20, label: 'x', set: { 'smm.count': 5 } }]).interventions.map((i) => i.label),
    ).toEqual(['x', 'scheduled']);
  });

  it('a ghost catches up without the run advancing; days of a replaced ghost are left out', async () => {
    const scenario = await small();
    const s = new LiveSession(scenario, 3);
    const kept = new LiveSeries(scenario.ticks);
    kept.store(s.advance(30));
    s.intervene({ 'smm.count': 4 }, 'first');
    const stale = s.followGhost();
    expect(stale).toMatchObject({ from: 0, to: 30, restart: true, change: 1 });
    expect(s.followGhost()).toBeNull();
    s.intervene({ 'smm.count': 1 }, 'second');
    kept.changed(1);
    kept.changed(2);
    // A frame of the first ghost, arriving after the second change was answered, is not stored.
    expect(kept.storeGhost(stale)).toBeNull();
    expect(kept.ghost).toBeUndefined();
    expect(kept.storeGhost(s.followGhost())).toEqual({ from: 0, to: 30, restart: true });
    expect(kept.ghost!.label).toBe('second');
    expect(upTo(kept.ghost!.series, 30)).toEqual(
      upTo(runScenario(withChanges(scenario, s.changes.slice(0, 1)), 3).series, 30),
    );
  });
});
