/**
 * The compare view: 2 to 6 scenarios (shipped, from files, or the current run, each with optional changes),
 * N replications each on a pool of web workers, results streaming into mean lines with 90% and 95% bands,
 * a summary table and plain-language verdicts. The page only gathers and draws; the workers run the model.
 */
import { catalog, load, loadText } from '../scenarios.ts';
import { seedList } from '../../src/rng.ts';
import { GROUP_KINDS, GROUP_KIND_LABELS, measureOf, metricById, type CompactRun, type GroupKind } from '../../src/compare/metrics.ts';
import { armLabel, band, contrast, finished, reduceWindow, type Band, type Contrast } from '../../src/compare/summary.ts';
import { OUTCOMES, type Outcomes } from '../../src/metrics/outcomes.ts';
import { ci95 } from '../../src/stats/index.ts';
import { amount, contrastSentence, costWords, effectLabel, rangeWords, rankingLines, type Noun, type Ranked } from '../../src/compare/words.ts';
import { runName } from '../../src/run-name.ts';
import { kindOutcomes, outcomeMeanings, outcomeNouns } from '../../src/compare/kind.ts';
import { csvCell as csvField, csvNumber as num } from '../../src/csv.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { BandChart, DASHES, type Highlight } from '../charts/band-chart.ts';
import { LINE_COLOURS } from '../palette.ts';
import { download } from '../export.ts';
import { WorkerPool, defaultWorkers, maxWorkers, type PoolEnd } from './pool.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const MAX_ARMS = 6;
export const MAX_RUNS = 200;

/** One scenario to compare: where it comes from, and changes written as path=value. */
export interface ArmSpec {
  /** 'current' (the live run, with its changes), a shipped scenario's id, or 'file:<k>' (an added file). */
  source: string;
  changes: string;
  /** A display name (story steps give one, a user may type one); else built from the source and the changes. */
  name?: string;
  /** The name was typed by the user: it stays when the scenario or its changes change. */
  renamed?: boolean;
  /** The changes were filled in as an example, not typed: they go when another scenario is picked. */
  example?: boolean;
}

/** What a story step measures: a measure over a window of days, and how to say the result. */
export interface Focus {
  metric: string;
  from: number;
  /** Exclusive; undefined means the horizon. */
  to?: number;
  reduce: 'mean' | 'last';
  noun: Noun;
  /** Called with the verdict (one line per scenario against the first) and its one number, whenever they change. */
  onVerdict: (lines: string[], headline: string) => void;
}

interface Arm {
  label: string;
  name: string;
  scenario: Scenario;
}

/** The first `ticks` days of a band (views, no copy). */
function truncate(b: Band, ticks: number): Band {
  return { n: b.n, mean: b.mean.subarray(0, ticks), lo90: b.lo90.subarray(0, ticks), hi90: b.hi90.subarray(0, ticks), lo95: b.lo95.subarray(0, ticks), hi95: b.hi95.subarray(0, ticks) };
}

const CHARTS: { id: string; metric: 'participation' | 'value' | 'valuePerCost'; title: string }[] = [
  { id: 'compare-participation', metric: 'participation', title: 'Participation' },
  { id: 'compare-value', metric: 'value', title: 'Value created' },
  { id: 'compare-value-per-cost', metric: 'valuePerCost', title: 'Value per cost' },
];

export class CompareView {
  private specs: ArmSpec[] = [];
  private files: { name: string; text: string }[] = [];
  private readonly pool = new WorkerPool();
  private arms: Arm[] = [];
  private results: (CompactRun | undefined)[][] = [];
  private seeds: number[] = [];
  private metricIds: string[] = [];
  private focus: Focus | undefined;
  private kind: GroupKind = 'all';
  private bandCache = new Map<string, Band>();
  running = false;
  total = 0;
  done = 0;
  workers = 0;
  elapsedMs = 0;
  end: PoolEnd | 'error' | undefined;
  private startedAt = 0;
  private readonly charts: BandChart[];
  private readonly focusChart: BandChart;
  /** Drawing: what is out of date, drawn one piece per animation frame while runs stream in. */
  private readonly stale = new Set<number>();
  private dirty = false;
  private lastDraw = 0;

  constructor(
    /** The live run's scenario now (with its live changes) and its name. */
    private readonly current: () => { scenario: Scenario; name: string },
    /** Called when a comparison starts (the page pauses the live run: the cores go to the comparison). */
    private readonly onStart: () => void,
  ) {
    this.charts = CHARTS.map((c) => new BandChart($(c.id), c.title, `orgsim-compare-${c.metric}`));
    this.focusChart = new BandChart($('compare-focus'), 'What this step measures', 'orgsim-story');
    const workers = $<HTMLSelectElement>('compare-workers');
    for (let k = 1; k <= maxWorkers(); k++) workers.add(new Option(k === defaultWorkers() ? `${k} (leaves a core to the page)` : String(k), String(k)));
    workers.value = String(defaultWorkers());
    $('compare-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.start();
    });
    $('compare-cancel').addEventListener('click', () => this.cancel());
    $('compare-add').addEventListener('click', () => {
      if (this.specs.length >= MAX_ARMS) return;
      this.specs.push({ source: this.specs[this.specs.length - 1]?.source ?? 'baseline', changes: '' });
      this.renderArms();
      $<HTMLSelectElement>(`compare-arm-${this.specs.length - 1}`).focus();
    });
    $('compare-files').addEventListener('change', () => void this.addFiles());
    $('compare-kind').addEventListener('change', () => {
      this.kind = $<HTMLSelectElement>('compare-kind').value as GroupKind;
      this.invalidate();
    });
    $('compare-csv').addEventListener('click', () => download('orgsim-compare.csv', new Blob([this.csv()], { type: 'text/csv' })));
    this.setArms([{ source: 'current', changes: '' }, { source: 'current', changes: 'smm.count=4', example: true }]);
  }

  // --- Choosing scenarios.

  /** Call when no comparison is running (see stop()). */
  setArms(specs: ArmSpec[]): void {
    this.specs = specs.slice(0, MAX_ARMS).map((s) => ({ ...s }));
    this.renderArms();
  }

  setRuns(n: number): void {
    $<HTMLInputElement>('compare-runs').value = String(n);
  }

  /** Focus on one measure (a story step), or none. */
  setFocus(focus: Focus | undefined): void {
    this.focus = focus;
    $('compare-focus').hidden = !focus;
    this.invalidate();
  }

  private sourceOptions(): Option[] {
    const cur = this.current();
    return [
      { value: 'current', text: `current run: ${cur.name}` },
      ...catalog().map((c) => ({ value: c.id, text: c.name })),
      ...this.files.map((f, k) => ({ value: `file:${k}`, text: `file: ${f.name}` })),
    ];
  }

  private renderArms(): void {
    const list = $('compare-arms');
    const options = this.sourceOptions();
    list.replaceChildren(
      ...this.specs.map((spec, i) => {
        const label = armLabel(i);
        const li = document.createElement('li');
        li.className = 'arm';
        const tag = document.createElement('span');
        tag.className = 'arm-label';
        tag.textContent = label;
        tag.style.setProperty('--arm-colour', LINE_COLOURS[i]!);
        // Contrast of at least 4.5:1: white on the first colour (blue), black on the lighter others.
        tag.style.color = i === 0 ? '#fff' : '#000';
        tag.setAttribute('aria-hidden', 'true');
        const select = document.createElement('select');
        select.id = `compare-arm-${i}`;
        select.setAttribute('aria-label', `Scenario ${label}${i === 0 ? ' (reference)' : ''}`);
        for (const o of options) select.add(new Option(o.text, o.value));
        if (!options.some((o) => o.value === spec.source)) select.add(new Option(spec.source, spec.source));
        select.value = spec.source;
        select.addEventListener('change', () => {
          spec.source = select.value;
          if (!spec.renamed) spec.name = undefined;
          // Example changes belong to the scenario they were shown with.
          if (spec.example) {
            spec.changes = '';
            spec.example = false;
            changes.value = '';
          }
          name.placeholder = `name: ${this.autoName(spec)}`;
        });
        const changes = document.createElement('input');
        changes.type = 'text';
        changes.id = `compare-changes-${i}`;
        changes.value = spec.changes;
        changes.placeholder = 'changes, e.g. smm.count=3; cm.speakShare=0.2';
        changes.setAttribute('aria-label', `Changes to scenario ${label}, as path=value separated by semicolons`);
        changes.spellcheck = false;
        changes.addEventListener('input', () => {
          spec.changes = changes.value;
          spec.example = false;
          if (!spec.renamed) spec.name = undefined;
          name.placeholder = `name: ${this.autoName(spec)}`;
        });
        // The row's name, as legends, verdicts and the CSV say it: the scenario's title and its changes unless typed.
        const name = document.createElement('input');
        name.type = 'text';
        name.id = `compare-name-${i}`;
        name.className = 'arm-name';
        name.value = spec.renamed ? spec.name ?? '' : '';
        name.placeholder = `name: ${this.autoName(spec)}`;
        name.maxLength = 80;
        name.setAttribute('aria-label', `Name of scenario ${label} in the results`);
        name.addEventListener('input', () => {
          const typed = name.value.trim();
          spec.renamed = typed !== '';
          spec.name = typed || undefined;
        });
        li.append(tag, select, changes, name);
        if (this.specs.length > 2) {
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.textContent = 'Remove';
          remove.setAttribute('aria-label', `Remove scenario ${label}`);
          remove.addEventListener('click', () => {
            this.specs.splice(i, 1);
            this.renderArms();
            $<HTMLSelectElement>(`compare-arm-${Math.min(i, this.specs.length - 1)}`).focus();
          });
          li.append(remove);
        }
        return li;
      }),
    );
    $<HTMLButtonElement>('compare-add').disabled = this.specs.length >= MAX_ARMS || this.running;
  }

  /** The name a row gets when none is typed: the scenario's title (or the current run's name, or the file's), with its changes. */
  private autoName(spec: ArmSpec): string {
    if (spec.name && !spec.renamed) return spec.name;
    const base = spec.source === 'current' ? this.current().name : spec.source.startsWith('file:') ? this.files[Number(spec.source.slice(5))]?.name ?? spec.source : catalog().find((c) => c.id === spec.source)?.name ?? spec.source;
    return withChanges(base, spec.changes);
  }

  /** Files are untrusted: each is validated now, and a bad one is named in the error and not added. */
  private async addFiles(): Promise<void> {
    const input = $<HTMLInputElement>('compare-files');
    const files = Array.from(input.files ?? []);
    input.value = '';
    this.clearError();
    for (const f of files) {
      try {
        if (f.size > 5_000_000) throw new Error(`${f.name}: too large for a scenario (${Math.round(f.size / 1e6)} MB); the limit is 5 MB`);
        const text = await f.text();
        await loadText(text, f.name);
        this.files.push({ name: f.name, text });
        if (this.specs.length < MAX_ARMS) this.specs.push({ source: `file:${this.files.length - 1}`, changes: '' });
      } catch (e) {
        this.showError(messageOf(e));
      }
    }
    this.renderArms();
  }

  /** Scenarios from the specs; the first problem is thrown naming the scenario (A, B...) and the field. */
  private async resolve(specs = this.specs): Promise<Arm[]> {
    if (specs.length < 2) throw new Error(`a comparison needs at least 2 scenarios; it has ${specs.length}`);
    const arms = await Promise.all(specs.map(async (spec, i): Promise<Arm> => {
      const label = armLabel(i);
      const changes = spec.changes.trim();
      try {
        let scenario: Scenario;
        let name: string;
        if (spec.source === 'current') {
          const cur = this.current();
          scenario = changes ? await loadText(JSON.stringify(cur.scenario), cur.name, [], changes) : cur.scenario;
          name = withChanges(cur.name, changes);
        } else if (spec.source.startsWith('file:')) {
          const file = this.files[Number(spec.source.slice(5))];
          if (!file) throw new Error(`no file ${spec.source}`);
          scenario = await loadText(file.text, file.name, [], changes);
          name = withChanges(file.name, changes);
        } else {
          scenario = await load(spec.source, [], changes);
          name = withChanges(scenario.name, changes);
        }
        return { label, name: spec.name ?? name, scenario };
      } catch (e) {
        throw new Error(`Scenario ${label}: ${messageOf(e)}`);
      }
    }));
    const horizon = arms[0]!.scenario.ticks;
    for (const a of arms.slice(1)) {
      if (a.scenario.ticks !== horizon) throw new Error(`Scenario ${a.label}: ticks = ${a.scenario.ticks}, but A runs ${horizon} ticks; compared scenarios need the same horizon (add ticks=${horizon} to its changes)`);
    }
    return arms;
  }

  private number(id: string, what: string, min: number, max: number): number {
    const text = $<HTMLInputElement>(id).value.trim();
    const v = Number(text);
    if (text === '' || !Number.isInteger(v) || v < min || v > max) throw new Error(`${what} = ${text || '(empty)'} is not allowed; expected a whole number from ${min} to ${max}`);
    return v;
  }

  // --- Running.

  private idle: Promise<unknown> = Promise.resolve();

  /** Cancel the comparison under way, if any, and wait until its workers are gone. */
  async stop(): Promise<void> {
    this.cancel();
    await this.idle;
  }

  /** Run the comparison as set up in the form (a comparison under way is cancelled first). Resolves how it ended. */
  async start(): Promise<PoolEnd | 'error'> {
    this.cancelPrefetch();
    await this.stop();
    const run = this.execute();
    this.idle = run;
    return run;
  }

  private async execute(): Promise<PoolEnd | 'error'> {
    this.clearError();
    // Busy from the click: the scenarios are checked in the scenario worker before any run starts.
    this.end = undefined;
    this.cancelRequested = false;
    this.setRunning(true);
    let runs: number;
    let workers: number;
    let seed: number;
    try {
      this.arms = await this.resolve();
      runs = this.number('compare-runs', 'Replications', 2, MAX_RUNS);
      const seedInput = $<HTMLInputElement>('compare-seed');
      if (seedInput.value.trim() === '') seedInput.value = String(this.arms[0]!.scenario.seed);
      seed = this.number('compare-seed', 'Master seed', 0, 2 ** 31 - 1);
      workers = Number($<HTMLSelectElement>('compare-workers').value);
      if (this.focus) metricById(this.focus.metric);
    } catch (e) {
      this.showError(messageOf(e));
      this.end = 'error';
      this.setRunning(false);
      return 'error';
    }
    if (this.cancelRequested) {
      this.end = 'cancelled';
      this.setRunning(false);
      return 'cancelled';
    }
    // The seed list is fixed here, before any worker starts: seeds[i] is replication i in every scenario.
    this.seeds = seedList(seed, runs);
    this.metricIds = measuresFor(this.focus?.metric);
    const n = this.arms.length;
    this.results = this.arms.map(() => new Array<CompactRun | undefined>(runs).fill(undefined));
    this.bandCache.clear();
    this.total = runs * n;
    this.done = 0;
    this.end = undefined;
    this.workers = Math.min(workers, this.total);
    this.onStart();
    this.status(`Running ${this.total} runs (${n} scenarios × ${runs}) on ${this.workers} worker${this.workers > 1 ? 's' : ''}…`);
    this.startedAt = performance.now();
    const arms = this.arms;
    const seeds = this.seeds;
    const metricIds = this.metricIds;
    try {
      // Job j is replication floor(j / n) of scenario j % n: every scenario's bands grow together.
      this.end = await this.pool.run(
        this.total,
        (j) => ({ scenario: arms[j % n]!.scenario, seed: seeds[Math.floor(j / n)]!, metricIds }),
        this.workers,
        (j, out) => {
          this.results[j % n]![Math.floor(j / n)] = out;
          this.done++;
          this.elapsedMs = performance.now() - this.startedAt;
          this.invalidate();
        },
      );
    } catch (e) {
      this.end = 'error';
      this.showError(`The comparison stopped: ${messageOf(e)}`);
    }
    this.elapsedMs = performance.now() - this.startedAt;
    this.setRunning(false);
    this.invalidate();
    const secs = (this.elapsedMs / 1000).toFixed(1);
    if (this.end === 'done') {
      // In a story, the status line says the step's one number, as its verdict and its chart do; in a
      // comparison the results list says the verdict, once.
      const said = this.focusVerdict()?.lines[0];
      this.status(`Done: ${this.total} runs in ${secs} s on ${this.workers} worker${this.workers > 1 ? 's' : ''}.${said ? ` ${said}` : ''}`);
    }
    else if (this.end === 'cancelled') this.status(`Cancelled after ${this.done} of ${this.total} runs (${secs} s); the results show the finished runs.`);
    return this.end;
  }

  cancel(): void {
    this.cancelRequested = true;
    if (this.running) this.pool.cancel();
  }

  /** Set by cancel(): a comparison still checking its scenarios stops before it starts its runs. */
  private cancelRequested = false;

  // --- Comparisons kept and run ahead (story mode: ← → show a step again at once, the next one is ready).

  /** The comparison on screen, if it ran to the end. */
  finished(): Finished | undefined {
    if (this.end !== 'done' || this.running) return undefined;
    return { arms: this.arms, seeds: this.seeds, metricIds: this.metricIds, results: this.results, workers: this.workers, elapsedMs: this.elapsedMs };
  }

  /** Show a comparison that ran before (its arms, seeds and every run): nothing runs, it is drawn at once. */
  async restore(f: Finished): Promise<void> {
    this.cancelPrefetch();
    await this.stop();
    Object.assign(this, { arms: f.arms, seeds: f.seeds, metricIds: f.metricIds, results: f.results, workers: f.workers, elapsedMs: f.elapsedMs });
    this.total = f.results.reduce((a, r) => a + r.length, 0);
    this.done = this.total;
    this.end = 'done';
    this.bandCache.clear();
    this.clearError();
    this.invalidate();
    const said = this.focusVerdict()?.lines[0];
    this.status(`Done: ${this.total} runs (shown again).${said ? ` ${said}` : ''}`);
  }

  private readonly prefetchPool = new WorkerPool();
  private prefetching: Promise<Finished | undefined> | undefined;

  /**
   * Run a comparison in the background, on a pool of its own, drawing nothing: resolves its results when
   * all its runs are in, or undefined if it was cancelled (a comparison started on screen cancels it).
   */
  prefetch(specs: ArmSpec[], runs: number, focusMetric: string): Promise<Finished | undefined> {
    this.cancelPrefetch();
    const go = async (): Promise<Finished | undefined> => {
      const arms = await this.resolve(specs);
      const seedText = $<HTMLInputElement>('compare-seed').value.trim();
      const seeds = seedList(seedText === '' ? arms[0]!.scenario.seed : Number(seedText), runs);
      const metricIds = measuresFor(focusMetric);
      const n = arms.length;
      const results = arms.map(() => new Array<CompactRun | undefined>(runs).fill(undefined));
      const workers = Math.min(defaultWorkers(), runs * n);
      const t0 = performance.now();
      const end = await this.prefetchPool.run(runs * n, (j) => ({ scenario: arms[j % n]!.scenario, seed: seeds[Math.floor(j / n)]!, metricIds }), workers, (j, out) => {
        results[j % n]![Math.floor(j / n)] = out;
      });
      return end === 'done' ? { arms, seeds, metricIds, results, workers, elapsedMs: performance.now() - t0 } : undefined;
    };
    const p = go().catch(() => undefined);
    this.prefetching = p;
    return p;
  }

  cancelPrefetch(): void {
    if (this.prefetching) this.prefetchPool.cancel();
    this.prefetching = undefined;
  }

  /** Workers alive now (0 once a comparison ends or is cancelled). */
  get aliveWorkers(): number {
    return this.pool.alive;
  }

  private setRunning(on: boolean): void {
    this.running = on;
    $<HTMLButtonElement>('compare-run').disabled = on;
    $<HTMLButtonElement>('compare-cancel').disabled = !on;
    $<HTMLButtonElement>('compare-add').disabled = on || this.specs.length >= MAX_ARMS;
    $('compare-view').setAttribute('aria-busy', String(on));
    if (!on && document.activeElement === $('compare-cancel')) $('compare-run').focus();
  }

  // --- Results.

  /**
   * Each scenario's outcomes in the chosen group kind over its finished runs: means, 95% intervals and,
   * from the second scenario on, the difference to the first (Welch).
   */
  summary(): KindSummary[] {
    const refRuns = finished(this.results[0] ?? []);
    const values = (runs: CompactRun[], key: keyof Outcomes) => runs.map((r) => kindOutcomes(r, this.metricIds, this.kind)[key]);
    return this.arms.map((a, i) => {
      const runs = finished(this.results[i] ?? []);
      const out: KindSummary = { name: a.name, n: runs.length, means: {}, intervals: {}, contrasts: {} };
      for (const key of OUTCOMES) {
        const xs = values(runs, key);
        out.intervals[key] = ci95(xs);
        out.means[key] = out.intervals[key]!.mean;
        if (i > 0 && xs.length >= 2 && refRuns.length >= 2) out.contrasts[key] = contrast(xs, values(refRuns, key));
      }
      return out;
    });
  }

  /** One line per scenario, best first, and the trade-off: what the results list says. */
  verdicts(summary = this.summary()): string[] {
    if (summary.some((a) => a.n === 0)) return [];
    const nouns = outcomeNouns(this.kind);
    const r = rankingLines(summary, { outcomes: nouns, done: this.done, total: this.total });
    const cost = costWords(summary.filter((a) => a.n > 0).map((a) => ({ name: a.name, valuePerCost: a.means.valuePerCost! })));
    return [...r.lines, ...(r.tradeOff ? [r.tradeOff] : []), ...(cost ? [cost] : [])];
  }

  /** Mean and bands of a measure for scenario i over its finished runs (kept until the next run arrives). */
  band(i: number, metric: string): Band {
    const runs = finished(this.results[i] ?? []);
    const key = `${i}:${metric}`;
    let b = this.bandCache.get(key);
    if (!b || b.n !== runs.length) {
      b = band(runs, this.metricIds.indexOf(metric));
      this.bandCache.set(key, b);
    }
    return b;
  }

  /** The focus measure of each finished run of scenario i, in replication order. */
  private focusValues(i: number): number[] {
    const f = this.focus!;
    const k = this.metricIds.indexOf(f.metric);
    return finished(this.results[i] ?? []).map((r) => reduceWindow(measureOf(r, k), f.from, f.to ?? r.ticks, f.reduce));
  }

  /**
   * The focus measure of every scenario against the first, by name: one sentence each, and the step's one
   * number (the second scenario's difference to the first), the same in the verdict, on the chart and in the
   * status line.
   */
  focusVerdict(): { lines: string[]; headline: string; contrasts: (Contrast | undefined)[] } | undefined {
    if (!this.focus || this.arms.length < 2) return undefined;
    const f = this.focus;
    const ref = this.focusValues(0);
    if (ref.length < 2) return undefined;
    const contrasts = this.arms.map((_, i) => {
      const xs = i ? this.focusValues(i) : [];
      return xs.length >= 2 ? contrast(xs, ref) : undefined;
    });
    const lines = this.arms.slice(1).map((a, k) => {
      const c = contrasts[k + 1];
      return c ? contrastSentence(a.name, this.arms[0]!.name, f.noun, c) : `${a.name}: waiting for runs…`;
    });
    const first = contrasts[1];
    if (!first) return undefined;
    const headline = first.clear ? effectLabel(first.other, first.reference, f.noun.format) : 'no clear difference';
    const provisional = this.done < this.total ? `Provisional (${this.done} of ${this.total} runs): ` : '';
    return { lines: lines.map((l) => provisional + l), headline, contrasts };
  }

  /** Tidy CSV of every finished run's outcomes: scenario,name,run,seed,outcome,value. */
  csv(): string {
    let out = 'scenario,name,run,seed,outcome,value\n';
    this.arms.forEach((a, i) => {
      (this.results[i] ?? []).forEach((r, run) => {
        if (!r) return;
        for (const key of OUTCOMES) out += `${a.label},${csvField(a.name)},${run},${r.seed},${key},${num(r.outcomes[key])}\n`;
      });
    });
    return out;
  }

  // --- Drawing: called on every animation frame by the page.

  private invalidate(): void {
    this.dirty = true;
  }

  frame(now: number): void {
    if ($('compare-view').hidden) return;
    // While runs stream in, everything is brought up to date at most twice a second, one piece a frame:
    // the workers have the cores, and bands move little from one run to the next.
    if (this.dirty && (!this.running || now - this.lastDraw >= 500)) {
      this.dirty = false;
      this.lastDraw = now;
      for (let k = 0; k < 5; k++) this.stale.add(k);
      this.drawProgress();
    }
    const piece = [...this.stale][0];
    if (piece === undefined) return;
    this.stale.delete(piece);
    // Before the first comparison only the (empty) charts are drawn: their first, slowest drawing happens
    // when the view opens, not while runs stream in.
    if (!this.arms.length && piece < 2) return;
    const t0 = performance.now();
    if (piece === 0) this.drawTable();
    else if (piece === 1) this.drawFocus();
    else this.drawChart(piece - 2);
    const took = performance.now() - t0;
    this.longestDraw = Math.max(this.longestDraw, took);
    const name = ['table', 'focus', 'participation', 'value', 'valuePerCost'][piece]!;
    this.timing[name] = Math.max(this.timing[name] ?? 0, took);
  }

  /** The longest redraw of each piece, in ms. */
  readonly timing: Record<string, number> = {};

  /** The longest single redraw so far, in ms (a redraw must stay well under a frame). */
  private longestDraw = 0;

  private series(metric: string) {
    return this.arms.map((a, i) => ({ label: a.name, colour: LINE_COLOURS[i]!, dash: DASHES[i] ?? '', band: this.band(i, metric) }));
  }

  /** Called when the view is shown: draws it on the next frames. */
  show(): void {
    // The current run's name may have changed since the rows were drawn.
    if (!this.running) this.renderArms();
    this.invalidate();
  }

  private drawChart(c: number): void {
    const chart = CHARTS[c]!;
    const metric = metricById(`${chart.metric}:${this.kind}`);
    const horizon = this.arms[0]?.scenario.ticks ?? this.current().scenario.ticks;
    this.charts[c]!.update(this.series(metric.id), horizon, metric.unit, metric.format);
    this.charts[c]!.frame.setCaption(`${metric.label[0]!.toUpperCase()}${metric.label.slice(1)}; ${GROUP_KIND_LABELS[this.kind]}. Lines: mean over the finished runs; bands: 90% and 95% confidence intervals of the mean.`);
  }

  private drawFocus(): void {
    const f = this.focus;
    if (!f || !this.metricIds.includes(f.metric)) return;
    const metric = metricById(f.metric);
    const horizon = this.arms[0]!.scenario.ticks;
    const to = Math.min(f.to ?? horizon, horizon);
    // A value measured on one day marks that day; a mean marks its window.
    const from = f.reduce === 'last' ? to - 1 : Math.max(0, Math.min(f.from, to - 1));
    // A window early in the run gets the chart to itself: the x axis ends a little after it.
    const end = to * 1.5 < horizon ? Math.max(to + 10, Math.round(to * 1.5)) : horizon;
    const series = this.series(metric.id).map((s) => (end < horizon ? { ...s, band: truncate(s.band, end) } : s));
    const verdict = this.focusVerdict();
    // What the verdict measures, for every scenario it names: the value on the day measured ('last'), or the
    // mean over the window, drawn across it ('mean'); a bracket spans them, labelled with the step's number.
    const values = this.arms.map((_, i) => {
      const xs = this.focusValues(i);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
    });
    const marks = values.flatMap((v, i) => (v === undefined ? [] : [{ value: v, colour: series[i]!.colour }]));
    const highlight: Highlight = {
      from,
      to,
      text: f.reduce === 'last' ? `measured on day ${to}` : `averaged over days ${from} to ${to}`,
      levels: f.reduce === 'mean' ? marks : undefined,
      bracket: marks.length >= 2 ? { at: to - 1, values: marks.map((m) => m.value), label: verdict?.headline ?? '' } : undefined,
    };
    this.focusChart.update(series, end, metric.unit, metric.format, highlight);
    this.focusChart.frame.setCaption(verdict ? verdict.lines.join(' ') : 'Waiting for at least 2 runs of each scenario…');
    if (verdict) f.onVerdict(verdict.lines, verdict.headline);
  }

  private drawProgress(): void {
    // Before any comparison there is nothing to read: no empty table, charts or axes, one line saying what to do.
    const empty = !this.arms.length;
    document.querySelector<HTMLElement>('#compare-view .compare-results')!.hidden = empty;
    $('compare-empty').hidden = !empty;
    const p = $<HTMLProgressElement>('compare-progress');
    p.max = Math.max(1, this.total);
    p.value = this.done;
    const secs = (this.elapsedMs / 1000).toFixed(1);
    $('compare-count').textContent = this.total ? `${this.done} of ${this.total} runs · ${this.workers} worker${this.workers > 1 ? 's' : ''} · ${secs} s` : '';
  }

  private drawTable(): void {
    const summary = this.summary();
    const nouns = outcomeNouns(this.kind);
    const ref = summary[0]?.name ?? 'the first';
    const head: Cell[] = [{ text: 'Scenario' }, { text: 'Runs' }, ...nouns.flatMap((o) => [{ text: cap(o.noun.noun) + (o.noun.unit ? ` (${o.noun.unit})` : '') }, { text: `against “${ref}”` }])];
    const rows: Cell[][] = summary.map((arm, a) => [
      { text: arm.name, header: true },
      { text: String(arm.n) },
      ...nouns.flatMap((o): Cell[] => {
        const ci = arm.intervals[o.key]!;
        const c = arm.contrasts[o.key];
        const plain = { ...o.noun, unit: undefined };
        return [
          { text: arm.n === 0 ? '…' : arm.n < 2 ? amount(ci.mean, plain) : `${amount(ci.mean, plain)} [${amount(ci.lo, plain)}, ${amount(ci.hi, plain)}]` },
          { text: a === 0 ? 'reference' : c ? `${c.clear ? effectLabel(c.other, c.reference, o.noun.format) : 'no clear difference'} (${rangeWords(c, o.noun.format)})` : '', cls: c ? (c.clear ? (c.diff > 0 ? 'up' : 'down') : 'unclear') : '' },
        ];
      }),
    ]);
    const table = $('compare-table');
    syncRows(table.querySelector('thead')!, [head], 'col');
    syncRows(table.querySelector('tbody')!, rows, 'row');
    syncList($('compare-verdicts'), this.verdicts(summary));
    const ticks = this.arms[0]?.scenario.ticks ?? 500;
    syncList($('compare-meanings'), outcomeMeanings(this.kind, ticks));
    const runs = Math.max(0, ...summary.map((x) => x.n));
    $('compare-runs-said').textContent = String(runs || 'N');
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
    return { running: this.running, end: this.end, total: this.total, done: this.done, workers: this.workers, alive: this.pool.alive, elapsedMs: this.elapsedMs, longestDraw: this.longestDraw, timing: { ...this.timing } };
  }

  /** Numbers for tests and automation (read-only copies): the state, the seeds, every run's outcomes, the verdicts. */
  snapshot(): CompareSnapshot {
    return {
      ...this.state(),
      seeds: [...this.seeds],
      arms: this.arms.map((a, i) => ({ label: a.label, name: a.name, outcomes: (this.results[i] ?? []).map((r) => (r ? { ...r.outcomes } : null)) })),
      verdicts: this.verdicts(),
      focusVerdict: this.focusVerdict()?.lines,
    };
  }
}

interface Option {
  value: string;
  text: string;
}

/** A comparison that ran to the end: what restore() needs to show it again. */
export interface Finished {
  arms: Arm[];
  seeds: number[];
  metricIds: string[];
  results: (CompactRun | undefined)[][];
  workers: number;
  elapsedMs: number;
}

/** The measures every run of a comparison carries: the charts' for every group kind, and a story step's. */
function measuresFor(focus: string | undefined): string[] {
  const ids = GROUP_KINDS.flatMap((k) => CHARTS.map((c) => `${c.metric}:${k}`));
  return focus && !ids.includes(focus) ? [...ids, focus] : ids;
}

/** One scenario's outcomes in the chosen group kind. */
interface KindSummary extends Ranked {
  n: number;
  intervals: Record<string, import('../../src/stats/index.ts').Interval>;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** "C8 outsourced CM, modified: smm.count = 3": a name with its changes, as the live page names a modified run. */
export function withChanges(name: string, changes: string): string {
  const sets = changes.split(';').map((x) => x.trim()).filter(Boolean);
  if (!sets.length) return name;
  // The current run may have live changes ("… + 2 live changes"): they stay at the end of its name.
  const live = / \+ \d+ live changes?$/.exec(name)?.[0] ?? '';
  const base = name.slice(0, name.length - live.length);
  // It may be modified already: the new changes go on the end of its list.
  if (/, modified: /.test(base)) return `${base}, ${runName('', sets).replace(/^, modified: /, '')}${live}`;
  return runName(base, sets) + live;
}



interface Cell {
  text: string;
  cls?: string;
  header?: boolean;
}

/**
 * Bring a table section to these rows, changing only what differs: while runs stream in, the table keeps
 * its shape and only numbers change, so the browser has little to lay out again.
 */
function syncRows(section: HTMLTableSectionElement, rows: Cell[][], scope: 'col' | 'row'): void {
  while (section.rows.length > rows.length) section.deleteRow(-1);
  rows.forEach((cells, r) => {
    let tr = section.rows[r];
    if (!tr || tr.cells.length !== cells.length) {
      const fresh = document.createElement('tr');
      for (const c of cells) {
        const e = document.createElement(scope === 'col' || c.header ? 'th' : 'td');
        if (e instanceof HTMLTableCellElement && e.tagName === 'TH') e.scope = scope;
        fresh.append(e);
      }
      if (tr) tr.replaceWith(fresh);
      else section.append(fresh);
      tr = fresh;
    }
    cells.forEach((c, k) => {
      const e = tr!.cells[k]!;
      if (e.textContent !== c.text) e.textContent = c.text;
      if (e.className !== (c.cls ?? '')) e.className = c.cls ?? '';
    });
  });
}

/** The same for a list of sentences. */
function syncList(list: HTMLElement, items: string[]): void {
  while (list.children.length > items.length) list.lastElementChild!.remove();
  items.forEach((text, i) => {
    const li = list.children[i] ?? list.appendChild(document.createElement('li'));
    if (li.textContent !== text) li.textContent = text;
  });
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
  focusVerdict: string[] | undefined;
}
