/**
 * Hostile and broken input on the page, in real Chromium: a share link that cannot be opened keeps its error
 * on screen (never another run in its place), a very large link or scenario is checked off the main thread
 * and the page keeps answering, and random or mutated links and scenario files (fast-check) always end in
 * an inline error or a run, never in a frozen page, an uncaught exception or injected markup.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, waitTick, type App } from './page.ts';
import { encodeShared } from '../../src/share.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4315);
}, 120_000);
afterAll(async () => app?.close());

type Hook = { __orgsim?: { tick: number; playing: boolean } };
const tickOf = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim?.tick ?? 0);

/** The page counts its animation frames: if the count moves, the main thread is not frozen. */
async function frames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames?: number };
    if (w.__frames === undefined) {
      w.__frames = 0;
      const count = () => {
        w.__frames!++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    }
    return w.__frames;
  });
}

/** Open a link in a fresh load of the page and wait until it settles: an inline error, or a run that plays. */
async function openLink(page: Page, hash: string): Promise<'error' | 'run'> {
  await page.goto('about:blank');
  await page.goto(app.url + hash);
  await page.waitForFunction(
    () => !document.getElementById('error')!.hidden || ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0,
    null,
    { timeout: 60_000 },
  );
  return (await page.locator('#error').isHidden()) ? 'run' : 'error';
}

/** The error box holds text and, for a link, one button: nothing from the input became markup. */
async function expectPlainError(page: Page): Promise<string> {
  const text = (await page.locator('#error').textContent())!;
  expect(text.length).toBeGreaterThan(10);
  expect(await page.locator('#error *:not(button)').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  return text;
}

describe('a shared link that cannot be opened', () => {
  it('keeps its error on screen, runs nothing else, and offers the baseline', async () => {
    const { page, errors } = await openPage(app);
    for (const [hash, says] of [
      ['#run=A', /^This shared link cannot be opened: it is damaged: it does not decode/],
      [
        encodeShared({ scenario: 'baseline', sets: [], seed: 1e308, interventions: [] }),
        /seed = 1e\+308 is not allowed; expected from 0 to 2147483647/,
      ],
      [
        encodeShared({ scenario: 'no-such-scenario', sets: [], seed: 1, interventions: [] }),
        /no shipped scenario named "no-such-scenario"/,
      ],
      [
        encodeShared({ scenario: 'baseline', sets: ['smm.cont=3'], seed: 1, interventions: [] }),
        /unknown parameter "smm\.cont"; did you mean "smm\.count"\?/,
      ],
      ['#run=!!', /characters a link never has/],
    ] as const) {
      expect(await openLink(page, hash), hash).toBe('error');
      expect(await expectPlainError(page)).toMatch(says);
      // Nothing runs in its place, however long one waits for it.
      const f = await frames(page);
      await page.waitForFunction((n) => ((window as unknown as { __frames: number }).__frames ?? 0) > n + 10, f);
      expect(await tickOf(page)).toBe(0);
      expect(await page.locator('#error').isVisible()).toBe(true);
      expect(await page.locator('#scenario-description').textContent()).toBe(
        'No run: the shared link could not be opened.',
      );
    }
    await page.click('#error button');
    await waitTick(page, 3);
    expect(await page.locator('#scenario').inputValue()).toBe('baseline');
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('very large input', () => {
  it('a 600 kB link of 10,000 interventions is checked off the main thread: the page keeps drawing, then runs it or \
says why not', async () => {
    const { page, errors } = await openPage(app);
    const interventions = Array.from({ length: 10_000 }, (_, k) => ({
      at: k % 500,
      label: `change number ${k} of a long list`,
      set: { 'cm.speakShare': (k % 10) / 10 },
    }));
    const hash = encodeShared({
      scenario: { name: 'many changes', organization: { employees: 100 }, external: { customers: 0 } },
      sets: [],
      seed: 1,
      interventions,
    });
    expect(hash.length).toBeGreaterThan(590_000);
    await page.goto('about:blank');
    await page.goto(app.url + hash);
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim !== undefined);
    // While the link is checked, the page draws frames.
    const f = await frames(page);
    await page.waitForFunction((n) => ((window as unknown as { __frames: number }).__frames ?? 0) > n + 5, f);
    await page.waitForFunction(
      () => !document.getElementById('error')!.hidden || ((window as unknown as Hook).__orgsim?.tick ?? 0) > 5,
      null,
      { timeout: 120_000 },
    );
    if (await page.locator('#error').isVisible()) await expectPlainError(page);
    else {
      // At most a few dozen markers are drawn, whatever the number of changes; the captions say the rest.
      expect(await page.locator('#chart-value g.marker').count()).toBeLessThanOrEqual(60);
      expect(await page.locator('#chart-value figcaption').textContent()).toMatch(/and \d[\d,]* more/);
    }
    const g = await frames(page);
    await page.waitForFunction((n) => ((window as unknown as { __frames: number }).__frames ?? 0) > n + 5, g);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

/** A valid shared scenario with one leaf replaced by an arbitrary JSON value. */
function mutate(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const out = structuredClone(base);
  let node = out as Record<string, unknown>;
  for (const k of path.slice(0, -1)) {
    if (node[k] === null || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return out;
}

const BASE = {
  name: 'fuzz',
  organization: { employees: 60, teamSize: 6 },
  external: { customers: 0 },
  ticks: 40,
  smm: { count: 1 },
  cm: { present: true },
};
const PATHS = [
  ['name'],
  ['ticks'],
  ['seed'],
  ['organization', 'employees'],
  ['smm', 'count'],
  ['smm', 'sourcing'],
  ['cm'],
  ['interventions'],
  ['metrics'],
  ['extends'],
  ['organization', 'nope'],
  ['__proto__'],
  ['description'],
];
const hostileText = fc.constantFrom(
  '<img src=x onerror="window.__pwned=1">',
  '\u001b[31mred\u001b[0m',
  '</script><script>window.__pwned=2</script>',
  'a'.repeat(5000),
  '{"$ref":"#"}',
);
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileText,
  fc.constantFrom(1e308, -1, 0.5, 2 ** 40, null, true, [], {}),
);

describe('fuzzed links and files (fast-check)', () => {
  it('random and mutated share links end in an inline error or a run; the page never freezes or throws', async () => {
    const { page, errors } = await openPage(app);
    const link = fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => `#run=${s}`),
      fc
        .base64String({ maxLength: 400 })
        .map((s) => `#run=${s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`),
      fc.jsonValue({ maxDepth: 3 }).map((v) => `#run=${Buffer.from(JSON.stringify(v)).toString('base64url')}`),
      fc
        .tuple(fc.constantFrom(...PATHS), anyValue)
        .map(([path, v]) => encodeShared({ scenario: mutate(BASE, path, v), sets: [], seed: 1, interventions: [] })),
      fc
        .tuple(anyValue, anyValue)
        .map(
          ([sets, interventions]) =>
            `#run=` +
            `${Buffer.from(JSON.stringify({ scenario: 'small', sets, seed: 2, interventions })).toString('base64url')}`,
        ),
    );
    await fc.assert(
      fc.asyncProperty(link, async (hash) => {
        const outcome = await openLink(page, hash);
        if (outcome === 'error') await expectPlainError(page);
        const f = await frames(page);
        await page.waitForFunction((n) => ((window as unknown as { __frames: number }).__frames ?? 0) > n + 3, f);
      }),
      { numRuns: 25, seed: 12, endOnFailure: true },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('random and mutated scenario files are refused inline (or opened) and the current run goes on', async () => {
    const { page, errors } = await openPage(app);
    await waitTick(page, 3);
    const file = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.tuple(fc.constantFrom(...PATHS), anyValue).map(([path, v]) => JSON.stringify(mutate(BASE, path, v))),
    );
    let k = 0;
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const name = `fuzz-${k++}.json`;
        await page.evaluate(() => {
          document.getElementById('error')!.hidden = true;
          document.getElementById('notice')!.hidden = true;
        });
        await page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.waitForFunction(
          (n) =>
            !document.getElementById('error')!.hidden ||
            document.getElementById('notice')!.textContent === `Opened ${n}`,
          name,
          { timeout: 60_000 },
        );
        if (await page.locator('#error').isVisible()) {
          const said = await expectPlainError(page);
          // One line, naming the file.
          expect(said.includes('\n')).toBe(false);
          expect(said.startsWith(name) || said.includes(name)).toBe(true);
        }
        // The run goes on either way.
        const t = await tickOf(page);
        await page.waitForFunction(
          (n) =>
            ((window as unknown as Hook).__orgsim?.tick ?? 0) > n ||
            (window as unknown as { __orgsim: { done: boolean } }).__orgsim.done,
          t,
        );
      }),
      { numRuns: 30, seed: 34, endOnFailure: true },
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
