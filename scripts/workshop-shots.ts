/**
 * Screenshots of a workshop (orgsim serve) for docs/facilitator.md, taken by `npm run screenshots` (or
 * `npm run screenshots -- workshop`): the shared screen at 1920x1080 and 1366x768 during a vote, after a first
 * decision (its marker and the ghost line), and a phone at 390 px: joining, voting, and between votes. The
 * real server, the real page and the real model; a dozen phones as browser contexts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Workshop } from '../server/workshop.ts';
import { loadSite } from '../server/site.ts';
import { readScenario } from '../cli/scenarios.ts';

type Hook = {
  __workshop: { tick: number; vote: { voters: number } | null; decisions: unknown[]; participants: unknown[] };
  __phone: { joined: boolean; round: number; myVote: number | null };
};
const NAMES = ['Ana', 'Bruno', 'Chloé', 'Dev', 'Elif', 'Farid', 'Grace', 'Hugo', 'Inès', 'Jun', 'Kofi', 'Lena'];

export async function workshopShots(browser: Browser, site: string, docs: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-shots-'));
  const { scenario } = readScenario('baseline', ['ticks=400']);
  // The address a phone on the room's network would use, as the QR code shows it.
  const workshop = await Workshop.start({
    scenario,
    seed: 1,
    site: loadSite(site),
    host: '127.0.0.1',
    port: 0,
    publicHost: '192.168.1.20',
    replayFile: (code) => join(dir, `room-${code}.replay.json`),
  });
  const local = (url: string) => url.replace('192.168.1.20', '127.0.0.1');
  try {
    const host = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await host.goto(workshop.facilitatorUrl);
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.participants !== undefined);
    const phones: Page[] = [];
    for (const [i, name] of NAMES.entries()) {
      const phone = await browser.newPage({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      await phone.goto(local(workshop.joinUrl));
      if (i === 0) await phone.screenshot({ path: join(docs, 'workshop-join-phone.png') });
      await phone.fill('#name', name);
      await phone.click('#join');
      await phone.waitForFunction(() => (window as unknown as Hook).__phone.joined);
      phones.push(phone);
    }
    await host.selectOption('#speed', '20');
    await host.click('#play');
    const vote = async (offer: string[], choose: (i: number) => number, voters: number) => {
      for (const id of offer) await host.check(`#offer-${id}`);
      await host.click('#open-vote');
      for (const [i, phone] of phones.slice(0, voters).entries()) {
        await phone.waitForFunction(() => (window as unknown as Hook).__phone.round > 0);
        await phone.click(`#option-${choose(i)}`);
        await phone.waitForFunction((o) => (window as unknown as Hook).__phone.myVote === o, choose(i));
      }
      await host.waitForFunction((n) => (window as unknown as Hook).__workshop.vote?.voters === n, voters);
    };
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.tick >= 60);
    await vote(['hire-smm', 'visibility'], (i) => (i % 3 === 2 ? 1 : 0), NAMES.length);
    await host.click('#close-vote');
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.decisions.length === 1);
    for (const id of ['hire-smm', 'visibility']) await host.uncheck(`#offer-${id}`);
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.tick >= 230, null, { timeout: 120_000 });
    await vote(['coach-managers', 'cm-speaks', 'smm-team-groups'], (i) => [1, 0, 1, 2][i % 4]!, 9);
    await host.waitForTimeout(400);
    await host.screenshot({ path: join(docs, 'workshop-projector.png') });
    await phones[0]!.screenshot({ path: join(docs, 'workshop-vote-phone.png') });
    await host.setViewportSize({ width: 1366, height: 768 });
    await host.waitForTimeout(600);
    await host.screenshot({ path: join(docs, 'workshop-laptop.png') });
    await host.setViewportSize({ width: 390, height: 844 });
    await host.waitForTimeout(600);
    await host.screenshot({ path: join(docs, 'workshop-shared-phone.png'), fullPage: true });
    await host.setViewportSize({ width: 1920, height: 1080 });
    await host.click('#close-vote');
    await host.waitForFunction(() => (window as unknown as Hook).__workshop.decisions.length === 2);
    await phones[3]!.waitForFunction(() => document.getElementById('decision')!.textContent!.includes('Vote 2'));
    await phones[3]!.screenshot({ path: join(docs, 'workshop-phone.png'), fullPage: true });
    for (const p of [host, ...phones]) await p.close();
  } finally {
    await workshop.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
