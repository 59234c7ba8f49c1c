/**
 * Story mode: a guided tour for a room. Each step shows its seed sentence, loads its scenarios into the
 * compare view, runs them and highlights the measured difference. Steps come from a story file
 * (scenarios/stories/*.json, or one a facilitator opens); all its text is shown as text.
 */
import type { Story, StoryStep } from '../src/story.ts';
import { checkStory } from './validator.ts';
import type { CompareView, Finished } from './compare/view.ts';
import type { Format } from '../src/compare/metrics.ts';
import { metricById } from '../src/compare/metrics.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const files = import.meta.glob('../scenarios/stories/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** A story's text, checked against the shipped scenarios (in the scenario worker). Rejects with a message naming the field. */
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
  /** Steps that ran to the end, by step number: shown again at once. */
  private readonly cache = new Map<number, Finished>();
  /** Each step's verdict as last drawn, for the closing page. */
  private readonly said = new Map<number, string[]>();

  constructor(
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
      this.onError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (story !== this.story) {
      this.cache.clear();
      this.said.clear();
    }
    this.story = story;
    this.pages = [
      ...(story.introduction ? [{ kind: 'intro' as const, ...story.introduction }] : []),
      ...story.steps.map((step, n) => ({ kind: 'step' as const, step, n })),
      { kind: 'closing' as const, title: story.closing?.title ?? 'What we saw', text: story.closing?.text ?? 'Each step, in one line:' },
    ];
    this.active = true;
    this.showCompare();
    $('story-bar').hidden = false;
    document.body.classList.add('story-mode');
    await this.go(0, true);
  }

  /** Leave story mode: the compare view goes back to free comparisons. */
  async close(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    $('story-bar').hidden = true;
    document.body.classList.remove('story-mode', 'story-page');
    this.compare.cancelPrefetch();
    await this.compare.stop();
    this.compare.setFocus(undefined);
  }

  /** Show page i (clamped): a step loads its scenarios and runs them, or shows them at once if they ran before. */
  async go(i: number, force = false): Promise<void> {
    if (!this.story) return;
    const k = Math.max(0, Math.min(this.pages.length - 1, i));
    if (k === this.index && !force) return;
    this.index = k;
    const page = this.pages[k]!;
    const steps = this.story.steps.length;
    $('story-position').textContent = page.kind === 'step' ? `Step ${page.n + 1} of ${steps}${page.step.claim ? ` · ${page.step.claim}` : ''}` : page.kind === 'intro' ? 'Introduction' : 'The end';
    $<HTMLButtonElement>('story-prev').disabled = k === 0;
    $<HTMLButtonElement>('story-next').disabled = k === this.pages.length - 1;
    // A button that just became disabled loses the keyboard focus: give it to the other one.
    const focused = document.activeElement as HTMLButtonElement | null;
    if (focused?.disabled) $(focused.id === 'story-next' ? 'story-prev' : 'story-next').focus();
    $('story-audit').hidden = true;
    if (page.kind !== 'step') {
      document.body.classList.add('story-page');
      $('story-title').textContent = page.title;
      $('story-quote').hidden = true;
      $('story-narration').textContent = page.text;
      syncLines($('story-verdict'), page.kind === 'closing' ? this.summary() : []);
      await this.compare.stop();
      // While the room reads the introduction, the first step runs.
      if (page.kind === 'intro') this.runAhead(0);
      return;
    }
    document.body.classList.remove('story-page');
    const step = page.step;
    $('story-title').textContent = step.title;
    $('story-quote').hidden = false;
    $('story-quote-text').textContent = `“${step.quote}”`;
    $('story-cite').textContent = step.source;
    $('story-narration').textContent = step.narration;
    syncLines($('story-verdict'), ['Running…']);
    this.showAudit(step);
    await this.compare.stop();
    if (this.index !== k) return; // another page was chosen meanwhile
    this.compare.setArms(step.arms.map((a) => ({ source: a.scenario, changes: a.changes, name: a.label })));
    this.compare.setRuns(step.runs);
    const m = step.measure;
    const format: Format = metricById(m.metric).format;
    this.compare.setFocus({
      metric: m.metric,
      from: m.from,
      to: m.to,
      reduce: m.reduce,
      noun: { noun: m.noun, format, unit: format === 'share' ? undefined : metricById(m.metric).unit.replace(/ \(cumulative\)$/, '') },
      onVerdict: (lines) => {
        this.said.set(page.n, lines);
        if (this.index === k) syncLines($('story-verdict'), lines);
      },
    });
    const cached = this.cache.get(page.n);
    if (cached) await this.compare.restore(cached);
    else {
      const end = await this.compare.start();
      if (end !== 'done') return;
      const done = this.compare.finished();
      if (done) this.cache.set(page.n, done);
    }
    // The next step runs while this one is discussed.
    if (this.index === k) this.runAhead(page.n + 1);
  }

  /** Run step n in the background (if it exists and has not run): going there is then instant. */
  private runAhead(n: number): void {
    const step = this.story?.steps[n];
    if (!step || this.cache.has(n)) return;
    void this.compare.prefetch(step.arms.map((a) => ({ source: a.scenario, changes: a.changes, name: a.label })), step.runs, step.measure.metric).then((f) => {
      if (f) this.cache.set(n, f);
    });
  }

  /** The closing page: each step's title and its first verdict line. */
  private summary(): string[] {
    return (this.story?.steps ?? []).map((s, n) => `${n + 1}. ${s.title}: ${this.said.get(n)?.[0]?.replace(/^Provisional \([^)]*\): /, '') ?? 'not shown yet'}`);
  }

  /** How robust the claim is, in plain words, when the step carries an audit. */
  private showAudit(step: StoryStep): void {
    const a = step.audit;
    const box = $('story-audit');
    box.hidden = !a;
    if (!a) return;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const signed = (x: number) => (a.effect?.kind === 'log ratio' ? `${x >= 0 ? '+' : '\u2212'}${Math.abs(x).toPrecision(2)}` : `${x >= 0 ? '+' : '\u2212'}${Math.round(Math.abs(x) * 100)}%`);
    const effect = a.effect ? `; in 90% of them, ${a.effect.measure}: ${signed(a.effect.lo)} to ${signed(a.effect.hi)}${a.effect.model ? ' (a model figure)' : ''}` : '';
    box.textContent = `Holds in ${pct(a.holds)} of plausible organizations (${pct(a.lo)} to ${pct(a.hi)})${a.robust === false ? ': not robust' : ''}${effect}; rests on: ${a.premise}${a.flips.length ? `; it flips when: ${a.flips.join('; ')}` : ''}.`;
  }

  private async openFile(): Promise<void> {
    const input = $<HTMLInputElement>('story-file');
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      if (file.size > 1_000_000) throw new Error(`${file.name}: too large for a story (${Math.round(file.size / 1e3)} kB); the limit is 1 MB`);
      await this.open(await readStory(await file.text(), file.name));
    } catch (e) {
      this.onError(e instanceof Error ? e.message : String(e));
    }
  }
}

/** The verdict, one line per scenario against the first (as text, never markup). */
function syncLines(box: HTMLElement, lines: string[]): void {
  const now = Array.from(box.children, (c) => c.textContent);
  if (now.length === lines.length && now.every((t, i) => t === lines[i])) return;
  box.replaceChildren(...lines.map((l) => {
    const p = document.createElement('span');
    p.className = 'verdict-line';
    p.textContent = l;
    return p;
  }));
}
