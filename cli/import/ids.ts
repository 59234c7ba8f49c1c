/**
 * Ids hashed on reading: an export's ids (users, groups, messages) are never kept. Each is turned into a
 * 53-bit number by a hash keyed with random bits drawn anew for each import, and only that number is looked
 * up; the numbers never leave the process (the outputs hold counts, not ids). The hash is fast (10 million
 * messages have 20 million ids) rather than cryptographic: it keeps the ids out of memory and out of every
 * file, it is not a pseudonym to publish.
 */
import { randomBytes } from 'node:crypto';

export class IdHasher {
  private readonly k1: number;
  private readonly k2: number;

  constructor(key: Buffer = randomBytes(8)) {
    this.k1 = key.readUInt32LE(0);
    this.k2 = key.readUInt32LE(4);
  }

  /** cyrb53 (public domain), keyed: two 32-bit lanes mixed into 53 bits. */
  hash(text: string): number {
    let h1 = 0xdeadbeef ^ this.k1;
    let h2 = 0x41c6ce57 ^ this.k2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** Hashed id -> a number of the network (an account, a group), or a mark saying why it is left out. */
export class IdTable<Mark extends string = string> {
  private readonly map = new Map<number, number | Mark>();
  constructor(private readonly hasher: IdHasher) {}

  set(id: string, value: number | Mark): void {
    this.map.set(this.hasher.hash(id), value);
  }

  get(id: string): number | Mark | undefined {
    return this.map.get(this.hasher.hash(id));
  }

  has(id: string): boolean {
    return this.map.has(this.hasher.hash(id));
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * The ids met so far, as their 53-bit hashes in an open-addressing table (8 bytes a slot, at most 70% full):
 * a message id seen twice is a previous version of an edited message. Two different ids are taken for one
 * only if their hashes agree: with 10 million ids, about once in 200 imports.
 */
export class SeenIds {
  private slots = new Float64Array(1 << 16);
  private count = 0;
  constructor(private readonly hasher: IdHasher) {}

  private static slot(h: number, mask: number): number {
    return (Math.imul(h >>> 0, 0x9e3779b1) ^ Math.floor(h / 4294967296)) & mask;
  }

  /** Adds `id`; false when it was there already. */
  add(id: string): boolean {
    const h = this.hasher.hash(id) + 1; // never 0 (an empty slot)
    const mask = this.slots.length - 1;
    let i = SeenIds.slot(h, mask);
    for (;;) {
      const s = this.slots[i]!;
      if (s === 0) break;
      if (s === h) return false;
      i = (i + 1) & mask;
    }
    this.slots[i] = h;
    if (++this.count > this.slots.length * 0.7) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const h of old) {
      if (h === 0) continue;
      let i = SeenIds.slot(h, mask);
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = h;
    }
  }
}
