/**
 * Story mode: a guided tour for a room. Each step shows its seed sentence, loads its scenarios into the
 * compare view, runs them and highlights the measured difference. Steps come from a story file
 * (scenarios/stories/*.json, or one a facilitator opens); all its text is shown as text.
 */
import type { Story, StoryStep } from '../src/story.ts';
import { checkStory } from './validator.ts';
import type { CompareView } from './compare/view.ts';
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

export class StoryMode {
  active = false;
  index = 0;
  private story: Story | undefined;

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
    return this.story?.steps.length ?? 0;
  }

  get step(): StoryStep | undefined {
    return this.story?.steps[this.index];
  }

  async open(story?: Story): Promise<void> {
    try {
      story ??= this.story ?? (await shippedStory());
    } catch (e) {
      this.onError(e instanceof Error ? e.message : String(e));
      return;
    }
    this.story = story;
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
    document.body.classList.remove('story-mode');
    await this.compare.stop();
    this.compare.setFocus(undefined);
  }

  /** Show step i (clamped), load its scenarios and run them; nothing happens past either end. */
  async go(i: number, force = false): Promise<void> {
    if (!this.story) return;
    const k = Math.max(0, Math.min(this.story.steps.length - 1, i));
    if (k === this.index && !force) return;
    this.index = k;
    const step = this.story.steps[k]!;
    $('story-position').textContent = `Step ${k + 1} of ${this.story.steps.length}${step.claim ? ` · ${step.claim}` : ''}`;
    $('story-title').textContent = step.title;
    $('story-quote-text').textContent = `“${step.quote}”`;
    $('story-cite').textContent = step.source;
    $('story-narration').textContent = step.narration;
    $('story-verdict').textContent = 'Running…';
    $<HTMLButtonElement>('story-prev').disabled = k === 0;
    $<HTMLButtonElement>('story-next').disabled = k === this.story.steps.length - 1;
    // A button that just became disabled loses the keyboard focus: give it to the other one.
    const focused = document.activeElement as HTMLButtonElement | null;
    if (focused?.disabled) $(focused.id === 'story-next' ? 'story-prev' : 'story-next').focus();
    await this.compare.stop();
    if (this.index !== k) return; // another step was chosen meanwhile
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
        if (this.index === k) syncLines($('story-verdict'), lines);
      },
    });
    await this.compare.start();
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
