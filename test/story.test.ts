/**
 * Story files: the shipped tour of the claims is valid, walks every claim of MODEL.md with the claims'
 * own scenarios and seed sentences, and a broken or hostile story is refused naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../src/story.ts';
import { CLAIMS } from '../src/claims.ts';
import { readScenario, scenarioFiles } from '../cli/scenarios.ts';
import { runScenario } from '../src/run.ts';
import { compactRun } from '../src/compare/metrics.ts';
import { LIVE_EVENTS } from '../src/live-events.ts';

const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
const exists = (id: string) => ids.includes(id);
const text = readFileSync(new URL('../scenarios/stories/claims.json', import.meta.url), 'utf8');
const story = parseStory(text, 'claims.json', exists, ids);

describe('the shipped story', () => {
  it("has a step for every claim, with the claim's seed sentence and its scenarios", () => {
    expect(story.steps.map((s) => s.claim)).toEqual(CLAIMS.map((c) => c.id));
    for (const step of story.steps) {
      const claim = CLAIMS.find((c) => c.id === step.claim)!;
      expect(step.quote, step.claim).toBe(claim.seed);
      expect(step.source, step.claim).toBe(claim.seedFile);
      expect(step.arms.map((a) => a.scenario).sort(), step.claim).toEqual([...claim.arms].sort());
    }
  });

  it('steps load their scenarios and measure inside the horizon', () => {
    for (const step of story.steps) {
      for (const arm of step.arms) {
        const { scenario } = readScenario(arm.scenario);
        if (step.measure.to !== undefined) expect(step.measure.to, step.title).toBeLessThanOrEqual(scenario.ticks);
      }
    }
    // A step's measure is one the workers can compute.
    const first = story.steps[0]!;
    const run = runScenario({ ...readScenario(first.arms[0]!.scenario).scenario, ticks: 20 });
    expect(compactRun(run, [first.measure.metric]).data.length).toBe(20);
  });

  // The seed essays live next to the project (../shared/seeds), not in it: checked where they are present.
  const seeds = new URL('../../shared/seeds/', import.meta.url);
  it.skipIf(!existsSync(seeds))('quotes the seed essays word for word', () => {
    const norm = (s: string) => s.replace(/[\u2019']/g, "'").replace(/\s+/g, ' ');
    for (const step of story.steps) {
      const essay = norm(readFileSync(new URL(`${step.source}.txt`, seeds), 'utf8'));
      for (const part of norm(step.quote).split(' ... ')) expect(essay, step.title).toContain(part);
    }
  });
});

describe("the live events' quotes, shown on every phone of a room", () => {
  it('mark the essay\'s slip ("hepls") with [sic] rather than show it as ours', () => {
    const coach = LIVE_EVENTS.find((e) => e.id === 'coach-managers')!;
    expect(coach.seed).toBe('he also hepls [sic] manager who need some accompaniment to implement new practices');
    for (const e of LIVE_EVENTS) expect(e.seed, e.id).not.toMatch(/\bhepls\b(?! \[sic\])/);
  });
  const seeds = new URL('../../shared/seeds/', import.meta.url);
  it.skipIf(!existsSync(seeds))('quote the essays word for word but for the [sic]', () => {
    const norm = (s: string) => s.replace(/[\u2019']/g, "'").replace(/\s+/g, ' ');
    const essays = ['roles-in-online-social-spaces', 'internal-vs-external-community-managers']
      .map((f) => norm(readFileSync(new URL(`${f}.txt`, seeds), 'utf8')))
      .join(' ');
    for (const e of LIVE_EVENTS) expect(essays, e.id).toContain(norm(e.seed.replace(' [sic]', '')));
  });
});

describe('a story from a facilitator', () => {
  const base = JSON.parse(text) as { steps: Record<string, unknown>[] };
  const bad = (mutate: (s: typeof base) => void) => {
    const s = structuredClone(base);
    mutate(s);
    return () => parseStory(JSON.stringify(s), 'mine.json', exists, ids);
  };

  it('is refused with the field, the value and what is allowed', () => {
    expect(bad((s) => ((s.steps[1]!.arms as { scenario: string }[])[0]!.scenario = 'c2-nope'))).toThrow(
      new RegExp(
        String.raw`^mine\.json: steps\[1\]\.arms\[0\]\.scenario = "c2-nope" is not a shipped scenario; ` +
          `shipped scenarios: baseline, `,
      ),
    );
    expect(bad((s) => (s.steps[0]!.runs = 1000))).toThrow(
      /^mine\.json: steps\[0\]\.runs = 1000 is not allowed; expected at most 200$/,
    );
    expect(bad((s) => ((s.steps[0]!.measure as Record<string, unknown>).metric = 'value:moon'))).toThrow(
      /steps\[0\]\.measure\.metric = "value:moon" is not allowed; expected one of "participation:all"/,
    );
    expect(bad((s) => (s.steps[0]!.script = 'alert(1)'))).toThrow(/unknown field "steps\[0\]\.script"/);
    expect(bad((s) => (s.steps = []))).toThrow(/steps = \[\] is not allowed/);
    expect(bad((s) => ((s.steps[2]!.measure as Record<string, unknown>).to = 0))).toThrow(
      /steps\[2\]\.measure\.to = 0 is not allowed/,
    );
    expect(() => parseStory('{"title": ', 'cut.json', exists)).toThrow(/^cut\.json: /);
  });

  it('a step that names a claim runs that claim as orgsim claims does: its arms, unchanged, each once', () => {
    expect(bad((s) => (s.steps[0]!.claim = 'C42'))).toThrow(
      'mine.json: steps[0].claim = "C42" is not allowed; expected one of C1, C2, C3, C4, C5, C6, C7, C8, C9, C10',
    );
    expect(bad((s) => ((s.steps[0]!.arms as { scenario: string }[])[0]!.scenario = 'baseline'))).toThrow(
      'mine.json: steps[0].arms[0].scenario = "baseline" is not allowed; claim C1 compares c1-no-governance, ' +
        'c1-cm-relays',
    );
    expect(
      bad((s) => ((s.steps[3]!.arms as { changes: string }[])[1]!.changes = 'organization.employees=2000')),
    ).toThrow(
      new RegExp(
        String.raw`^mine\.json: steps\[3\]\.arms\[1\]\.changes = "organization\.employees=2000" is not ` +
          String.raw`allowed in a step that names claim C4: it runs the claim as orgsim claims does \(set the ` +
          String.raw`size with steps\[3\]\.employees\)$`,
      ),
    );
    expect(bad((s) => (s.steps[2]!.arms as unknown[]).pop())).toThrow(
      'mine.json: steps[2].arms is not allowed; claim C3 compares c3-smm-internal, c3-smm-outsourced-alone, ' +
        'c3-smm-outsourced-codriving, each once (missing: c3-smm-internal)',
    );
    expect(
      bad((s) => {
        delete s.steps[0]!.claim;
        s.steps[0]!.employees = 2000;
      }),
    ).toThrow(
      'mine.json: steps[0].employees = 2000 is not allowed without steps[0].claim; a step that names no ' +
        "claim sets organization.employees in its arms' changes",
    );
    expect(bad((s) => (s.steps[0]!.employees = 10))).toThrow(
      'mine.json: steps[0].employees = 10 is not allowed; expected at least 50',
    );
    // Without a claim, a step compares what it likes.
    const free = structuredClone(base);
    delete free.steps[0]!.claim;
    (free.steps[0]!.arms as { scenario: string; changes?: string }[])[0] = {
      scenario: 'baseline',
      label: 'the baseline',
      changes: 'smm.count=3',
    } as never;
    expect(parseStory(JSON.stringify(free), 'mine.json', exists, ids).steps[0]!.arms[0]!.changes).toBe('smm.count=3');
  });

  it('keeps markup as plain text (the page shows it with textContent)', () => {
    const s = structuredClone(base);
    s.steps[0]!.title = '<img src=x onerror=alert(1)>';
    expect(parseStory(JSON.stringify(s), 'mine.json', exists).steps[0]!.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('an introduction, a closing page and a robustness audit', () => {
  const step = story.steps[0]!;
  const withAll = (audit: unknown) =>
    JSON.stringify({
      title: 'T',
      introduction: { title: 'Welcome', text: 'What you will see.' },
      steps: [{ ...step, audit }],
      closing: { title: 'What we saw', text: 'In short.' },
    });
  it('are accepted, and the audit is optional', () => {
    const s = parseStory(
      withAll({
        holds: 0.87,
        lo: 0.8,
        hi: 0.92,
        premise: 'the CM has the legitimacy of a senior manager',
        flips: ['an outsourced CM'],
      }),
      'mine.json',
      exists,
      ids,
    );
    expect(s.introduction?.title).toBe('Welcome');
    expect(s.closing?.text).toBe('In short.');
    expect(s.steps[0]!.audit).toEqual({
      holds: 0.87,
      lo: 0.8,
      hi: 0.92,
      premise: 'the CM has the legitimacy of a senior manager',
      flips: ['an outsourced CM'],
    });
    expect(parseStory(withAll(undefined), 'mine.json', exists, ids).steps[0]!.audit).toBeUndefined();
  });
  it('is refused when its share is not a share, or lies outside its own interval, naming the field', () => {
    expect(() => parseStory(withAll({ holds: 1.5, lo: 0, hi: 1, premise: 'p' }), 'mine.json', exists, ids)).toThrow(
      'mine.json: steps[0].audit.holds = 1.5 is not allowed; expected at most 1',
    );
    expect(() => parseStory(withAll({ holds: 0.5, lo: 0.6, hi: 0.9, premise: 'p' }), 'mine.json', exists, ids)).toThrow(
      new RegExp(
        String.raw`steps\[0\]\.audit\.holds = 0\.5 is not allowed; expected a share between audit\.lo ` +
          String.raw`\(0\.6\) and audit\.hi \(0\.9\)`,
      ),
    );
  });
});
