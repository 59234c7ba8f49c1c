/**
 * The compare view: 2 to 6 scenarios (shipped, from files, or the current run, each with optional changes),
 * N replications each on a pool of web workers, results streaming into mean lines with 90% and 95% bands,
 * a summary table and plain-language verdicts. The page only gathers and draws; the workers run the model.
 *
 * Its state is one object (state.ts); the form (form.ts) and the drawing (draw.ts) read and write it; this
 * class wires the controls, runs the comparison and draws a piece of the view per animation frame.
 */
import { seedList } from '../../src/rng.ts';
import type { GroupKind } from '../../src/compare/metrics.ts';
import type { Band } from '../../src/compare/summary.ts';
import type { Outcomes } from '../../src/metrics/outcomes.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { BandChart } from '../charts/band-chart.ts';
import { download } from '../export.ts';
import { WorkerPool, defaultWorkers, maxWorkers, type PoolEnd } from './pool.ts';
import {
  CHARTS,
  MAX_ARMS,
  MAX_RUNS,
  MEASURES,
  bandOf,
  csv,
  initialState,
  verdicts,
  type ArmSpec,
  type ViewState,
} from './state.ts';
import { addFiles, readNumber, renderArms, resolveArms, type FormContext } from './form.ts';
import { drawChart, drawProgress, drawTable } from './draw.ts';
import { RUN_TO_RUN, auditFigure, claimOfArms } from './model-figure.ts';
import { shippedStory } from '../story.ts';

export { MAX_ARMS, MAX_RUNS, type ArmSpec } from './state.ts';
export { nameWithChanges } from './form.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The pieces of the view, drawn one per animation frame while runs stream in. */
const PIECES = ['table', 'participation', 'value', 'valuePerCost'] as const;

export class CompareView {
  /** Everything the view shows, in one object. */
  private readonly s: ViewState = initialState();
  private readonly form: FormContext;
  private readonly pool = new WorkerPool();
  private readonly charts: BandChart[];
  /** Drawing: what is out of date, drawn one piece per animation frame while runs stream in. */
  private readonly stale = new Set<number>();
  private dirty = false;
  private lastDraw = 0;
  /** The longest redraw of each piece, in ms. */
  private readonly timing: Record<string, number> = {};
  /** The longest single redraw so far, in ms (a redraw must stay well under a frame). */
  private longestDraw = 0;
  /** Settles when the comparison under way (if any) has ended. */
  private idle: Promise<unknown> = Promise.resolve();

  constructor(
    /** The live run's scenario now (with its live changes) and its name. */
    private readonly current: () => { scenario: Scenario; name: string },
    /** Called when a comparison starts (the page pauses the live run: the cores go to the comparison). */
    private readonly onStart: () => void,
  ) {
    this.form = { s: this.s, current, showError: (m) => this.showError(m) };
    this.charts = CHARTS.map((c) => new BandChart($(c.id), c.title, `orgsim-compare-${c.metric}`));
    const workers = $<HTMLSelectElement>('compare-workers');
    for (let k = 1; k <= maxWorkers(); k++)
      workers.add(new Option(k === defaultWorkers() ? `${k} (leaves a core to the page)` : String(k), String(k)));
    workers.value = String(defaultWorkers());
    $('compare-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.start();
    });
    $('compare-cancel').addEventListener('click', () => this.cancel());
    $('compare-add').addEventListener('click', () => {
      const specs = this.s.specs;
      if (specs.length >= MAX_ARMS) return;
      specs.push({ source: specs[specs.length - 1]?.source ?? 'baseline', changes: '' });
      renderArms(this.form);
      $<HTMLSelectElement>(`compare-arm-${specs.length - 1}`).focus();
    });
    $('compare-files').addEventListener('change', () => void addFiles(this.form));
    $('compare-kind').addEventListener('change', () => {
      this.s.kind = $<HTMLSelectElement>('compare-kind').value as GroupKind;
      this.invalidate();
    });
    $('compare-csv').addEventListener('click', () =>
      download('orgsim-compare.csv', new Blob([csv(this.s)], { type: 'text/csv' })),
    );
    this.setArms([
      { source: 'current', changes: '' },
      { source: 'current', changes: 'smm.count=4', example: true },
    ]);
  }

  // --- Choosing scenarios.

  /** Call when no comparison is running (see stop()). */
  setArms(specs: ArmSpec[]): void {
    this.s.specs = specs.slice(0, MAX_ARMS).map((s) => ({ ...s }));
    renderArms(this.form);
  }

  setRuns(n: number): void {
    $<HTMLInputElement>('compare-runs').value = String(n);
  }

  // --- Running.

  /** Cancel the comparison under way, if any, and wait until its workers are gone. */
  async stop(): Promise<void> {
    this.cancel();
    await this.idle;
  }

  /** Run the comparison as set up in the form (a comparison under way is cancelled first). Resolves how it ended. */
  async start(): Promise<PoolEnd | 'error'> {
    await this.stop();
    const run = this.execute();
    this.idle = run;
    return run;
  }

  private async execute(): Promise<PoolEnd | 'error'> {
    const s = this.s;
    this.clearError();
    // Busy from the click: the scenarios are checked in the scenario worker before any run starts.
    s.end = undefined;
    s.cancelRequested = false;
    this.setRunning(true);
    let runs: number;
    let workers: number;
    let seed: number;
    try {
      s.arms = await resolveArms(this.form);
      runs = readNumber('compare-runs', 'Replications', 2, MAX_RUNS);
      const seedInput = $<HTMLInputElement>('compare-seed');
      if (seedInput.value.trim() === '') seedInput.value = String(s.arms[0]!.scenario.seed);
      seed = readNumber('compare-seed', 'Master seed', 0, 2 ** 31 - 1);
      workers = Number($<HTMLSelectElement>('compare-workers').value);
    } catch (e) {
      this.showError(messageOf(e));
      s.end = 'error';
      this.setRunning(false);
      return 'error';
    }
    if (s.cancelRequested) {
      s.end = 'cancelled';
      this.setRunning(false);
      return 'cancelled';
    }
    this.labelValues(s.specs);
    // The seed list is fixed here, before any worker starts: seeds[i] is replication i in every scenario.
    s.seeds = seedList(seed, runs);
    s.metricIds = MEASURES;
    const n = s.arms.length;
    s.results = s.arms.map(() => new Array<undefined>(runs).fill(undefined));
    s.bands.clear();
    s.total = runs * n;
    s.done = 0;
    s.end = undefined;
    s.workers = Math.min(workers, s.total);
    this.onStart();
    this.status(
      `Running ${s.total} runs (${n} scenarios × ${runs}) on ${s.workers} worker${s.workers > 1 ? 's' : ''}…`,
    );
    s.startedAt = performance.now();
    const { arms, seeds } = s;
    const metricIds = [...s.metricIds];
    try {
      // Job j is replication floor(j / n) of scenario j % n: every scenario's bands grow together.
      s.end = await this.pool.run(
        s.total,
        (j) => ({ scenario: arms[j % n]!.scenario, seed: seeds[Math.floor(j / n)]!, metricIds }),
        s.workers,
        (j, out) => {
          s.results[j % n]![Math.floor(j / n)] = out;
          s.done++;
          s.elapsedMs = performance.now() - s.startedAt;
          this.invalidate();
        },
      );
    } catch (e) {
      s.end = 'error';
      this.showError(`The comparison stopped: ${messageOf(e)}`);
    }
    s.elapsedMs = performance.now() - s.startedAt;
    this.setRunning(false);
    this.invalidate();
    const secs = (s.elapsedMs / 1000).toFixed(1);
    if (s.end === 'done')
      this.status(`Done: ${s.total} runs in ${secs} s on ${s.workers} worker${s.workers > 1 ? 's' : ''}.`);
    else if (s.end === 'cancelled')
      this.status(`Cancelled after ${s.done} of ${s.total} runs (${secs} s); the results show the finished runs.`);
    return s.end;
  }

  /**
   * The label of the value figures: the run-to-run interval at once, the claims' audit range when the scenarios
   * are a claim's arms as shipped (once the shipped story, which holds it, is read).
   */
  private labelValues(specs: readonly ArmSpec[]): void {
    const s = this.s;
    s.figure = RUN_TO_RUN;
    const claim = claimOfArms(specs);
    if (!claim) return;
    const arms = s.arms;
    void shippedStory().then(
      (story) => {
        if (s.arms !== arms) return; // another comparison meanwhile
        s.figure = auditFigure(claim, story.steps);
        this.invalidate();
      },
      () => {}, // the run-to-run interval stays
    );
  }

  cancel(): void {
    this.s.cancelRequested = true;
    if (this.s.running) this.pool.cancel();
  }

  /** Mean and bands of a measure for scenario i over its finished runs (for tests, through the page's hook). */
  band(i: number, metric: string): Band {
    return bandOf(this.s, i, metric);
  }

  /** Workers alive now (0 once a comparison ends or is cancelled). */
  get aliveWorkers(): number {
    return this.pool.alive;
  }

  private setRunning(on: boolean): void {
    this.s.running = on;
    $<HTMLButtonElement>('compare-run').disabled = on;
    $<HTMLButtonElement>('compare-cancel').disabled = !on;
    $<HTMLButtonElement>('compare-add').disabled = on || this.s.specs.length >= MAX_ARMS;
    $('compare-view').setAttribute('aria-busy', String(on));
    if (!on && document.activeElement === $('compare-cancel')) $('compare-run').focus();
  }

  // --- Drawing: called on every animation frame by the page.

  private invalidate(): void {
    this.dirty = true;
  }

  frame(now: number): void {
    if ($('compare-view').hidden) return;
    // While runs stream in, everything is brought up to date at most twice a second, one piece a frame:
    // the workers have the cores, and bands move little from one run to the next.
    if (this.dirty && (!this.s.running || now - this.lastDraw >= 500)) {
      this.dirty = false;
      this.lastDraw = now;
      for (let k = 0; k < PIECES.length; k++) this.stale.add(k);
      drawProgress(this.s);
    }
    const piece = [...this.stale][0];
    if (piece === undefined) return;
    this.stale.delete(piece);
    // Before the first comparison only the (empty) charts are drawn: their first, slowest drawing happens
    // when the view opens, not while runs stream in.
    if (!this.s.arms.length && piece === 0) return;
    const t0 = performance.now();
    if (piece === 0) drawTable(this.s);
    else drawChart(this.s, this.charts, piece - 1, this.current().scenario.ticks);
    const took = performance.now() - t0;
    this.longestDraw = Math.max(this.longestDraw, took);
    const name = PIECES[piece]!;
    this.timing[name] = Math.max(this.timing[name] ?? 0, took);
  }

  /** Called when the view is shown: draws it on the next frames. */
  show(): void {
    // The current run's name may have changed since the rows were drawn.
    if (!this.s.running) renderArms(this.form);
    this.invalidate();
  }

  // --- Messages.

  private showError(message: string): void {
    const box = $('compare-error');
    box.textContent = message;
    box.hidden = false;
  }

  private clearError(): void {
    $('compare-error').hidden = true;
  }

  private status(text: string): void {
    $('compare-status').textContent = text;
  }

  /** Where the comparison is (cheap: tests poll it every frame). */
  state(): CompareState {
    const s = this.s;
    return {
      running: s.running,
      end: s.end,
      total: s.total,
      done: s.done,
      workers: s.workers,
      alive: this.pool.alive,
      elapsedMs: s.elapsedMs,
      longestDraw: this.longestDraw,
      timing: { ...this.timing },
    };
  }

  /** Numbers for tests and automation (read-only copies): the state, the seeds, every run's outcomes, the verdicts. */
  snapshot(): CompareSnapshot {
    const s = this.s;
    return {
      ...this.state(),
      seeds: [...s.seeds],
      arms: s.arms.map((a, i) => ({
        label: a.label,
        name: a.name,
        outcomes: (s.results[i] ?? []).map((r) => (r ? { ...r.outcomes } : null)),
      })),
      verdicts: verdicts(s),
      valueLabel: (s.figure ?? RUN_TO_RUN).text,
    };
  }
}

export interface CompareState {
  running: boolean;
  end: PoolEnd | 'error' | undefined;
  total: number;
  done: number;
  workers: number;
  alive: number;
  elapsedMs: number;
  longestDraw: number;
  timing: Record<string, number>;
}

export interface CompareSnapshot extends CompareState {
  seeds: number[];
  arms: { label: string; name: string; outcomes: (Outcomes | null)[] }[];
  verdicts: string[];
  /** The label of the value figures (a model figure, and its range). */
  valueLabel: string;
}
