/**
 * Story mode: a guided tour for a room. Each step shows its seed sentence, runs its scenarios on web workers
 * and says what they show, once. A step that names a claim runs it as `orgsim claims` does (the claim's arms at
 * the step's size, CLAIM_RUNS replications on the claims' seeds, each run measured by the claim's own measures,
 * and the claim's own test and verdict: src/story.ts claimPlan and claimStepVerdict), so the story and the
 * command line cannot disagree. Steps come from a story file (scenarios/stories/*.json, or one a facilitator
 * opens); all its text is shown as text.
 */
import type { Story, StoryStep } from '../src/story.ts';
import { claimPlan, stepRuns } from '../src/story.ts';
import { checkClaimArms, checkStory } from './validator.ts';
import type { CompareView } from './compare/view.ts';
import { auditEffectRange } from './compare/model-figure.ts';
import { seedList } from '../src/rng.ts';
import { robustShareText } from '../src/robust-share.ts';
import { BandChart } from './charts/band-chart.ts';
import { load } from './scenarios.ts';
import { StepRun } from './story-run.ts';
import { drawStepChart, verdictOf, type Said } from './story-said.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const files = import.meta.glob('../scenarios/stories/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

/**
 * A story's text, checked against the shipped scenarios (in the scenario worker). Rejects with a message naming the
 * field.
 */
export function readStory(text: string, source: string): Promise<Story> {
  return checkStory(text, source);
}

/** The shipped story of the claims. */
export function shippedStory(): Promise<Story> {
  const [path, text] = Object.entries(files).find(([p]) => p.endsWith('/claims.json'))!;
  return readStory(text, path.split('/').pop()!);
}

/** A page of the tour: the introduction, a step, or the closing page. */
type Page = { kind: 'intro' | 'closing'; title: string; text: string } | { kind: 'step'; step: StoryStep; n: number };

export class StoryMode {
  active = false;
  /** The page shown (0 is the introduction when the story has one). */
  index = 0;
  private story: Story | undefined;
  private pages: Page[] = [];
  /** Each step's runs, by step number: finished ones are shown again at once. */
  private readonly runs = new Map<number, StepRun>();
  /** What each finished step said, for the closing page. */
  private readonly said = new Map<number, Said>();
  private chart: BandChart | undefined;
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  private lastDraw = 0;

  constructor(
    /** The compare view, which story mode is shown in: no comparison of its own runs during a story. */
    private readonly compare: CompareView,
    /** Shows the compare view (story mode lives in it). */
    private readonly showCompare: () => void,
    private readonly onError: (message: string) => void,
  ) {
    $('story-prev').addEventListener('click', () => void this.go(this.index - 1));
    $('story-next').addEventListener('click', () => void this.go(this.index + 1));
    $('story-file').addEventListener('change', () => void this.openFile());
  }

  get length(): number {
    return this.pages.length;
  }

  get step(): { title: string } | undefined {
    const p = this.pages[this.index];
    return p ? (p.kind === 'step' ? p.step : p) : undefined;
  }

  /** The kind of page shown: 'intro', 'step' or 'closing'. */
  get kind(): Page['kind'] | undefined {
    return this.pages[this.index]?.kind;
  }

  async open(story?: Story): Promise<void> {
    try {
      story ??= this.story ?? (await shippedStory());
    } catch (e) {
      this.onError(messageOf(e));
      return;
    }
    if (story !== this.story) {
      for (const r of this.runs.values()) r.cancel();
      this.runs.clear();
      this.said.clear();
    }
    this.story = story;
    this.pages = [
      ...(story.introduction ? [{ kind: 'intro' as const, ...story.introduction }] : []),
      ...story.steps.map((step, n) => ({ kind: 'step' as const, step, n })),
      {
        kind: 'closing' as const,
        title: story.closing?.title ?? 'What we saw',
        text: story.closing?.text ?? 'Each step, in one line:',
      },
    ];
    // The cores go to the story's runs: no comparison of the compare view runs meanwhile.
    await this.compare.stop();
    this.active = true;
    this.showCompare();
    $('story-bar').hidden = false;
    document.body.classList.add('story-mode');
    this.chart ??= new BandChart($('story-chart'), 'What this step measures', 'orgsim-story');
    await this.go(0, true);
  }

  /** Leave story mode: the compare view goes back to free comparisons. Steps that ran stay for next time. */
  async close(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    $('story-bar').hidden = true;
    document.body.classList.remove('story-mode', 'story-page');
    for (const [n, r] of this.runs) {
      if (r.state === 'running') {
        r.cancel();
        this.runs.delete(n);
      }
    }
  }

  /** Show page i (clamped): a step runs its scenarios, or shows them at once if they ran before. */
  async go(i: number, force = false): Promise<void> {
    if (!this.story) return;
    const k = Math.max(0, Math.min(this.pages.length - 1, i));
    if (k === this.index && !force) return;
    this.index = k;
    const page = this.pages[k]!;
    const steps = this.story.steps.length;
    $('story-position').textContent =
      page.kind === 'step'
        ? `Step ${page.n + 1} of ${steps}${page.step.claim ? ` · ${page.step.claim}` : ''}`
        : page.kind === 'intro'
          ? 'Introduction'
          : 'The end';
    $<HTMLButtonElement>('story-prev').disabled = k === 0;
    $<HTMLButtonElement>('story-next').disabled = k === this.pages.length - 1;
    // A button that just became disabled loses the keyboard focus: give it to the other one.
    const focused = document.activeElement as HTMLButtonElement | null;
    if (focused?.disabled) $(focused.id === 'story-next' ? 'story-prev' : 'story-next').focus();
    $('story-audit').hidden = true;
    if (page.kind !== 'step') {
      // A page of text: no chart, no runs shown.
      document.body.classList.add('story-page');
      $('story-chart').hidden = true;
      $('story-status').textContent = '';
      $('story-title').textContent = page.title;
      $('story-quote').hidden = true;
      $('story-narration').textContent = page.text;
      syncLines($('story-verdict'), []);
      syncLines($('story-evidence'), page.kind === 'closing' ? this.summary() : []);
      // While the room reads the introduction, the first step runs.
      if (page.kind === 'intro') void this.ensure(0);
      return;
    }
    document.body.classList.remove('story-page');
    const step = page.step;
    $('story-title').textContent = step.title;
    $('story-quote').hidden = false;
    $('story-quote-text').textContent = `“${step.quote}”`;
    $('story-cite').textContent = step.source;
    $('story-narration').textContent = step.narration;
    this.showAudit(step);
    $('story-chart').hidden = false;
    this.draw();
    const run = await this.ensure(page.n);
    if (!run) return;
    await run.finishedRuns;
    if (this.index !== k || !this.active) return;
    this.draw();
    // The next step runs while this one is discussed.
    if (run.state === 'done') void this.ensure(page.n + 1);
  }

  /** Step n's runs: those under way or finished, else started now (any other step running is cancelled). */
  private async ensure(n: number): Promise<StepRun | undefined> {
    const step = this.story?.steps[n];
    if (!step) return undefined;
    const have = this.runs.get(n);
    if (have && (have.state === 'running' || have.state === 'done')) return have;
    for (const [m, r] of this.runs) {
      if (r.state === 'running') {
        r.cancel();
        this.runs.delete(m);
      }
    }
    const story = this.story;
    try {
      const run = await this.start(step);
      if (this.story !== story || !this.active) {
        run.cancel();
        return undefined;
      }
      this.runs.set(n, run);
      return run;
    } catch (e) {
      if (this.current()?.n === n) this.onError(messageOf(e));
      return undefined;
    }
  }

  private async start(step: StoryStep): Promise<StepRun> {
    const metricIds = [step.measure.metric];
    const plan = claimPlan(step);
    const redraw = () => this.scheduleDraw();
    if (plan) {
      const byClaim = await checkClaimArms(plan.claim.id, plan.employees);
      const arms = step.arms.map((a) => byClaim[plan.claim.arms.indexOf(a.scenario)]!);
      return new StepRun(step, arms, plan.seeds, metricIds, plan.claim.id, redraw);
    }
    const arms = await Promise.all(step.arms.map((a) => load(a.scenario, [], a.changes)));
    return new StepRun(step, arms, seedList(arms[0]!.seed, stepRuns(step)), metricIds, undefined, redraw);
  }

  private current(): { step: StoryStep; n: number } | undefined {
    const p = this.pages[this.index];
    return p?.kind === 'step' ? p : undefined;
  }

  /** Draw the page at most twice a second while runs stream in (the workers have the cores). */
  private scheduleDraw(): void {
    if (this.drawTimer !== undefined) return;
    const wait = Math.max(0, 500 - (performance.now() - this.lastDraw));
    this.drawTimer = setTimeout(
      () =>
        requestAnimationFrame(() => {
          this.drawTimer = undefined;
          this.lastDraw = performance.now();
          this.draw();
        }),
      wait,
    );
  }

  /** The step on screen: its progress, its chart, and once its runs are in, its verdict. */
  private draw(): void {
    const page = this.current();
    if (!page || !this.active) return;
    const run = this.runs.get(page.n);
    const step = page.step;
    if (!run || run.state === 'cancelled') {
      syncLines($('story-verdict'), ['Running…']);
      syncLines($('story-evidence'), []);
      $('story-status').textContent = '';
      this.drawChart(step, undefined);
      return;
    }
    const size = claimPlan(step) ? `, ${(claimPlan(step)!.employees).toLocaleString('en-US')} employees` : '';
    const plan = `${run.arms.length} scenarios × ${run.seeds.length} runs${size}`;
    if (run.state === 'error') {
      syncLines($('story-verdict'), ['These runs failed.']);
      syncLines($('story-evidence'), [run.error]);
    } else if (run.state === 'running') {
      syncLines($('story-verdict'), [`Running: ${run.done} of ${run.total} runs…`]);
      syncLines($('story-evidence'), []);
      $('story-status').textContent =
        `${plan}, on ${run.workers} worker${run.workers > 1 ? 's' : ''}; the result comes when every run is in.`;
    } else {
      const said = verdictOf(run);
      if (said) {
        this.said.set(page.n, said);
        syncLines($('story-verdict'), [said.headline]);
        syncLines($('story-evidence'), said.lines);
      }
      const how = step.claim
        ? `, as orgsim claims ${step.claim} --sizes ${claimPlan(step)!.employees} --runs ${run.seeds.length} runs them`
        : ', on the same seeds';
      $('story-status').textContent = `${plan}${how}.`;
    }
    this.drawChart(step, run);
  }

  private drawChart(step: StoryStep, run: StepRun | undefined): void {
    const said = run?.state === 'done' ? this.said.get(this.current()!.n) : undefined;
    drawStepChart(this.chart!, step, run, said);
  }

  /** The closing page: each step's title and what it said. */
  private summary(): string[] {
    return (this.story?.steps ?? []).map(
      (s, n) => `${n + 1}. ${s.title}${s.claim ? ` (${s.claim})` : ''}: ${this.said.get(n)?.short ?? 'not shown yet'}`,
    );
  }

  /** How robust the claim is, in plain words, when the step carries an audit. */
  private showAudit(step: StoryStep): void {
    const a = step.audit;
    const box = $('story-audit');
    box.hidden = !a;
    if (!a) return;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const effect = a.effect
      ? `; in 90% of them, ${a.effect.measure}: ` +
        `${auditEffectRange(a.effect)}${a.effect.model ? ' (a model figure)' : ''}`
      : '';
    box.textContent =
      `Holds in ${robustShareText(a.holds)} of plausible organizations (${pct(a.lo)} to ` +
      `${pct(a.hi)})${a.robust === false ? ': not robust' : ''}${effect}; rests on: ` +
      `${a.premise}${a.flips.length ? `; it flips when: ${a.flips.join('; ')}` : ''}.`;
  }

  private async openFile(): Promise<void> {
    const input = $<HTMLInputElement>('story-file');
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      if (file.size > 1_000_000)
        throw new Error(`${file.name}: too large for a story (${Math.round(file.size / 1e3)} kB); the limit is 1 MB`);
      await this.open(await readStory(await file.text(), file.name));
    } catch (e) {
      this.onError(messageOf(e));
    }
  }
}

/** Lines of text in a box (as text, never markup), changed only when they differ. */
function syncLines(box: HTMLElement, lines: string[]): void {
  const now = Array.from(box.children, (c) => c.textContent);
  if (now.length === lines.length && now.every((t, i) => t === lines[i])) return;
  const tag = box.tagName === 'UL' ? 'li' : 'span';
  box.replaceChildren(
    ...lines.map((l) => {
      const p = document.createElement(tag);
      p.className = 'verdict-line';
      p.textContent = l;
      return p;
    }),
  );
}
