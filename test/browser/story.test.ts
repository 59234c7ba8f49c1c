/**
 * Story mode in real Chromium (issue 21): every claim step says what `orgsim claims` says of its claim (same
 * arms, size, seeds, measures, test: the same verdict and numbers), once, in plain words; a value measured on
 * one day marks that day; the bracket's label sits beside the plot, never on its lines; the introduction and
 * the closing page are pages of text that fill the screen, with no chart; in presenter mode the text is sized
 * for the back of a room at 1366x768 and 1920x1080, and nothing is cut off. A facilitator's story file is
 * checked and shown as text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, SHOTS, startApp, type App } from './page.ts';
import { spawnCli } from '../sweep-helpers.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4318);
}, 120_000);
afterAll(async () => app?.close());

type Hook = {
  __orgsim: { mode: string; story: { active: boolean; index: number; length: number; title: string; kind: string } };
};
interface Step {
  title: string;
  claim?: string;
  quote: string;
  arms: { label: string }[];
  measure: { to?: number; from?: number; reduce: string };
}
const steps = (
  JSON.parse(readFileSync(new URL('../../scenarios/stories/claims.json', import.meta.url), 'utf8')) as { steps: Step[] }
).steps;

/** Page k of the story is shown and its runs are in (its verdict is said). */
const waitStep = (page: Page, k: number, timeout = 300_000) =>
  page.waitForFunction(
    (i) => {
      const said = document.getElementById('story-verdict')?.textContent ?? '';
      return (window as unknown as Hook).__orgsim.story.index === i && said !== '' && !said.startsWith('Running');
    },
    k,
    { timeout },
  );

/** `orgsim claims` output: per claim, its verdict words and the [lo, hi] of each comparison, in %. */
function parseClaims(stdout: string): Map<string, { words: string; ranges: [number, number][] }> {
  const out = new Map<string, { words: string; ranges: [number, number][] }>();
  let cur: { words: string; ranges: [number, number][] } | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^(C\d+): /.exec(line);
    if (head) out.set(head[1]!, (cur = { words: '', ranges: [] }));
    const v = /^\s+[\d,]+ employees: (.*)$/.exec(line);
    if (v && cur) cur.words = v[1]!;
    const r = /\[([+-][\d.]+)%, ([+-][\d.]+)%/.exec(line);
    if (r && cur && /^\s+(pass|FAIL|\s\s\?\s)\s\s/.test(line)) cur.ranges.push([Number(r[1]), Number(r[2])]);
  }
  return out;
}

describe('story mode', () => {
  it('walks the story: each claim step says the verdict orgsim claims says, with its numbers, once; shown \
again at once', async () => {
    // The command line's verdicts at the story's settings (2,000 employees, 20 runs, the claims' seed), run alongside.
    const cli = spawnCli(['claims', '--sizes', '2000', '--runs', '20', '--workers', '1']);
    const { page, errors } = await openPage(app);
    await page.keyboard.press('s');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.active);
    expect(await page.evaluate(() => (window as unknown as Hook).__orgsim.story)).toMatchObject({
      active: true,
      index: 0,
      length: 12,
      kind: 'intro',
      title: 'Who makes enterprise communities live',
    });
    // The introduction is a page of text: no chart, no axes.
    expect(await page.locator('#compare-view svg:visible').count()).toBe(0);
    const said: { words: string; headline: string; evidence: string[] }[] = [];
    for (const [n, step] of steps.entries()) {
      await page.keyboard.press('PageDown');
      await waitStep(page, n + 1, 600_000);
      expect(await page.locator('#story-quote-text').textContent()).toBe(`“${step.quote}”`);
      const headline = (await page.locator('#story-verdict').textContent())!;
      const evidence = await page.locator('#story-evidence li').allTextContents();
      expect(headline, step.title).toMatch(
        /^The claim (holds|does not hold) \(20 runs of each scenario, 2,000 employees\)\.$|^Inconclusive with 20 runs/,
      );
      // Said once: not again in the status line or under the chart.
      expect(await page.locator('#story-status').textContent()).not.toContain('holds');
      expect(await page.locator('#story-chart figcaption').textContent()).not.toContain('holds');
      // The day measured is marked, not the run shaded; a mean over days is shaded over them.
      const to = step.measure.to ?? 500;
      if (step.measure.reduce === 'last') {
        expect(await page.locator('#story-chart .window-label').textContent()).toMatch(
          new RegExp(`measured on day ${to}$`),
        );
        expect(await page.locator('#story-chart .highlight line.day-marker').count()).toBe(1);
        expect(await page.locator('#story-chart .highlight rect').count()).toBe(0);
      } else {
        expect(await page.locator('#story-chart .window-label').textContent()).toBe(
          `averaged over days ${step.measure.from ?? 0} to ${to}`,
        );
        expect(await page.locator('#story-chart .highlight rect').count()).toBe(1);
      }
      // The bracket's label sits right of the plot: left of it are the lines.
      const geometry = await page.evaluate(() => {
        const label = document.querySelector<SVGTextElement>('#story-chart .bracket-label');
        const axis = document.querySelector<SVGPathElement>('#story-chart .x-axis path.domain');
        return label && axis
          ? {
              label: label.getBoundingClientRect().left,
              plotEnd: axis.getBoundingClientRect().right,
              text: label.textContent,
            }
          : null;
      });
      expect(geometry, step.title).not.toBeNull();
      expect(geometry!.label, step.title).toBeGreaterThan(geometry!.plotEnd);
      said.push({ words: headline, headline, evidence });
      if (n === 2) await page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true });
    }
    // The closing page: each step in one line, with no chart.
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.kind === 'closing');
    expect(await page.locator('#story-chart').isVisible()).toBe(false);
    const summary = await page.locator('#story-evidence li').allTextContents();
    expect(summary).toHaveLength(steps.length);

    // The same verdicts and intervals as orgsim claims.
    const r = await cli;
    expect(r.code, r.stderr).toBe(0);
    const claims = parseClaims(r.stdout);
    for (const [n, step] of steps.entries()) {
      const c = claims.get(step.claim!)!;
      expect(summary[n], step.claim).toBe(
        `${n + 1}. ${step.title} (${step.claim}): ` +
          `${c.words.replace(/ \((?:below|above) its scope.*$/, '').toLowerCase()}`,
      );
      // Each comparison's interval, in whole percent, as the story words it ("between +72% and +146%").
      c.ranges.forEach(([lo, hi], k) => {
        const m = /between ([+−]?\d+)% and ([+−]?\d+)%/.exec(said[n]!.evidence[k]!);
        expect(m, `${step.claim}: ${said[n]!.evidence[k]}`).not.toBeNull();
        const num = (s: string) => Number(s.replace('−', '-'));
        expect(Math.abs(num(m![1]!) - lo), `${step.claim} lo`).toBeLessThanOrEqual(0.51);
        expect(Math.abs(num(m![2]!) - hi), `${step.claim} hi`).toBeLessThanOrEqual(0.51);
      });
    }

    // Back: a step seen before is shown again at once, with the same verdict.
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, 10, 5_000);
    expect(await page.locator('#story-verdict').textContent()).toBe(said[9]!.headline);
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => (window as unknown as Hook).__orgsim.mode === 'live' && !(window as unknown as Hook).__orgsim.story.active,
    );
    expect(await page.locator('main.layout').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 1_200_000);

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`presenter mode at ${width}x${height}: text for the back of a room, one screen, nothing cut off; the \
introduction fills it`, async () => {
      const page = await app.browser.newPage({ viewport: { width, height } });
      await page.goto(app.url);
      await page.waitForFunction(
        () => ((window as unknown as { __orgsim?: { tick: number } }).__orgsim?.tick ?? 0) > 0,
      );
      await page.keyboard.press('p');
      await page.keyboard.press('s');
      await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.active);
      await page.waitForTimeout(300);
      // The introduction: large type, a page that fills the screen, no chart.
      const intro = await page.evaluate(() => ({
        barHeight: document.getElementById('story-bar')!.getBoundingClientRect().height,
        font: parseFloat(getComputedStyle(document.getElementById('story-narration')!).fontSize),
      }));
      expect(intro.barHeight).toBeGreaterThan(height * 0.8);
      expect(intro.font).toBeGreaterThanOrEqual(height * 0.035);
      expect(await page.locator('#story-chart').isVisible()).toBe(false);
      // Step 3 (three scenarios, the longest result).
      for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
      await waitStep(page, 3);
      await page.waitForTimeout(600);
      const m = await page.evaluate(() => {
        const px = (id: string) => parseFloat(getComputedStyle(document.getElementById(id)!).fontSize);
        const text = document.querySelector('.story-text')!;
        const chart = document.querySelector('#story-chart .plot-box')!.getBoundingClientRect();
        const tick = document.querySelector('#story-chart .x-axis text')!;
        return {
          narration: px('story-narration'),
          verdict: px('story-verdict'),
          evidence: parseFloat(getComputedStyle(document.querySelector('#story-evidence li')!).fontSize),
          audit: px('story-audit'),
          tick: parseFloat(getComputedStyle(tick).fontSize),
          clipped: text.scrollHeight > text.clientHeight + 1,
          scroll: document.documentElement.scrollHeight > innerHeight + 1,
          chartHeight: chart.height,
        };
      });
      // Sizes follow the screen's height (docs/facilitator.md, "Story mode"): the same physical size on a projector at
      // either resolution.
      expect(m.narration).toBeGreaterThanOrEqual(height * 0.027);
      expect(m.verdict).toBeGreaterThanOrEqual(height * 0.035);
      expect(m.evidence).toBeGreaterThanOrEqual(height * 0.025);
      expect(m.audit).toBeGreaterThanOrEqual(height * 0.023);
      expect(m.tick).toBeGreaterThanOrEqual(height * 0.021);
      expect(m.clipped, "the step's text is cut off").toBe(false);
      expect(m.scroll, 'the slide scrolls').toBe(false);
      expect(m.chartHeight).toBeGreaterThan(height * 0.25);
      await page.screenshot({ path: `${SHOTS}/story-presenter-${width}.png` });
      await page.close();
    }, 600_000);
  }

  it("a facilitator's story file is validated; markup in it stays text", async () => {
    const { page } = await openPage(app);
    const story = {
      title: 'Mine',
      steps: [
        {
          title: '<img src=x onerror="window.__pwned=1">',
          quote: '<b>bold?</b>',
          source: 'workshop',
          arms: [
            { scenario: 'small', label: 'small' },
            { scenario: 'small', label: 'small, 3 SMMs', changes: 'smm.count=3' },
          ],
          runs: 3,
          measure: { metric: 'participation:all', reduce: 'mean', noun: 'participation', verb: 'gets' },
        },
      ],
    };
    await page.keyboard.press('s');
    await page.setInputFiles('#story-file', {
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(story)),
    });
    await page.waitForFunction(() => document.getElementById('story-title')!.textContent!.startsWith('<img'));
    await waitStep(page, 0);
    expect(await page.locator('#story-quote-text').textContent()).toBe('“<b>bold?</b>”');
    expect(await page.locator('#story-bar img, #story-bar b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // A step without a claim compares its scenarios on the same seeds and says it once.
    expect(await page.locator('#story-verdict').textContent()).toMatch(
      /^(“small, 3 SMMs”: |No clear difference in participation between “small, 3 SMMs” and “small”)/,
    );
    // A broken one is refused with the field named; the current story stays.
    await page.setInputFiles('#story-file', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...story, steps: [{ ...story.steps[0], runs: 0 }] })),
    });
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toBe(
      'bad.json: steps[0].runs = 0 is not allowed; expected at least 2',
    );
    expect(await page.locator('#story-title').textContent()).toMatch(/^<img/);
    await page.close();
    // Its three runs share the machine with the other test files: a busy laptop needs more than the default.
  }, 300_000);
});
