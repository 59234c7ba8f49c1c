/**
 * The synthetic network's pieces (scripts/synthetic-export.ts): the options, accounts, groups and messages
 * the writers share, and the small helpers of randomness, months and time zones.
 */

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

export const DAY = 86_400_000;
export const FIRST = [
  'Ada',
  'Bram',
  'Chloé',
  'Dmitri',
  'Esther',
  'Farid',
  'Gaia',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
];
export const LAST = [
  'Quill',
  'Rasmussen',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Varga',
  'Whitlock',
  'Zubiri',
  'Halloran',
];
export const DEPARTMENTS = ['Finance', 'Research', 'Sales', 'Legal', 'Operations', 'Human Resources'];
export const ZONES = [0, 330, -480, 540, -180, 60, -300];

export interface Account {
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

export interface Group {
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

export interface Message {
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

export const poisson = (random: () => number, mean: number) => {
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
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

export const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);
export const label = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** "2024-03-01T10:30:00+05:30": an instant written in its author's time zone. */
export function localIso(ms: number, zoneMinutes: number): string {
  const local = new Date(ms + zoneMinutes * 60_000).toISOString().slice(0, 19);
  if (zoneMinutes === 0) return `${local}Z`;
  const sign = zoneMinutes < 0 ? '-' : '+';
  const a = Math.abs(zoneMinutes);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** What counts in the figures: a post, a reply or a reaction, by whom, when and where. */
export interface Kept {
  author: number;
  t: number;
  kind: 'post' | 'reply' | 'reaction';
  group: number;
}

/** Runs the writer's function on each month's messages in turn (the missing month left out). */
export type Each = (onMonth: (ms: Message[]) => Promise<void>) => Promise<void>;
