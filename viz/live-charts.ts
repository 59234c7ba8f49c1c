/**
 * The live view's charts and monitors, drawn from the live run (viz/live.ts) one component at a time: a frame
 * draws components round-robin until its budget is spent, so no frame turns into a long task even when every
 * chart has new data.
 */
import type { LiveRun } from './live.ts';
import { compact } from '../src/compare/words.ts';
import { axisNumber } from './charts/day-axes.ts';
import { TimeChart, type View } from './charts/time-chart.ts';
import { LorenzChart } from './charts/lorenz.ts';
import { OrgView } from './charts/org-view.ts';
import { LINE_COLOURS, OKABE_ITO, STATE_COLOURS } from './palette.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const P = (key: string, label: string, colour: string) => ({ key, label, colour });
/** The top of a stack: everyone who took part (contributed or read). */
const takingPart = (c: string, r: string) => (get: (k: string) => Float64Array, t: number) => get(c)[t]! + get(r)[t]!;
const one = (key: string) => (get: (k: string) => Float64Array, t: number) => get(key)[t]!;
const participationViews: Record<string, View> = {
  people: {
    stacked: true,
    yLabel: 'employees',
    ghost: takingPart('contributors', 'readers'),
    lines: [
      P('contributors', 'contributed', STATE_COLOURS.contributed),
      P('readers', 'read only', STATE_COLOURS.read),
      P('absent', 'absent', STATE_COLOURS.absent),
    ],
  },
  team: {
    stacked: true,
    yLabel: 'memberships',
    ghost: takingPart('contributors_team', 'readers_team'),
    lines: [
      P('contributors_team', 'contributed', STATE_COLOURS.contributed),
      P('readers_team', 'read only', STATE_COLOURS.read),
      P('absent_team', 'absent', STATE_COLOURS.absent),
    ],
  },
  open: {
    stacked: true,
    yLabel: 'memberships',
    ghost: takingPart('contributors_open', 'readers_open'),
    lines: [
      P('contributors_open', 'contributed', STATE_COLOURS.contributed),
      P('readers_open', 'read only', STATE_COLOURS.read),
      P('absent_open', 'absent', STATE_COLOURS.absent),
    ],
  },
  external: {
    stacked: true,
    yLabel: 'memberships',
    ghost: takingPart('contributors_external', 'readers_external'),
    lines: [
      P('contributors_external', 'contributed', STATE_COLOURS.contributed),
      P('readers_external', 'read only', STATE_COLOURS.read),
      P('absent_external', 'absent', STATE_COLOURS.absent),
    ],
  },
  roles: {
    yLabel: 'share taking part',
    yMax: 1,
    format: (n) => `${Math.round(n * 100)}%`,
    lines: [
      P('active_member', 'members', LINE_COLOURS[0]!),
      P('active_manager', 'managers', LINE_COLOURS[1]!),
      P('active_owner', 'community owners', LINE_COLOURS[2]!),
    ],
  },
  risk: {
    yLabel: 'share taking part',
    yMax: 1,
    format: (n) => `${Math.round(n * 100)}%`,
    lines: [
      P('active_riskAverse', 'most risk-averse third', LINE_COLOURS[1]!),
      P('active_riskTolerant', 'least risk-averse third', LINE_COLOURS[0]!),
    ],
  },
};
const valueViews: Record<string, View> = {
  hours: {
    yLabel: 'hours (cumulative)',
    ghost: one('valueCum'),
    lines: [P('valueCum', 'value created', OKABE_ITO.green), P('costCum', 'cost of the roles', OKABE_ITO.vermillion)],
  },
  fte: { yLabel: 'FTE', format: (n) => n.toFixed(1), lines: [P('costFte', 'cost of the roles', OKABE_ITO.vermillion)] },
  ratio: {
    yLabel: 'hours of value per hour of cost',
    ghost: one('valuePerCost'),
    format: (n) => n.toFixed(2),
    lines: [P('valuePerCost', 'value per cost (cumulative)', OKABE_ITO.blue)],
  },
};

/** Interventions whose label had no room above a chart: said in its caption instead. */
function unlabelled(chart: TimeChart): string {
  const u = chart.unlabelled;
  if (!u.length) return '';
  return ` Changes: ${u
    .slice(0, 8)
    .map((m) => `day ${m.tick}: ${m.label}`)
    .join('; ')}${u.length > 8 ? `; and ${u.length - 8} more` : ''}.`;
}

export class LiveCharts {
  readonly org: OrgView;
  private readonly components: { name: string; draw: () => void }[];
  /** Components out of date, when each was last drawn, and where the round-robin goes on. */
  private readonly stale = new Set<number>();
  private readonly drawnAt: number[];
  private next = 0;
  /** New data: every component is out of date at the next frame. */
  private dirty = true;
  /** The longest redraw of each component, and of a frame, in ms (shown to tests: well under a frame). */
  readonly timing: Record<string, number> = {};
  longestDraw = 0;

  constructor(private readonly run: LiveRun) {
    const participation = new TimeChart(
      $('chart-participation'),
      'Participation',
      'participation',
      participationViews.people!,
    );
    participation.frame.addSelect(
      'Participation view',
      [
        { value: 'people', text: 'employees' },
        { value: 'team', text: 'team groups' },
        { value: 'open', text: 'open communities' },
        { value: 'external', text: 'external community' },
        { value: 'roles', text: 'by role' },
        { value: 'risk', text: 'by risk aversion' },
      ],
      (v) => {
        participation.setView(participationViews[v]!);
        this.invalidate();
      },
    );
    const value = new TimeChart($('chart-value'), 'Value and cost', 'value', valueViews.hours!);
    value.frame.addSelect(
      'Value view',
      [
        { value: 'hours', text: 'hours' },
        { value: 'fte', text: 'cost in FTE' },
        { value: 'ratio', text: 'value per cost' },
      ],
      (v) => {
        value.setView(valueViews[v]!);
        this.invalidate();
      },
    );
    const roles = new TimeChart($('chart-roles'), 'Animators and governance', 'roles', {
      yLabel: '0 to 1',
      yMax: 1,
      format: (n) => n.toFixed(1),
      lines: [
        P('legitimacy', 'mean legitimacy of animators', LINE_COLOURS[0]!),
        P('cmShare', "CM's share of posts", LINE_COLOURS[1]!),
        P('managerEngagement', "managers' animation effort", LINE_COLOURS[2]!),
        P('framework', 'framework in place', LINE_COLOURS[3]!),
      ],
    });
    const conflicts = new TimeChart($('chart-conflicts'), 'Conflicts', 'conflicts', {
      yLabel: 'count',
      format: axisNumber,
      lines: [
        P('competition', 'team groups where an SMM competes', LINE_COLOURS[1]!),
        P('overlap', 'duplicate communities', LINE_COLOURS[3]!),
        P('quarrels', 'quarrels between departments (per day)', LINE_COLOURS[4]!),
      ],
    });
    const lorenz = new LorenzChart($('chart-lorenz'));
    this.org = new OrgView($('chart-org'));
    const last = () => Math.max(0, run.tick - 1);
    this.components = [
      {
        name: 'participation',
        draw: () => {
          const b = run.bound();
          participation.update(b.get, run.tick, run.horizon, run.markers, b.ghost);
          participation.frame.setCaption(
            (run.tick
              ? `Day ${run.tick}: ${Math.round(run.get('activeShare')[last()]! * 100)}% of employees took part.`
              : '') + unlabelled(participation),
          );
        },
      },
      {
        name: 'value',
        draw: () => {
          const b = run.bound();
          value.update(b.get, run.tick, run.horizon, run.markers, b.ghost);
          value.frame.setCaption(
            (run.tick ? `Value per cost so far: ${run.get('valuePerCost')[last()]!.toFixed(2)} hours per hour.` : '') +
              unlabelled(value),
          );
        },
      },
      {
        name: 'roles',
        draw: () => {
          roles.update(run.bound().get, run.tick, run.horizon, run.markers);
          roles.frame.setCaption(unlabelled(roles).trim());
        },
      },
      {
        name: 'conflicts',
        draw: () => {
          conflicts.update(run.bound().get, run.tick, run.horizon, run.markers);
          conflicts.frame.setCaption(unlabelled(conflicts).trim());
        },
      },
      { name: 'monitors', draw: () => this.drawMonitors() },
      { name: 'lorenz', draw: () => lorenz.update(run.agents?.contributions, run.get('gini')[last()] ?? 0) },
      { name: 'org', draw: () => this.org.draw(run.agents) },
    ];
    this.drawnAt = this.components.map(() => -Infinity);
  }

  /** Everything is drawn again at the next frame. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Called on every animation frame: draws what is out of date, within the frame's budget. */
  frame(): void {
    const run = this.run;
    if (this.dirty) {
      this.dirty = false;
      this.components.forEach((_, i) => this.stale.add(i));
    }
    if (this.stale.size === 0) return;
    const t0 = performance.now();
    // At full speed, one component a frame; otherwise as many as fit in 4 ms.
    this.draw(run.speed === 'max' && run.playing ? 0 : 4);
    this.longestDraw = Math.max(this.longestDraw, performance.now() - t0);
  }

  private draw(budgetMs: number): void {
    const run = this.run;
    $('clock').textContent = `day ${run.tick} of ${run.horizon}${run.done ? ' (done)' : ''}`;
    $('play').textContent = run.playing && !run.done ? 'Pause' : 'Play';
    const start = performance.now();
    // While the run goes fast, each chart redraws at most 5 times a second: the eye cannot follow more,
    // and every redraw also costs the browser layout, paint and compositing.
    const minInterval = run.playing && (run.speed === 'max' || run.speed >= 60) ? 200 : 0;
    const n = this.components.length;
    for (let k = 0; k < n && this.stale.size > 0; k++) {
      const i = (this.next + k) % n;
      if (!this.stale.has(i) || start - this.drawnAt[i]! < minInterval) continue;
      const t0 = performance.now();
      this.drawnAt[i] = t0;
      const c = this.components[i]!;
      c.draw();
      const took = performance.now() - t0;
      this.timing[c.name] = Math.max(this.timing[c.name] ?? 0, took);
      this.stale.delete(i);
      this.next = (i + 1) % n;
      // One component a frame is enough to keep every chart fresh; more only while the budget allows.
      if (performance.now() - start > budgetMs) break;
    }
  }

  /** Big numbers for a room (presenter mode), with the ghost's figure when there is one. */
  private drawMonitors(): void {
    const run = this.run;
    const t = Math.max(0, run.tick - 1);
    const set = (id: string, text: string) => {
      const e = $(id);
      if (e.textContent !== text) e.textContent = text;
    };
    set('mon-day', `${run.tick} of ${run.horizon}`);
    if (!run.tick) {
      for (const id of ['mon-active', 'mon-value', 'mon-ratio', 'mon-smm']) set(id, '–');
      for (const id of ['mon-active-delta', 'mon-value-delta']) set(id, '');
      return;
    }
    set('mon-active', `${Math.round(run.get('activeShare')[t]! * 100)}%`);
    set('mon-value', compact(run.get('valueCum')[t]!));
    set('mon-ratio', run.get('valuePerCost')[t]!.toFixed(2));
    set('mon-smm', String(run.get('smmCount')[t]!));
    // The run without its latest live change, as far as it has followed.
    const g = run.bound().ghost;
    const gt = g ? Math.min(g.tick, run.tick) - 1 : -1;
    set(
      'mon-active-delta',
      g && gt >= 0 ? `without “${g.label}”: ${Math.round(g.get('activeShare')[gt]! * 100)}%` : '',
    );
    set('mon-value-delta', g && gt >= 0 ? `without “${g.label}”: ${compact(g.get('valueCum')[gt]!)}` : '');
  }
}
