/** The seeded network of a synthetic export: its accounts and groups, and each month's messages. */
import {
  DAY,
  DEPARTMENTS,
  FIRST,
  gaussian,
  LAST,
  monthStart,
  poisson,
  ZONES,
  type Account,
  type Group,
  type Message,
  type SyntheticOptions,
} from './model.ts';

/** The population and its groups. */
export function population(o: Required<SyntheticOptions>, random: () => number) {
  const [y, m] = o.start.split('-').map(Number) as [number, number];
  const start = monthStart(y, m - 1);
  const end = monthStart(y, m - 1 + o.months);
  const accounts: Account[] = [];
  for (let i = 0; i < o.users; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const r = random();
    const kind: Account['kind'] = r < 0.02 ? 'bot' : r < 0.04 && o.format === 'viva-engage' ? 'pending' : 'person';
    const joined =
      random() < 0.8
        ? start - Math.floor(random() * 700) * DAY - DAY
        : start + Math.floor(random() * (end - start - DAY));
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
    const g: Group = {
      index: groups.length,
      id:
        o.format === 'slack'
          ? `${priv ? 'G' : 'C'}${(5_000_000 + groups.length).toString(36).toUpperCase()}`
          : String(9_100_000 + groups.length * 31),
      name,
      private: priv,
      members: [...new Set(members)].sort((p, q) => p - q),
      threads: [],
      feed,
    };
    groups.push(g);
    for (const i of g.members) accounts[i]!.groups.push(g.index);
    return g;
  };
  if (o.format === 'viva-engage')
    add(
      'All Company',
      false,
      persons.map((a) => a.index),
      true,
    );
  else
    add(
      'general',
      false,
      persons.map((a) => a.index),
    );
  // Teams: people of one department, 5 to 10 at a time.
  for (const dep of DEPARTMENTS) {
    const people = persons.filter((a) => a.department === dep);
    for (let k = 0; k < people.length; ) {
      const size = 5 + Math.floor(random() * 6);
      add(
        `team-${dep.toLowerCase().replace(/ /g, '-')}-${k}`,
        true,
        people.slice(k, k + size).map((a) => a.index),
      );
      k += size;
    }
  }
  const pick = (n: number) => persons.filter(() => random() < n / Math.max(1, persons.length)).map((a) => a.index);
  add('leadership-forum', true, pick(Math.min(60, persons.length)));
  add('project-aurora', true, pick(Math.min(45, persons.length)));
  for (const [topic, share] of [
    ['data-science', 0.3],
    ['sustainability', 0.2],
    ['help-desk', 0.5],
    ['photography', 0.08],
    ['quotes-and-"jokes"', 0.12],
  ] as const) {
    add(topic, false, pick(persons.length * share));
  }
  return { accounts, groups, start, end };
}

/** The messages of one month, in time order. */
export function monthMessages(
  o: Required<SyntheticOptions>,
  random: () => number,
  accounts: Account[],
  groups: Group[],
  from: number,
  to: number,
  counter: { n: number },
): Message[] {
  const out: Message[] = [];
  const there = (a: Account, t: number) => a.joined <= t && (a.left === undefined || t < a.left);
  const tsOf = (t: number) => `${Math.floor(t / 1000)}.${String(100000 + (counter.n % 900000)).padStart(6, '0')}`;
  const text = (n: number) =>
    `Zephyr note ${n}: "quoted", a comma, and\na second line ${n % 7 === 0 ? '\r\nwith CRLF' : ''}`;
  for (const a of accounts) {
    if (a.kind === 'pending') continue;
    if (a.kind === 'bot') {
      const k = poisson(random, 4);
      for (let j = 0; j < k; j++) {
        const t = from + Math.floor(random() * (to - from));
        out.push({
          t,
          id: String(70_000_000_000 + counter.n++),
          author: a.index,
          group: 0,
          text: `bot digest ${counter.n}`,
          kind: 'bot',
          ts: tsOf(t),
        });
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
      const m: Message = {
        t,
        id: String(60_000_000_000 + counter.n),
        author: a.index,
        group: g,
        text: text(counter.n),
        kind,
        ts: tsOf(t),
      };
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
    if (o.format === 'slack' && a.joined >= from && a.joined < to)
      out.push({
        t: a.joined + 3_600_000,
        id: '',
        author: a.index,
        group: 0,
        text: '',
        kind: 'join',
        ts: tsOf(a.joined + 3_600_000),
      });
  }
  out.sort((p, q) => p.t - q.t);
  // Threads and reactions, in time order: a reply goes to a thread already started in its group.
  for (const m of out) {
    m.ts = `${Math.floor(m.t / 1000)}.${String(100000 + (Number(m.id.slice(-5)) || 0)).padStart(6, '0')}`;
    if (m.kind !== 'message' && m.kind !== 'deleted') continue;
    const g = groups[m.group]!;
    if (g.threads.length && random() < 0.55)
      m.replyTo = g.threads[g.threads.length - 1 - Math.floor(random() * Math.min(5, g.threads.length))]!;
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
  out.sort((p, q) => p.t - q.t || (p.ts < q.ts ? -1 : 1));
  return out;
}
