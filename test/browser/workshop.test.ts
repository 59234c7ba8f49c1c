/**
 * A workshop end to end (orgsim serve, issue 14): the facilitator's page and 30 phones (browser contexts of
 * one Chromium) on loopback, three rounds of votes, 5 phones that drop and come back (3 pages closed and
 * opened again, 2 sockets cut by the network), every decision recorded once and in order, and the replay
 * file reproducing the room's run bit for bit with `orgsim run --replay`. Conditions are awaited, never timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, SHOTS } from './page.ts';
import { spawnCli } from '../sweep-helpers.ts';
import { Workshop } from '../../server/workshop.ts';
import type { Connection } from '../../server/connection.ts';
import { loadSite } from '../../server/site.ts';
import { readScenario } from '../../cli/scenarios.ts';
import { LIVE_EVENTS } from '../../src/live-events.ts';
import { SERIES_NAMES } from '../../src/metrics/series.ts';
import { replayScenario } from '../../src/room/replay.ts';

const N = 30;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core problems (WCAG 2.0/2.1 A and AA) on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const run = (window as unknown as { axe: { run(d: Document, o: object): Promise<Result> } }).axe.run;
    const r = await run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
const SITE = 'test-results/dist-workshop';

interface Hook {
  __workshop: {
    tick: number;
    done: boolean;
    phase?: string;
    participants: { id: number; name: string; connected: boolean; voted: boolean }[];
    vote: { round: number; tally: number[]; voters: number } | null;
    decisions: {
      round: number;
      tick: number;
      choice: string;
      label: string;
      voters: number;
      votes: { id: string; count: number }[];
    }[];
    ghostTick: number;
    markers: { tick: number; label: string }[];
    bytes: () => Record<string, string>;
  };
  __phone: { round: number; myVote: number | null; joined: boolean; view: string };
}
const W = (page: Page) => page.evaluate(() => (window as unknown as Hook).__workshop);

/** Three rounds: the options offered, each phone's vote (an event id), the expected winner. */
const ROUNDS = [
  { offer: ['hire-smm', 'visibility'], vote: (i: number) => (i < 18 ? 'hire-smm' : 'visibility'), winner: 'hire-smm' },
  {
    offer: ['coach-managers', 'cm-speaks', 'smm-team-groups'],
    vote: (i: number) => (i < 8 ? 'coach-managers' : i < 23 ? 'cm-speaks' : 'smm-team-groups'),
    winner: 'cm-speaks',
  },
  {
    offer: ['outsource-smm', 'end-codriving'],
    vote: (i: number) => (i < 10 ? 'end-codriving' : 'outsource-smm'),
    winner: 'outsource-smm',
  },
];
/** The page offers options in the order of the live events. */
const offered = (ids: string[]) => LIVE_EVENTS.map((e) => e.id).filter((id) => ids.includes(id));

let workshop: Workshop;
let browser: Browser;
let dir: string;
let host: Page;
const phones: { context: BrowserContext; page: Page; name: string }[] = [];
const errors: string[] = [];
/** The server's lines (what the terminal would show), said when a wait fails. */
const log: string[] = [];

function watch(page: Page, who: string): void {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${who}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${who}: ${String(e)}`));
}

async function openPhone(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  watch(page, who);
  await page.goto(workshop.joinUrl);
  return page;
}

beforeAll(async () => {
  await build({ logLevel: 'error', build: { outDir: SITE, emptyOutDir: true } });
  dir = mkdtempSync(join(tmpdir(), 'orgsim-workshop-'));
  const { scenario } = readScenario('baseline', ['ticks=200']);
  workshop = await Workshop.start({
    scenario,
    seed: 2026,
    site: loadSite(SITE),
    host: '127.0.0.1',
    port: 0,
    replayFile: (code) => join(dir, `room-${code}.replay.json`),
    log: (line) => log.push(line),
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await workshop?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a workshop: the facilitator and 30 phones', () => {
  it('runs three rounds with drops, records each decision once and in order, and the replay \
reproduces the run', async () => {
    // bypassCSP: only so that axe-core can be injected (the pages' policy refuses inline scripts).
    const hostContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    host = await hostContext.newPage();
    watch(host, 'facilitator');
    await host.goto(workshop.facilitatorUrl);
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.phase === 'waiting');
    // The key leaves the address bar (the screen is projected).
    expect(host.url()).not.toContain(workshop.token);
    // The join address under the QR code reads from the back of the room: 1.25% of the screen's width at least.
    await host.waitForFunction(() => (document.getElementById('join-url')?.textContent ?? '') !== '');
    expect(
      await host.locator('#join-url').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    ).toBeGreaterThanOrEqual(1920 * 0.0125);

    // 30 phones join; one name carries markup, shown as text.
    for (let i = 0; i < N; i++) {
      // Phones of 360 and 390 px.
      const context = await browser.newContext({
        viewport: i % 2 ? { width: 390, height: 844 } : { width: 360, height: 640 },
        isMobile: true,
        hasTouch: true,
        bypassCSP: i < 2,
      });
      const name = i === 7 ? '<b>Bold</b> & co' : `Participant ${i + 1}`;
      const page = await openPhone(context, `phone ${i}`);
      if (i === 0) expect(await axe(page), 'the join form').toEqual([]);
      await page.fill('#name', name);
      await page.click('#join');
      await page.waitForFunction(() => (window as unknown as Hook).__phone.joined);
      phones.push({ context, page, name });
    }
    await host.waitForFunction((n) => (window as unknown as Hook).__workshop.participants.length === n, N);
    await host.click('#people-summary');
    const names = await host.locator('#participants .name').allTextContents();
    expect(names).toContain('<b>Bold</b> & co');
    expect(await host.locator('#participants b').count()).toBe(0);
    expect(await phones[0]!.page.locator('.option').count()).toBe(0);

    await host.selectOption('#speed', '60');
    await host.click('#play');
    let lastTick = 0;
    for (const [r, round] of ROUNDS.entries()) {
      await host.waitForFunction((t) => (window as unknown as Hook).__workshop.tick >= t, lastTick + 15);
      // The facilitator pauses to prepare the vote (on a busy machine the run would otherwise reach its end).
      await host.click('#play');
      await host.waitForFunction(() => (window as unknown as Hook).__workshop.phase === 'paused');
      for (const e of LIVE_EVENTS) await host.setChecked(`#offer-${e.id}`, round.offer.includes(e.id));
      await host.click('#open-vote');
      await host.waitForFunction((n) => (window as unknown as Hook).__workshop.vote?.round === n, r + 1);
      const order = offered(round.offer);
      for (const [i, p] of phones.entries()) {
        const option = order.indexOf(round.vote(i));
        await p.page.waitForFunction((n) => (window as unknown as Hook).__phone.round === n, r + 1);
        if (i < 2) {
          // Large touch targets, on screen without scrolling, and no sideways scroll on a 360 px phone.
          const boxes = await p.page
            .locator('.option')
            .evaluateAll((els) =>
              els.map((e) => e.getBoundingClientRect()).map((b) => ({ h: b.height, w: b.width, top: b.top })),
            );
          for (const b of boxes) expect(b.h).toBeGreaterThanOrEqual(48);
          expect(boxes[0]!.top).toBeLessThan(p.page.viewportSize()!.height);
          expect(
            await p.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          ).toBe(true);
        }
        await p.page.click(`#option-${option}`);
        await p.page.waitForFunction((o) => (window as unknown as Hook).__phone.myVote === o, option);
        if (r === 0 && i === 1) expect(await axe(p.page), 'a phone during a vote').toEqual([]);
      }
      if (r === 0) expect(await axe(host), 'the shared screen during a vote').toEqual([]);
      const expected = order.map((id) => phones.filter((_, i) => round.vote(i) === id).length);
      await host.waitForFunction((n) => (window as unknown as Hook).__workshop.vote?.voters === n, N);

      // Phones drop and come back: their vote is still theirs, counted once.
      const dropped = r === 1 ? [0, 1, 2] : r === 2 ? [3, 4] : [];
      if (r === 1) {
        // The tab is closed (a phone's browser killed it) and opened again from the same link.
        for (const i of dropped) await phones[i]!.page.close();
        await host.waitForFunction(
          (n) => (window as unknown as Hook).__workshop.participants.filter((p) => !p.connected).length === n,
          dropped.length,
        );
        for (const i of dropped) phones[i]!.page = await openPhone(phones[i]!.context, `phone ${i} again`);
      } else if (r === 2) {
        // The network goes: the server's end of the socket is cut, the page reconnects by itself.
        const live = (workshop as unknown as { phones: Map<number, Connection> }).phones;
        const ids = (await W(host)).participants
          .filter((p) => dropped.some((i) => phones[i]!.name === p.name))
          .map((p) => p.id);
        for (const id of ids) live.get(id)!.ws.terminate();
      }
      for (const i of dropped) {
        const option = order.indexOf(round.vote(i));
        await phones[i]!.page.waitForFunction(
          (o) => (window as unknown as Hook).__phone.myVote === o && (window as unknown as Hook).__phone.joined,
          option,
        );
      }
      await host.waitForFunction(
        (n) =>
          (window as unknown as Hook).__workshop.participants.every((p) => p.connected) &&
          (window as unknown as Hook).__workshop.participants.length === n,
        N,
      );
      const vote = (await W(host)).vote!;
      expect(vote.voters).toBe(N);
      expect(vote.tally).toEqual(expected);

      await host.click('#close-vote');
      await host.waitForFunction((n) => (window as unknown as Hook).__workshop.decisions.length === n, r + 1);
      const d = (await W(host)).decisions[r]!;
      expect(d).toMatchObject({ round: r + 1, choice: round.winner, voters: N });
      expect(d.votes.map((v) => v.count)).toEqual(expected);
      expect(d.tick).toBeGreaterThanOrEqual(lastTick);
      lastTick = d.tick;
      // The run was paused before the vote: it stays paused until the facilitator plays it again.
      expect((await W(host)).phase).toBe('paused');
      await host.click('#play');
      // The shared screen: a marker with the room's decision, the ghost line without it.
      await host.waitForFunction((t) => (window as unknown as Hook).__workshop.ghostTick > t, d.tick);
      await host.waitForSelector(`.marker text >> text=${d.label}`);
      // Every phone is told the room's decision.
      await phones[29]!.page.waitForFunction(
        (label) => document.getElementById('decision')!.textContent!.includes(label),
        `Vote ${r + 1}: “${LIVE_EVENTS.find((e) => e.id === round.winner)!.label}”`,
      );
    }

    await host
      .waitForFunction(() => (window as unknown as Hook).__workshop.done, null, { timeout: 300_000 })
      .catch(async (e: unknown) => {
        const w = await W(host);
        throw new Error(
          `the run did not end: day ${w.tick}, ${w.phase}; server: ${log.slice(-5).join(' | ')}; run: ` +
            `${workshop.sim.tick}, playing ${workshop.playing}, ${workshop.error ?? 'no error'}; page: ` +
            `${await host.textContent('#notice')} ${await host.textContent('#status')}; ${String(e)}`,
        );
      });
    await host.screenshot({ path: `${SHOTS}/workshop-shared-1920.png` });
    await phones[5]!.page.screenshot({ path: `${SHOTS}/workshop-phone-390.png`, fullPage: true });

    // Each decision recorded once, in order: on the page, as markers, in the replay file.
    const state = await W(host);
    expect(state.decisions.map((d) => [d.round, d.choice])).toEqual(ROUNDS.map((r, k) => [k + 1, r.winner]));
    const labels = state.decisions.map((d) => d.label);
    for (const label of labels) expect(state.markers.filter((m) => m.label === label)).toHaveLength(1);
    const ticks = state.decisions.map((d) => d.tick);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    const file = JSON.parse(readFileSync(workshop.replayFile, 'utf8')) as unknown;
    const { replay } = replayScenario(file, 'replay');
    expect(replay.decisions.map((d) => [d.round, d.tick, d.choice, d.label])).toEqual(
      state.decisions.map((d) => [d.round, d.tick, d.choice, d.label]),
    );

    // The page has exactly the server's numbers...
    const bytes = await host.evaluate(() => (window as unknown as Hook).__workshop.bytes());
    for (const name of SERIES_NAMES) {
      const server = workshop.seriesOf(name);
      expect(
        Buffer.from(bytes[name]!, 'base64').equals(Buffer.from(server.buffer, server.byteOffset, server.byteLength)),
        name,
      ).toBe(true);
    }
    // ...and orgsim run --replay gives them again, bit for bit (CSV keeps -0 and NaN).
    const out = join(dir, 'replayed.csv');
    const r = await spawnCli(['run', '--replay', workshop.replayFile, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const replayed = new Map<string, number[]>();
    for (const line of readFileSync(out, 'utf8').trimEnd().split('\n').slice(1)) {
      const [, , tick, series, value] = line.split(',');
      if (!replayed.has(series!)) replayed.set(series!, []);
      replayed.get(series!)![Number(tick)] = Number(value);
    }
    for (const name of SERIES_NAMES) {
      const page = new Float64Array(new Uint8Array(Buffer.from(bytes[name]!, 'base64')).buffer);
      const cli = replayed.get(name)!;
      expect(cli.length, name).toBe(page.length);
      const differs = Array.from(page).findIndex((v, t) => !Object.is(v, cli[t]));
      expect(differs, `${name} differs at tick ${differs}`).toBe(-1);
    }
    expect(errors).toEqual([]);
  }, 900_000);
});
