/**
 * Synthetic exports of a network whose figures are known: a seeded population of accounts and groups, and a
 * month-by-month stream of their messages, written as a Viva Engage network data export (CSV files) or a Slack
 * workspace export (JSON lists and a folder per conversation, a file per day), in a folder or a .zip. With the
 * quirks real exports have: deleted, suspended and never-activated accounts, bots and apps, private groups,
 * direct messages, edited and deleted messages, threads and reactions, time zones, CRLF, a byte-order mark,
 * quotes and newlines inside message texts, and a month without any message.
 *
 * The truth (truth.json beside the export, or the return value) is computed here, from the generator's own
 * list of what counts, by the definitions of src/import/statistics.ts written out plainly, not by its code.
 *
 *   npx tsx scripts/synthetic-export.ts --format viva-engage|slack --out DIR [--zip] [--users N] [--months N]
 *     [--rate N] [--writers SHARE] [--seed N] [--no-truth]
 */
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import seedrandom from 'seedrandom';
import yazl from 'yazl';
import { monthStart, type Kept, type Message, type SyntheticOptions } from './synthetic/model.ts';
import { monthMessages, population } from './synthetic/network.ts';
import { writeSlack } from './synthetic/slack.ts';
import { computeTruth, type Truth } from './synthetic/truth.ts';
import { writeViva } from './synthetic/viva.ts';

export type { SyntheticFormat, SyntheticOptions } from './synthetic/model.ts';
export type { Truth } from './synthetic/truth.ts';

async function zipFolder(folder: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else zip.addFile(p, relative(folder, p).split('\\').join('/'));
    }
  };
  walk(folder);
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'close');
}

export async function writeSyntheticExport(path: string, options: SyntheticOptions): Promise<Truth> {
  const o: Required<SyntheticOptions> = {
    seed: 1,
    users: 300,
    months: 6,
    start: '2024-01',
    missingMonth: 3,
    writerRate: 6,
    writerShare: 0.55,
    zip: false,
    truth: true,
    ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SyntheticOptions),
  };
  const random = seedrandom.alea(`orgsim synthetic export ${o.seed}`);
  const { accounts, groups, start } = population(o, random);
  const folder = o.zip ? `${path}.d` : path;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const [y, m0] = o.start.split('-').map(Number) as [number, number];
  const monthsMs = Array.from({ length: o.months + 1 }, (_, k) => monthStart(y, m0 - 1 + k));
  const counter = { n: 0 };
  const kept: Kept[] = [];
  const skipped: Record<string, number> = { bot: 0, deleted: 0, private: 0, version: 0, system: 0 };
  let messages = 0;
  const secrets = new Set<string>();
  for (const a of accounts.slice(0, 40)) {
    secrets.add(a.name);
    secrets.add(a.email);
  }
  const span = (k: number) => [monthsMs[k]!, monthsMs[k + 1]!] as const;
  // Anchors: a bot message on the first and the last day place the export's span (skipped items).
  const bot = accounts.find((a) => a.kind === 'bot') ?? accounts[0]!;
  const anchors = (k: number): Message[] =>
    k === 0
      ? [
          {
            t: monthsMs[0]! + 600_000,
            id: '79000000001',
            author: bot.index,
            group: 0,
            text: 'bot anchor',
            kind: 'bot',
            ts: '',
          },
        ]
      : k === o.months - 1
        ? [
            {
              t: monthsMs[o.months]! - 600_000,
              id: '79000000002',
              author: bot.index,
              group: 0,
              text: 'bot anchor',
              kind: 'bot',
              ts: '',
            },
          ]
        : [];

  const each = async (onMonth: (ms: Message[]) => Promise<void>) => {
    for (let k = 0; k < o.months; k++) {
      if (k === o.missingMonth) continue;
      const [from, to] = span(k);
      const ms = [...monthMessages(o, random, accounts, groups, from, to, counter), ...anchors(k)].sort(
        (p, q) => p.t - q.t,
      );
      ms.forEach((m, i) => (m.ts = `${Math.floor(m.t / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`));
      for (const m of ms) {
        messages++;
        if (secrets.size < 200 && m.kind === 'message') secrets.add(m.text.split('\n')[0]!);
        if (m.kind === 'bot') skipped.bot!++;
        else if (m.kind === 'deleted') skipped.deleted!++;
        else if (m.kind === 'dm') skipped.private!++;
        else if (m.kind === 'join') skipped.system!++;
        else {
          if (o.truth) {
            kept.push({ author: m.author, t: m.t, kind: m.replyTo ? 'reply' : 'post', group: m.group });
            for (const r of m.reactions ?? []) kept.push({ author: r, t: m.t, kind: 'reaction', group: m.group });
          }
          if (m.edited && o.format === 'viva-engage') skipped.version!++;
        }
      }
      await onMonth(ms);
    }
  };

  if (o.format === 'viva-engage') await writeViva(folder, accounts, groups, each);
  else await writeSlack(folder, accounts, groups, each, monthsMs[0]!);
  if (o.zip) {
    await zipFolder(folder, path);
    rmSync(folder, { recursive: true, force: true });
  }
  const truth = computeTruth(o, accounts, groups, kept, monthsMs, messages, skipped, [...secrets]);
  void start;
  if (o.truth)
    writeFileSync(
      o.zip ? `${path}.truth.json` : join(dirname(path), `${path.split('/').pop()}.truth.json`),
      JSON.stringify(truth, null, 2),
    );
  return truth;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      zip: { type: 'boolean' },
      users: { type: 'string' },
      months: { type: 'string' },
      rate: { type: 'string' },
      writers: { type: 'string' },
      seed: { type: 'string' },
      'no-truth': { type: 'boolean' },
    },
  });
  if (!values.out || (values.format !== 'viva-engage' && values.format !== 'slack')) {
    process.stderr.write(
      'usage: npx tsx scripts/synthetic-export.ts --format viva-engage|slack --out PATH [--zip] [--users N] ' +
        '[--months N] [--rate N] [--writers SHARE] [--seed N] [--no-truth]\n',
    );
    process.exit(2);
  }
  const truth = await writeSyntheticExport(values.out, {
    format: values.format,
    zip: values.zip ?? false,
    users: values.users ? Number(values.users) : undefined,
    months: values.months ? Number(values.months) : undefined,
    writerRate: values.rate ? Number(values.rate) : undefined,
    writerShare: values.writers ? Number(values.writers) : undefined,
    seed: values.seed ? Number(values.seed) : undefined,
    truth: !values['no-truth'],
  });
  process.stdout.write(`wrote ${values.out}: ${truth.messages} messages, ${truth.accounts} accounts\n`);
}
