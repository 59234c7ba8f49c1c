/**
 * What an import keeps of an export: counts and days, never a text, a name or an id. Accounts and groups are
 * numbered in the order the reader meets them (the reader hashes the export's ids on reading and keeps only
 * this number); each contribution adds one to its account's count of the month, and to the pair (account,
 * group). Memory grows with accounts x months and with the pairs (account, group), never with messages.
 */

import { monthOfDay } from './calendar.ts';

/** What a contribution is: a post that starts a thread, a reply in one, or a reaction to a message. */
export const POST = 0;
export const REPLY = 1;
export const REACTION = 2;
export type ContributionKind = typeof POST | typeof REPLY | typeof REACTION;

/** A private group of at most this many members is a team group (the scenario's teamSize goes up to 30). */
export const TEAM_MAX_MEMBERS = 30;

export interface AccountInput {
  /** The day the account joined the network, when the export says it. */
  joined?: number;
  /** The day it left (deleted or suspended), when the export says it; `true`: it left, the export does not say when. */
  left?: number | true;
  /** Its department, numbered by the reader (the name is not kept). */
  department?: number;
}

export interface GroupInput {
  private: boolean;
  /** Its members, when the export lists them; otherwise its size is the number of its contributors. */
  members?: number;
}

/** Contributions of one month, per account. */
export interface MonthCounts {
  contributions: Uint32Array;
  posts: Uint32Array;
  replies: Uint32Array;
}

const PAIR_GROUPS = 2 ** 21;
const NONE = -1;

export class Network {
  private readonly joined: number[] = [];
  private readonly left: number[] = [];
  private readonly leftUndated: boolean[] = [];
  private readonly department: number[] = [];
  private readonly groupPrivate: boolean[] = [];
  private readonly groupMembers: number[] = [];
  /** Per month, per account. */
  readonly months = new Map<number, MonthCounts>();
  /** Dated items of any kind (skipped ones too) per month: a month of the export's span with none is missing. */
  readonly itemsPerMonth = new Map<number, number>();
  /** (account, group) -> contributions, over the whole export. */
  readonly pairs = new Map<number, number>();
  /** The last day each account was seen contributing (for leavers whose day the export does not give). */
  private lastSeen: Int32Array | null = null;
  firstDay = Infinity;
  lastDay = -Infinity;

  get accountCount(): number {
    return this.joined.length;
  }

  get groupCount(): number {
    return this.groupPrivate.length;
  }

  addAccount(a: AccountInput): number {
    if (this.lastSeen) throw new Error('accounts are added before the first contribution');
    this.joined.push(a.joined ?? NONE);
    this.left.push(typeof a.left === 'number' ? a.left : NONE);
    this.leftUndated.push(a.left === true);
    this.department.push(a.department ?? NONE);
    return this.joined.length - 1;
  }

  addGroup(g: GroupInput): number {
    if (this.groupPrivate.length >= PAIR_GROUPS) throw new RangeError(`more than ${PAIR_GROUPS} groups`);
    this.groupPrivate.push(g.private);
    this.groupMembers.push(g.members ?? NONE);
    return this.groupPrivate.length - 1;
  }

  /** A dated item of the export, kept or skipped: it places the export's span. */
  seen(day: number): void {
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
    const m = monthOfDay(day);
    this.itemsPerMonth.set(m, (this.itemsPerMonth.get(m) ?? 0) + 1);
  }

  private month(m: number): MonthCounts {
    let c = this.months.get(m);
    if (!c) {
      const n = this.joined.length;
      c = { contributions: new Uint32Array(n), posts: new Uint32Array(n), replies: new Uint32Array(n) };
      this.months.set(m, c);
    }
    return c;
  }

  /** One contribution by `account` on `day` in `group`. */
  contribute(account: number, day: number, kind: ContributionKind, group: number): void {
    this.lastSeen ??= new Int32Array(this.joined.length).fill(NONE);
    this.seen(day);
    const c = this.month(monthOfDay(day));
    c.contributions[account]!++;
    if (kind === POST) c.posts[account]!++;
    else if (kind === REPLY) c.replies[account]!++;
    if (day > this.lastSeen[account]!) this.lastSeen[account] = day;
    const key = account * PAIR_GROUPS + group;
    this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
  }

  /** Everything the statistics need, in arrays. */
  freeze(): FrozenNetwork {
    const A = this.joined.length;
    const G = this.groupPrivate.length;
    const contributors = new Uint32Array(G);
    const groupContributions = new Float64Array(G);
    const groupsOf = new Uint32Array(A);
    for (const [key, n] of this.pairs) {
      const g = key % PAIR_GROUPS;
      const a = (key - g) / PAIR_GROUPS;
      contributors[g]!++;
      groupContributions[g]! += n;
      groupsOf[a]!++;
    }
    const size = new Float64Array(G);
    const kind: GroupKindName[] = [];
    for (let g = 0; g < G; g++) {
      size[g] = this.groupMembers[g]! >= 0 ? this.groupMembers[g]! : contributors[g]!;
      kind.push(this.groupPrivate[g] ? (size[g]! <= TEAM_MAX_MEMBERS ? 'team' : 'closed') : 'open');
    }
    const teamContributions = new Float64Array(A);
    const openContributions = new Float64Array(A);
    for (const [key, n] of this.pairs) {
      const g = key % PAIR_GROUPS;
      const a = (key - g) / PAIR_GROUPS;
      if (kind[g] === 'team') teamContributions[a]! += n;
      else if (kind[g] === 'open') openContributions[a]! += n;
    }
    const left = Int32Array.from(this.left);
    const lastSeen = this.lastSeen ?? new Int32Array(A).fill(NONE);
    // A leaver without a date left the day after his last contribution; never seen, before the export.
    for (let a = 0; a < A; a++) {
      if (!this.leftUndated[a]) continue;
      left[a] = lastSeen[a]! >= 0 ? lastSeen[a]! + 1 : Number.isFinite(this.firstDay) ? this.firstDay - 1 : 0;
    }
    return {
      accounts: A,
      joined: Int32Array.from(this.joined),
      left,
      leftDated: this.leftUndated.map((u) => !u),
      department: Int32Array.from(this.department),
      groups: {
        size,
        kind,
        private: [...this.groupPrivate],
        contributors,
        contributions: groupContributions,
        listed: this.groupMembers.map((m) => m >= 0),
      },
      groupsOf,
      teamContributions,
      openContributions,
      months: this.months,
      itemsPerMonth: this.itemsPerMonth,
      firstDay: this.firstDay,
      lastDay: this.lastDay,
    };
  }
}

export type GroupKindName = 'team' | 'open' | 'closed';

export interface FrozenNetwork {
  accounts: number;
  /** Day joined, or -1 when the export does not say. */
  joined: Int32Array;
  /** Day left, or -1 when the account has not left. */
  left: Int32Array;
  /** Whether the export gave the day the account left. */
  leftDated: boolean[];
  department: Int32Array;
  groups: {
    size: Float64Array;
    kind: GroupKindName[];
    private: boolean[];
    contributors: Uint32Array;
    contributions: Float64Array;
    /** Whether the export listed the group's members (else its size is its contributors). */
    listed: boolean[];
  };
  /** Groups each account contributed in. */
  groupsOf: Uint32Array;
  teamContributions: Float64Array;
  openContributions: Float64Array;
  months: ReadonlyMap<number, MonthCounts>;
  itemsPerMonth: ReadonlyMap<number, number>;
  firstDay: number;
  lastDay: number;
}
