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
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import seedrandom from 'seedrandom';
import yazl from 'yazl';

export type SyntheticFormat = 'viva-engage' | 'slack';

export interface SyntheticOptions {
  format: SyntheticFormat;
  seed?: number;
  users?: number;
  /** Full months of the export (the missing one included). */
  months?: number;
  /** The first month, "2024-01". */
  start?: string;
  /** The month without any message (its index from 0), or -1 for none. */
  missingMonth?: number;
  /** Messages a month of a writer, on average (scales the export's size). */
  writerRate?: number;
  /** The share of accounts who ever write. */
  writerShare?: number;
  /** Write a .zip (the path given is the zip's) instead of a folder. */
  zip?: boolean;
  /** Compute the truth (keeps every contribution in memory: small exports only). */
  truth?: boolean;
}

export interface Truth {
  format: SyntheticFormat;
  accounts: number;
  months: string[];
  missing: string[];
  groups: { team: number; closed: number; open: number };
  figures: Record<string, number | null>;
  monthly: { month: string; monthlyContributors: number }[];
  messages: number;
  contributions: number;
  skipped: Record<string, number>;
  /** Names, e-mail addresses and texts written into the export: none may appear in any output. */
  secrets: string[];
}

const DAY = 86_400_000;
const FIRST = ['Ada', 'Bram', 'Chloé', 'Dmitri', 'Esther', 'Farid', 'Gaia', 'Hiro', 'Ines', 'Jonas', 'Kwame', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const LAST = ['Quill', 'Rasmussen', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Varga', 'Whitlock', 'Zubiri', 'Halloran'];
const DEPARTMENTS = ['Finance', 'Research', 'Sales', 'Legal', 'Operations', 'Human Resources'];
const ZONES = [0, 330, -480, 540, -180, 60, -300];

interface Account {
  index: number;
  id: string;
  name: string;
  email: string;
  department: string;
  zone: number;
  kind: 'person' | 'bot' | 'pending';
  /** ms; Viva only says it. */
  joined: number;
  /** ms or undefined. */
  left?: number;
  leftHow?: 'deleted' | 'suspended';
  rate: number;
  groups: number[];
}

interface Group {
  index: number;
  id: string;
  name: string;
  private: boolean;
  members: number[];
  /** Threads started, most recent last (ids), for replies. */
  threads: { id: string; ts: string; author: number }[];
  /** The Viva feed: no group id. */
  feed?: boolean;
}

interface Message {
  t: number;
  id: string;
  author: number;
  group: number;
  /** Thread it replies in. */
  replyTo?: { id: string; ts: string; author: number };
  text: string;
  kind: 'message' | 'dm' | 'bot' | 'deleted' | 'join';
  edited?: boolean;
  reactions?: number[];
  dmWith?: number;
  ts: string;
}

const poisson = (random: () => number, mean: number) => {
  // Knuth for small means, normal approximation beyond.
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > l);
  return k - 1;
};
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);
const label = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** "2024-03-01T10:30:00+05:30": an instant written in its author's time zone. */
function localIso(ms: number, zoneMinutes: number): string {
  const local = new Date(ms + zoneMinutes * 60_000).toISOString().slice(0, 19);
  if (zoneMinutes === 0) return `${local}Z`;
  const sign = zoneMinutes < 0 ? '-' : '+';
  const a = Math.abs(zoneMinutes);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The population and its groups. */
function population(o: Required<SyntheticOptions>, random: () => number) {
  const [y, m] = o.start.split('-').map(Number) as [number, number];
  const start = monthStart(y, m - 1);
  const end = monthStart(y, m - 1 + o.months);
  const accounts: Account[] = [];
  for (let i = 0; i < o.users; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const r = random();
    const kind: Account['kind'] = r < 0.02 ? 'bot' : r < 0.04 && o.format === 'viva-engage' ? 'pending' : 'person';
    const joined = random() < 0.8 ? start - Math.floor(random() * 700) * DAY - DAY : start + Math.floor(random() * (end - start - DAY));
    const a: Account = {
      index: i,
      id: o.format === 'slack' ? `U${(1_000_000 + i).toString(36).toUpperCase()}` : String(1_480_000_000 + i * 17),
      name: `${first} ${last}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org`,
      department: DEPARTMENTS[i % DEPARTMENTS.length]!,
      zone: ZONES[i % ZONES.length]!,
      kind,
      joined,
      rate: random() >= o.writerShare ? 0 : o.writerRate * Math.exp(gaussian(random) * 0.9 - 0.4),
      groups: [],
    };
    if (kind === 'person' && random() < 0.06) {
      a.left = Math.max(joined, start) + Math.floor(random() * (end - Math.max(joined, start)));
      a.leftHow = random() < 0.5 ? 'deleted' : 'suspended';
    }
    accounts.push(a);
  }
  const persons = accounts.filter((a) => a.kind === 'person');
  const groups: Group[] = [];
  const add = (name: string, priv: boolean, members: number[], feed = false) => {
    const g: Group = { index: groups.length, id: o.format === 'slack' ? `${priv ? 'G' : 'C'}${(5_000_000 + groups.length).toString(36).toUpperCase()}` : String(9_100_000 + groups.length * 31), name, private: priv, members: [...new Set(members)].sort((p, q) => p - q), threads: [], feed };
    groups.push(g);
    for (const i of g.members) accounts[i]!.groups.push(g.index);
    return g;
  };
  if (o.format === 'viva-engage') add('All Company', false, persons.map((a) => a.index), true);
  else add('general', false, persons.map((a) => a.index));
  // Teams: people of one department, 5 to 10 at a time.
  for (const dep of DEPARTMENTS) {
    const people = persons.filter((a) => a.department === dep);
    for (let k = 0; k < people.length; ) {
      const size = 5 + Math.floor(random() * 6);
      add(`team-${dep.toLowerCase().replace(/ /g, '-')}-${k}`, true, people.slice(k, k + size).map((a) => a.index));
      k += size;
    }
  }
  const pick = (n: number) => persons.filter(() => random() < n / Math.max(1, persons.length)).map((a) => a.index);
  add('leadership-forum', true, pick(Math.min(60, persons.length)));
  add('project-aurora', true, pick(Math.min(45, persons.length)));
  for (const [topic, share] of [['data-science', 0.3], ['sustainability', 0.2], ['help-desk', 0.5], ['photography', 0.08], ["quotes-and-\"jokes\"", 0.12]] as const) {
    add(topic, false, pick(persons.length * share));
  }
  return { accounts, groups, start, end };
}

/** The messages of one month, in time order. */
function monthMessages(o: Required<SyntheticOptions>, random: () => number, accounts: Account[], groups: Group[], from: number, to: number, counter: { n: number }): Message[] {
  const out: Message[] = [];
  const there = (a: Account, t: number) => a.joined <= t && (a.left === undefined || t < a.left);
  const tsOf = (t: number) => `${Math.floor(t / 1000)}.${String(100000 + (counter.n % 900000)).padStart(6, '0')}`;
  const text = (n: number) => `Zephyr note ${n}: "quoted", a comma, and\na second line ${n % 7 === 0 ? '\r\nwith CRLF' : ''}`;
  for (const a of accounts) {
    if (a.kind === 'pending') continue;
    if (a.kind === 'bot') {
      const k = poisson(random, 4);
      for (let j = 0; j < k; j++) {
        const t = from + Math.floor(random() * (to - from));
        out.push({ t, id: String(70_000_000_000 + counter.n++), author: a.index, group: 0, text: `bot digest ${counter.n}`, kind: 'bot', ts: tsOf(t) });
      }
      continue;
    }
    const lo = Math.max(from, a.joined);
    const hi = Math.min(to, a.left ?? to);
    if (hi <= lo) continue;
    const k = poisson(random, (a.rate * (hi - lo)) / (to - from));
    for (let j = 0; j < k; j++) {
      const t = lo + Math.floor(random() * (hi - lo));
      const r = random();
      const kind: Message['kind'] = r < 0.05 ? 'dm' : r < 0.08 ? 'deleted' : 'message';
      const g = a.groups[Math.floor(random() * a.groups.length)]!;
      const m: Message = { t, id: String(60_000_000_000 + counter.n), author: a.index, group: g, text: text(counter.n), kind, ts: tsOf(t) };
      counter.n++;
      if (kind === 'dm') {
        const other = accounts[Math.floor(random() * accounts.length)]!;
        m.dmWith = other.kind === 'person' && other.index !== a.index ? other.index : (a.index + 1) % accounts.length;
        if (accounts[m.dmWith]!.kind !== 'person') m.dmWith = a.index === 0 ? 1 : 0;
      }
      if (kind === 'message' && random() < 0.05) m.edited = true;
      out.push(m);
    }
    // Slack says when someone joins a channel: a system message on his first day in the span.
    if (o.format === 'slack' && a.joined >= from && a.joined < to) out.push({ t: a.joined + 3_600_000, id: '', author: a.index, group: 0, text: '', kind: 'join', ts: tsOf(a.joined + 3_600_000) });
  }
  out.sort((p, q) => p.t - q.t);
  // Threads and reactions, in time order: a reply goes to a thread already started in its group.
  for (const m of out) {
    m.ts = `${Math.floor(m.t / 1000)}.${String(100000 + (Number(m.id.slice(-5)) || 0)).padStart(6, '0')}`;
    if (m.kind !== 'message' && m.kind !== 'deleted') continue;
    const g = groups[m.group]!;
    if (g.threads.length && random() < 0.55) m.replyTo = g.threads[g.threads.length - 1 - Math.floor(random() * Math.min(5, g.threads.length))]!;
    else if (m.kind === 'message') {
      g.threads.push({ id: m.id, ts: m.ts, author: m.author });
      if (g.threads.length > 64) g.threads.splice(0, 32); // replies go to recent threads: memory stays flat
    }
    if (o.format === 'slack' && m.kind === 'message' && random() < 0.3) {
      const reactors = new Set<number>();
      const k = 1 + Math.floor(random() * 3);
      for (let j = 0; j < k; j++) {
        const who = accounts[g.members[Math.floor(random() * g.members.length)]!]!;
        if (who.kind === 'person' && there(who, m.t) && who.index !== m.author) reactors.add(who.index);
      }
      if (reactors.size) m.reactions = [...reactors].sort((p, q) => p - q);
    }
  }
  // Slack's ts must be unique and in order within a day: seconds plus a counter.
  out.forEach((m, i) => (m.ts = `${Math.floor(m.t / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`));
  out.sort((p, q) => (p.t - q.t) || (p.ts < q.ts ? -1 : 1));
  return out;
}

class Lines {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const ok = this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

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
  const o: Required<SyntheticOptions> = { seed: 1, users: 300, months: 6, start: '2024-01', missingMonth: 3, writerRate: 6, writerShare: 0.55, zip: false, truth: true, ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as SyntheticOptions) };
  const random = seedrandom.alea(`orgsim synthetic export ${o.seed}`);
  const { accounts, groups, start } = population(o, random);
  const folder = o.zip ? `${path}.d` : path;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const [y, m0] = o.start.split('-').map(Number) as [number, number];
  const monthsMs = Array.from({ length: o.months + 1 }, (_, k) => monthStart(y, m0 - 1 + k));
  const counter = { n: 0 };
  const kept: { author: number; t: number; kind: 'post' | 'reply' | 'reaction'; group: number }[] = [];
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
    k === 0 ? [{ t: monthsMs[0]! + 600_000, id: '79000000001', author: bot.index, group: 0, text: 'bot anchor', kind: 'bot', ts: '' }]
    : k === o.months - 1 ? [{ t: monthsMs[o.months]! - 600_000, id: '79000000002', author: bot.index, group: 0, text: 'bot anchor', kind: 'bot', ts: '' }] : [];

  const each = async (onMonth: (ms: Message[]) => Promise<void>) => {
    for (let k = 0; k < o.months; k++) {
      if (k === o.missingMonth) continue;
      const [from, to] = span(k);
      const ms = [...monthMessages(o, random, accounts, groups, from, to, counter), ...anchors(k)].sort((p, q) => p.t - q.t);
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
  if (o.truth) writeFileSync(o.zip ? `${path}.truth.json` : join(dirname(path), `${path.split('/').pop()}.truth.json`), JSON.stringify(truth, null, 2));
  return truth;
}

type Each = (onMonth: (ms: Message[]) => Promise<void>) => Promise<void>;

async function writeViva(folder: string, accounts: Account[], groups: Group[], each: Each): Promise<void> {
  const CRLF = '\r\n';
  const BOM = '\uFEFF';
  const users = ['id,job_title,location,department,api_url,name,email,joined_at,deleted_by_id,deleted_by_type,state,suspended_by_id,suspended_by_type,suspended_at,deleted_at'];
  for (const a of accounts) {
    if (a.kind === 'bot') continue; // apps post as non-user senders
    const state = a.kind === 'pending' ? 'pending' : a.leftHow === 'deleted' ? 'soft_delete' : a.leftHow === 'suspended' ? 'suspended' : 'active';
    const left = a.left === undefined ? '' : localIso(a.left, a.zone);
    users.push([a.id, 'Analyst, "senior"', 'Lyon', a.department, `https://www.yammer.com/api/v1/users/${a.id}`, a.name, a.email, localIso(a.joined, a.zone), a.leftHow === 'deleted' ? '1' : '', a.leftHow === 'deleted' ? 'User' : '', state, a.leftHow === 'suspended' ? '1' : '', a.leftHow === 'suspended' ? 'User' : '', a.leftHow === 'suspended' ? left : '', a.leftHow === 'deleted' ? left : ''].map(csvCell).join(','));
  }
  writeFileSync(join(folder, 'Users.csv'), BOM + users.join(CRLF) + CRLF);
  const gs = ['id,name,description,private,deleted,api_url'];
  for (const g of groups) if (!g.feed) gs.push([g.id, g.name, `About ${g.name}, "really"\nsecond line`, g.private ? 'true' : 'false', 'false', `https://www.yammer.com/api/v1/groups/${g.id}`].map(csvCell).join(','));
  writeFileSync(join(folder, 'Groups.csv'), BOM + gs.join(CRLF) + CRLF);
  writeFileSync(join(folder, 'log.txt'), 'Export completed\n');
  writeFileSync(join(folder, 'request.txt'), 'since=2024-01-01\n');
  const out = new Lines(createWriteStream(join(folder, 'Messages.csv')));
  await out.write(BOM + 'id,replied_to_id,thread_id,conversation_id,group_id,group_name,participants,in_private_group,in_private_conversation,sender_id,sender_type,sender_name,sender_email,body,api_url,attachments,deleted_by_id,deleted_by_type,created_at,deleted_at' + CRLF);
  await each(async (ms) => {
    for (const m of ms) {
      const a = accounts[m.author]!;
      const g = groups[m.group]!;
      const dm = m.kind === 'dm';
      const isBot = m.kind === 'bot';
      const row = [
        m.id,
        m.replyTo?.id ?? '',
        m.replyTo?.id ?? m.id,
        '',
        dm || g.feed || isBot ? '' : g.id,
        dm || g.feed || isBot ? '' : g.name,
        dm ? `user:${a.id},user:${accounts[m.dmWith!]!.id}` : '',
        g.private && !dm ? 'true' : 'false',
        dm ? 'true' : 'false',
        isBot ? '900' : a.id,
        isBot ? 'bot' : 'user',
        isBot ? 'Praise bot' : a.name,
        isBot ? '' : a.email,
        m.text,
        `https://www.yammer.com/api/v1/messages/${m.id}`,
        '',
        m.kind === 'deleted' ? a.id : '',
        m.kind === 'deleted' ? 'User' : '',
        localIso(m.t, a.zone),
        m.kind === 'deleted' ? localIso(m.t + 60_000, a.zone) : '',
      ].map(csvCell).join(',');
      await out.write(row + CRLF);
      // The previous version of an edited message: the same id, its older text.
      if (m.edited) await out.write(row.replace('Zephyr note', 'Zephyr draft') + CRLF);
    }
  });
  await out.end();
}

async function writeSlack(folder: string, accounts: Account[], groups: Group[], each: Each, created: number): Promise<void> {
  const users = accounts.map((a) => ({
    id: a.id,
    team_id: 'T0001',
    name: a.email.split('@')[0],
    deleted: a.left !== undefined,
    real_name: a.name,
    tz_offset: a.zone * 60,
    profile: { real_name: a.name, display_name: a.name.split(' ')[0], email: a.email, title: 'Analyst "senior"' },
    is_bot: a.kind === 'bot',
    is_app_user: false,
  }));
  writeFileSync(join(folder, 'users.json'), '\uFEFF' + JSON.stringify(users, null, 2).replace(/\n/g, '\r\n'));
  const conv = (g: Group) => ({ id: g.id, name: g.name, created: Math.floor(created / 1000) - 86400, creator: accounts[g.members[0] ?? 0]!.id, is_archived: false, is_general: g.index === 0, members: g.members.map((i) => accounts[i]!.id), topic: { value: `Talk of ${g.name}` }, purpose: { value: '' } });
  writeFileSync(join(folder, 'channels.json'), JSON.stringify(groups.filter((g) => !g.private).map(conv), null, 1));
  writeFileSync(join(folder, 'groups.json'), JSON.stringify(groups.filter((g) => g.private).map(conv), null, 1));
  const dms = new Map<string, { id: string; members: string[] }>();
  writeFileSync(join(folder, 'integration_logs.json'), '[]');
  await each(async (ms) => {
    // One file per conversation and UTC day.
    const files = new Map<string, unknown[]>();
    for (const m of ms) {
      const a = accounts[m.author]!;
      let folderName = groups[m.group]!.name;
      let msg: Record<string, unknown>;
      if (m.kind === 'dm') {
        const pair = [a.id, accounts[m.dmWith!]!.id].sort();
        const id = `D${pair.join('')}`.slice(0, 11);
        if (!dms.has(id)) dms.set(id, { id, members: pair });
        folderName = id;
        msg = { type: 'message', user: a.id, text: m.text, ts: m.ts };
      } else if (m.kind === 'bot') msg = { type: 'message', subtype: 'bot_message', bot_id: 'B0BOT', username: 'Praise bot', text: m.text, ts: m.ts };
      else if (m.kind === 'join') msg = { type: 'message', subtype: 'channel_join', user: a.id, text: `<@${a.id}> has joined the channel`, ts: m.ts };
      else if (m.kind === 'deleted') msg = { type: 'message', subtype: 'tombstone', user: 'USLACKBOT', hidden: true, text: 'This message was deleted.', ts: m.ts, ...(m.replyTo ? { thread_ts: m.replyTo.ts } : {}) };
      else {
        msg = { client_msg_id: `c-${m.id}`, type: 'message', text: m.text, user: a.id, ts: m.ts, user_profile: { real_name: a.name, display_name: a.name.split(' ')[0] } };
        if (m.replyTo) Object.assign(msg, { thread_ts: m.replyTo.ts, parent_user_id: accounts[m.replyTo.author]!.id });
        if (m.edited) msg.edited = { user: a.id, ts: `${Math.floor(m.t / 1000) + 60}.000000` };
        if (m.reactions) msg.reactions = [{ name: 'thumbsup', users: m.reactions.map((i) => accounts[i]!.id), count: m.reactions.length }];
      }
      const day = new Date(Number(m.ts.split('.')[0]) * 1000).toISOString().slice(0, 10);
      const key = `${folderName}/${day}`;
      let list = files.get(key);
      if (!list) files.set(key, (list = []));
      list.push(msg);
    }
    for (const [key, list] of files) {
      const [dir] = key.split('/');
      mkdirSync(join(folder, dir!), { recursive: true });
      writeFileSync(join(folder, `${key}.json`), JSON.stringify(list, null, 4));
    }
  });
  writeFileSync(join(folder, 'dms.json'), JSON.stringify([...dms.values()].map((d) => ({ ...d, created: Math.floor(created / 1000) })), null, 1));
  writeFileSync(join(folder, 'mpims.json'), '[]');
}

/** The figures, by their definitions (src/import/statistics.ts), from the list of what counts. */
function computeTruth(
  o: Required<SyntheticOptions>,
  accounts: Account[],
  groups: Group[],
  kept: { author: number; t: number; kind: 'post' | 'reply' | 'reaction'; group: number }[],
  monthsMs: number[],
  messages: number,
  skipped: Record<string, number>,
  secrets: string[],
): Truth {
  const viva = o.format === 'viva-engage';
  const used = Array.from({ length: o.months }, (_, k) => k).filter((k) => k !== o.missingMonth);
  const monthOf = (t: number) => monthsMs.findIndex((s, k) => k < o.months && t >= s && t < monthsMs[k + 1]!);
  const dayStart = (t: number) => Math.floor(t / DAY) * DAY;
  const persons = accounts.filter((a) => a.kind === 'person');
  const perMonth = new Map<number, Map<number, number>>(); // account -> month -> contributions
  const lastSeen = new Map<number, number>();
  const groupsOf = new Map<number, Set<number>>();
  const contributorsOf = new Map<number, Set<number>>();
  for (const c of kept) {
    const k = monthOf(c.t);
    let m = perMonth.get(c.author);
    if (!m) perMonth.set(c.author, (m = new Map()));
    m.set(k, (m.get(k) ?? 0) + 1);
    lastSeen.set(c.author, Math.max(lastSeen.get(c.author) ?? -Infinity, dayStart(c.t)));
    if (!groupsOf.has(c.author)) groupsOf.set(c.author, new Set());
    groupsOf.get(c.author)!.add(c.group);
    if (!contributorsOf.has(c.group)) contributorsOf.set(c.group, new Set());
    contributorsOf.get(c.group)!.add(c.author);
  }
  const count = (a: Account, k: number) => perMonth.get(a.index)?.get(k) ?? 0;
  // When an account is there: Viva gives both days (to the day); Slack only says "deleted": until the day
  // after its last contribution, or never if it made none.
  const leftDay = (a: Account): number | undefined => {
    if (a.left === undefined) return undefined;
    if (viva) return dayStart(a.left);
    const seen = lastSeen.get(a.index);
    return seen === undefined ? -Infinity : seen + DAY;
  };
  const exists = (a: Account, k: number) => {
    if (count(a, k) > 0) return true;
    const from = monthsMs[k]!;
    const lastOfMonth = monthsMs[k + 1]! - DAY;
    const joinedOk = !viva || dayStart(a.joined) <= lastOfMonth;
    const l = leftDay(a);
    return joinedOk && (l === undefined || l >= from);
  };
  const eligible = persons.filter((a) => used.some((k) => exists(a, k)));
  const M = used.length;
  const monthly = used.map((k) => {
    const there = eligible.filter((a) => exists(a, k));
    const contributing = there.filter((a) => count(a, k) > 0);
    return { month: label(monthsMs[k]!), monthlyContributors: there.length ? contributing.length / there.length : 0, there: there.length, contributing: contributing.length, contributions: there.reduce((s, a) => s + count(a, k), 0) };
  });
  const total = (a: Account) => used.reduce((s, k) => s + count(a, k), 0);
  const totals = eligible.map(total).sort((p, q) => q - p);
  const sum = totals.reduce((s, x) => s + x, 0);
  const top = (f: number) => totals.slice(0, Math.max(1, Math.ceil(totals.length * f - 1e-9))).reduce((s, x) => s + x, 0) / sum;
  const n = totals.length;
  const asc = [...totals].reverse();
  const gini = (2 * asc.reduce((s, x, i) => s + (i + 1) * x, 0)) / (n * sum) - (n + 1) / n;
  const usedKept = kept.filter((c) => used.includes(monthOf(c.t)));
  const size = (g: Group) => (viva ? contributorsOf.get(g.index)?.size ?? 0 : g.members.length);
  const kindOf = (g: Group) => (!g.private ? 'open' : size(g) <= 30 ? 'team' : 'closed');
  const inKind = (kind: string) => kept.filter((c) => kindOf(groups[c.group]!) === kind).length / kept.length;
  const contributors = [...groupsOf.keys()];
  const sizesCounted = groups.filter((g) => size(g) > 0 || (contributorsOf.get(g.index)?.size ?? 0) > 0);
  const inMonths = (t: number | undefined) => t !== undefined && used.includes(monthOf(t));
  const figures: Record<string, number | null> = {
    monthlyContributors: monthly.reduce((s, r) => s + r.monthlyContributors, 0) / M,
    contributorShare: eligible.filter((a) => total(a) > 0).length / eligible.length,
    contributionsPerContributor: monthly.reduce((s, r) => s + r.contributions, 0) / monthly.reduce((s, r) => s + r.contributing, 0),
    monthlyPosts: monthly.reduce((s, r) => s + r.contributions, 0) / monthly.reduce((s, r) => s + r.there, 0),
    top1Share: top(0.01),
    top10Share: top(0.1),
    gini,
    newMembersPerMonth: viva ? eligible.filter((a) => inMonths(a.joined)).length / M : null,
    leaversPerMonth: viva ? eligible.filter((a) => a.left !== undefined && inMonths(dayStart(a.left))).length / M : null,
    threadsPerMonth: usedKept.filter((c) => c.kind === 'post').length / M,
    repliesPerMonth: usedKept.filter((c) => c.kind === 'reply').length / M,
    repliesPerThread: usedKept.filter((c) => c.kind === 'reply').length / usedKept.filter((c) => c.kind === 'post').length,
    reactionsPerMonth: viva ? null : usedKept.filter((c) => c.kind === 'reaction').length / M,
    teamActivityShare: inKind('team'),
    openActivityShare: inKind('open'),
    multiGroupShare: contributors.filter((a) => groupsOf.get(a)!.size > 1).length / contributors.length,
    readOnlyShare: null,
  };
  return {
    format: o.format,
    accounts: eligible.length,
    months: used.map((k) => label(monthsMs[k]!)),
    missing: o.missingMonth >= 0 && o.missingMonth < o.months ? [label(monthsMs[o.missingMonth]!)] : [],
    groups: { team: sizesCounted.filter((g) => kindOf(g) === 'team').length, closed: sizesCounted.filter((g) => kindOf(g) === 'closed').length, open: sizesCounted.filter((g) => kindOf(g) === 'open').length },
    figures,
    monthly: monthly.map(({ month, monthlyContributors }) => ({ month, monthlyContributors })),
    messages,
    contributions: kept.length,
    skipped,
    secrets: secrets.filter((s) => s.length >= 6),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' }, zip: { type: 'boolean' }, users: { type: 'string' }, months: { type: 'string' }, rate: { type: 'string' }, writers: { type: 'string' }, seed: { type: 'string' }, 'no-truth': { type: 'boolean' } } });
  if (!values.out || (values.format !== 'viva-engage' && values.format !== 'slack')) {
    process.stderr.write('usage: npx tsx scripts/synthetic-export.ts --format viva-engage|slack --out PATH [--zip] [--users N] [--months N] [--rate N] [--writers SHARE] [--seed N] [--no-truth]\n');
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
