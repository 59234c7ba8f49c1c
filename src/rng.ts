/**
 * Randomness: one master seed per run, named streams derived from it, so that adding draws in one part
 * of the model does not shift the others. seedrandom's Alea generator: fast and of good quality.
 */
import { exp, log, logAt, pow } from './math.ts';
import seedrandom from 'seedrandom';

export type Uniform = () => number;

/**
 * A source of uniform numbers in [0, 1) as an object (rng.ts: Alea): the model's code calls `rand.next()`, one
 * method of one class for every stream of every Simulation, where a function per stream would be a new closure
 * per Simulation (V8 deoptimizes code that called the previous one). `fromUniform` adapts a plain function.
 */
export interface Random {
  next(): number;
}

export function fromUniform(u: Uniform): Random {
  return { next: u };
}

export type StreamName = 'init' | 'roles' | 'decisions' | 'events' | 'staff' | 'value' | 'membership' | 'prompts';

/**
 * Alea (Baagøe), computing exactly what seedrandom's alea computes (its seeding, then the same arithmetic, so the
 * same numbers bit for bit), with its whole state in a Float64Array: a hot loop (decide.ts) reads the state into
 * locals, steps it inline and writes it back, with no call and no object per draw. Every stream of every
 * Simulation is this one class and this one `next` function, so the code that draws never sees a new shape.
 */
export class Alea implements Random {
  /** [s0, s1, s2, c]. */
  readonly state: Float64Array;

  constructor(seed: string) {
    const s = seedrandom.alea(seed, { state: true }).state();
    this.state = Float64Array.of(s.s0, s.s1, s.s2, s.c);
  }

  /** The next number in [0, 1). */
  next(): number {
    return aleaNext(this.state);
  }
}

/** One step of Alea: seedrandom's `t = 2091639 s0 + c 2^-32; s0 = s1; s1 = s2; c = t | 0; s2 = t - c`. */
export function aleaNext(s: Float64Array): number {
  const t = 2091639 * s[0]! + s[3]! * 2.3283064365386963e-10;
  s[0] = s[1]!;
  s[1] = s[2]!;
  const c = t | 0;
  s[3] = c;
  return (s[2] = t - c);
}

export function aleaStream(masterSeed: number, name: StreamName): Alea {
  return new Alea(`orgsim:${masterSeed}:${name}`);
}

/** A named stream as a plain function. */
export function stream(masterSeed: number, name: StreamName): Uniform {
  const alea = aleaStream(masterSeed, name);
  return () => alea.next();
}

/** The seed of replication `index` in an ensemble: fixed before any worker starts. */
export function replicationSeed(masterSeed: number, index: number): number {
  const r = seedrandom.alea(`orgsim:ensemble:${masterSeed}:${index}`);
  return Math.floor(r() * 2 ** 31);
}

export function seedList(masterSeed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, i) => replicationSeed(masterSeed, i));
}

/**
 * Standard normal by Marsaglia's polar method (one value per call; the second is dropped to keep streams
 * simple). No trigonometry: log and sqrt only, so the same bits on every engine.
 */
export function normal(rand: Random): number {
  for (;;) {
    const a = 2 * rand.next() - 1;
    const b = 2 * rand.next() - 1;
    const s = a * a + b * b;
    if (s > 0 && s < 1) return a * Math.sqrt((-2 * log(s)) / s);
  }
}

function gamma(shape: number, rand: Random): number {
  // Marsaglia and Tsang; shape < 1 by boosting.
  if (shape < 1) return gamma(shape + 1, rand) * pow(rand.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

// V8 compiles gamma for the shapes it has seen: whole numbers only (a scenario's Beta parameters often are) and a
// fractional one later deoptimizes it, in the next Simulation's world building. Show it both kinds now (a
// stream of its own: no other stream moves).
{
  const warm = new Alea('orgsim:warm-gamma');
  for (let k = 0; k < 16; k++) gamma(k % 2 ? 0.5 + k / 4 : 1 + (k >> 1), warm);
}

export function betaDraw(a: number, b: number, rand: Random): number {
  const x = gamma(a, rand);
  const y = gamma(b, rand);
  return x / (x + y);
}

/** Binomial(n, p): exact for small n or small n*p (geometric skips), normal approximation when n*p*(1-p) is large. */
export function binomial(n: number, p: number, rand: Random): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Drawn for q = min(p, 1 - p) (the count of the rarer outcome), by one of three paths. binomial itself is
  // short, so that V8 inlines it where it is hot; the paths read q from BINOMIAL and take their logarithms in it
  // (a double passed to or returned from a call that is not inlined is a new heap object: garbage every tick).
  BINOMIAL[0] = p > 0.5 ? 1 - p : p;
  const k =
    n <= 24 ? binomialByCount(n, rand) : n * BINOMIAL[0]! < 20 ? binomialByWaits(n, rand) : binomialByNormal(n, rand);
  return p > 0.5 ? n - k : k;
}

/** binomial's paths: [0] the probability q, [1] and [2] logarithms taken in place (math.ts: logAt). */
const BINOMIAL = new Float64Array(3);

/** One draw per trial. */
function binomialByCount(n: number, rand: Random): number {
  const p = BINOMIAL[0]!;
  let k = 0;
  for (let i = 0; i < n; i++) if (rand.next() < p) k++;
  return k;
}

/** Counting geometric waiting times: about n p + 1 draws. */
function binomialByWaits(n: number, rand: Random): number {
  BINOMIAL[1] = 1 - BINOMIAL[0]!;
  logAt(BINOMIAL, 1);
  const logq = BINOMIAL[1]!;
  let k = 0;
  let pos = 0;
  for (;;) {
    let u = rand.next();
    while (u <= 0) u = rand.next();
    BINOMIAL[2] = u;
    logAt(BINOMIAL, 2);
    pos += Math.floor(BINOMIAL[2]! / logq) + 1;
    if (pos > n) return k;
    k++;
  }
}

/** The normal approximation, for n p (1 - p) large. */
function binomialByNormal(n: number, rand: Random): number {
  const p = BINOMIAL[0]!;
  const mean = n * p;
  const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rand));
  return x < 0 ? 0 : x > n ? n : x;
}

export function poisson(mean: number, rand: Random): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const x = Math.round(mean + Math.sqrt(mean) * normal(rand));
    return x < 0 ? 0 : x;
  }
  const l = exp(-mean);
  let k = 0;
  let p = rand.next();
  while (p > l) {
    k++;
    p *= rand.next();
  }
  return k;
}
