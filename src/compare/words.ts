/**
 * Results of a comparison in plain words, for a reader who is not a statistician: scenario names rather than
 * letters, ratios with the absolute figures ("2.1× the long-term value of “no governance”: 68k vs 33k hours"),
 * percentage points for shares, one line per scenario with its rank, the trade-off when outcomes disagree,
 * and "provisional" until every run is in. Sentences never conjugate a verb on a scenario's name (a name may
 * be singular, plural or a whole clause): names are quoted and stand before a colon or after a preposition.
 * Pure: numbers in, text out (the page and its tests share it).
 */
import type { Format } from './metrics.ts';
import type { Contrast } from './summary.ts';

/** How a measure is named in a sentence. */
export interface Noun {
  /** "long-term value", "mid-term activity", "value in team groups". */
  noun: string;
  format: Format;
  /** What its numbers count, after a number: "hours", "hours of value per hour of cost". */
  unit?: string;
}

/** A scenario's name as it appears inside a sentence. */
export const quote = (name: string) => `“${name}”`;

/** A number for people: 68k, 1.2M, 940, 3.4, 0.052. */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return `${trim((x / 1e6).toFixed(a >= 1e7 ? 0 : 1))}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${trim((x / 1e3).toFixed(1))}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return trim(x.toFixed(1));
  if (a >= 1) return trim(x.toFixed(2));
  if (a === 0) return '0';
  return trim(x.toPrecision(2));
}
const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** A value with its unit: "68k hours", "61.2%", "1.59". */
export function amount(x: number, n: Noun): string {
  if (n.format === 'share') return `${(x * 100).toFixed(1)}%`;
  return n.unit ? `${compact(x)} ${n.unit}` : compact(x);
}

const minus = (s: string) => s.replace(/^-/, '−');
/**
 * A signed figure with `digits` decimals, or more when those would round a non-zero figure to 0: a range
 * never ends in "+0.0" (which says neither its sign nor its size).
 */
function signed(x: number, digits: number): string {
  let d = digits;
  while (d < 4 && x !== 0 && Number(x.toFixed(d)) === 0) d++;
  const text = Number(x.toFixed(d)) === 0 ? (0).toFixed(digits) : x.toFixed(d);
  return minus(`${x > 0 && Number(text) !== 0 ? '+' : ''}${text}`);
}
const signedPoints = (d: number) => signed(d * 100, 1);
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;

/**
 * The size of a difference in one short label, the same in a verdict, on a chart and in a status line:
 * "2.1×", "+18%", "−23%" for amounts; "+8.6 points" for shares; the difference itself when the reference is 0.
 */
export function effectLabel(other: number, reference: number, format: Format): string {
  if (format === 'share') return `${signedPoints(other - reference)} points`;
  if (!(reference > 0) || !(other >= 0))
    return minus(`${other - reference >= 0 ? '+' : ''}${compact(other - reference)}`);
  const r = other / reference;
  if (r >= 1.5) return `${trim(r.toFixed(r >= 10 ? 0 : 1))}×`;
  return minus(`${r >= 1 ? '+' : '-'}${pct(r - 1)}`);
}

/**
 * The 95% interval of a difference in words, in the notation of its effectLabel: "from −3% to +7%",
 * "from −1.2 to +3.4 points", "from 2.0× to 2.6×" (a ratio's range as ratios, never "2.3× (from +100% to +155%)").
 */
export function rangeWords(c: Contrast, format: Format): string {
  if (format === 'share') return `from ${signedPoints(c.lo)} to ${signedPoints(c.hi)} points`;
  if (c.relative && effectLabel(c.other, c.reference, format).endsWith('×')) {
    const times = (r: number) => `${trim((1 + r).toFixed(1 + r >= 10 ? 0 : 1))}×`;
    return `from ${times(c.relative.lo)} to ${times(c.relative.hi)}`;
  }
  if (c.relative) return `from ${signed(c.relative.lo * 100, 0)}% to ${signed(c.relative.hi * 100, 0)}%`;
  return `from ${minus(compact(c.lo))} to ${minus(compact(c.hi))}`;
}

/**
 * One scenario against the reference on one measure, as a sentence that starts with the scenario's name:
 *   “B”: 2.1× the long-term value of “A” (68k vs 33k hours)
 *   “B”: 23% less value in team groups than “A” (1.2k vs 1.6k hours)
 *   “B”: mid-term activity 61.2%, against 52.6% for “A” (+8.6 points)
 *   No clear difference in long-term value between “B” and “A” (41k vs 40k hours; the difference could be anywhere from
 *   −3% to +7%)
 */
export function contrastSentence(other: string, reference: string, n: Noun, c: Contrast): string {
  const o = c.other;
  const r = c.reference;
  if (!c.clear) {
    return (
      `No clear difference in ${n.noun} between ${quote(other)} and ${quote(reference)} (${pair(o, r, n)}; the ` +
      `difference could be anywhere ${rangeWords(c, n.format)})`
    );
  }
  return `${quote(other)}: ${contrastClause(reference, n, o, r)}`;
}

/** Two values side by side: "68k vs 33k hours", "61.2% vs 59.5%". */
function pair(o: number, r: number, n: Noun): string {
  if (n.format === 'share') return `${amount(o, n)} vs ${amount(r, n)}`;
  return `${compact(o)} vs ${compact(r)}${n.unit ? ` ${n.unit}` : ''}`;
}

/** The part after the name: "2.1× the long-term value of “A” (68k vs 33k hours)". */
function contrastClause(reference: string, n: Noun, o: number, r: number): string {
  if (n.format === 'share')
    return `${n.noun} ${amount(o, n)}, against ${amount(r, n)} for ${quote(reference)} (${effectLabel(o, r, 'share')})`;
  const both = `(${pair(o, r, n)})`;
  if (!(r > 0) || !(o >= 0)) return `${n.noun} ${amount(o, n)}, against ${amount(r, n)} for ${quote(reference)}`;
  const ratio = o / r;
  if (ratio >= 1.5) return `${effectLabel(o, r, n.format)} the ${n.noun} of ${quote(reference)} ${both}`;
  return `${pct(ratio - 1)} ${ratio >= 1 ? 'more' : 'less'} ${n.noun} than ${quote(reference)} ${both}`;
}

/** One scenario's results for the ranking, per outcome (same keys in every scenario). */
export interface Ranked {
  name: string;
  /** Mean of each outcome over the finished runs. */
  means: Record<string, number>;
  /** Against the reference, per outcome (absent for the reference, or below 2 runs). */
  contrasts: Record<string, Contrast | undefined>;
}

export interface RankingOptions {
  /**
   * The outcomes in order of importance: the first ranks the scenarios. Higher is better for each. `best`
   * names the top of it: "the most long-term value", "the highest mid-term activity".
   */
  outcomes: readonly { key: string; noun: Noun; best: string }[];
  /** Runs finished and planned: below the plan, every line says "provisional". */
  done: number;
  total: number;
}

const ordinal = (k: number) => `${k}${k === 1 ? 'st' : k === 2 ? 'nd' : k === 3 ? 'rd' : 'th'}`;

/**
 * One line per scenario, best first on the first outcome, each with its rank on every outcome and, for the
 * others than the reference (the first given), its differences to the reference; then the trade-off, when
 * the best scenario is not the same on every outcome. Prefixed "Provisional (n of N runs)" until all are in.
 */
export function rankingLines(
  arms: readonly Ranked[],
  opts: RankingOptions,
): { lines: string[]; tradeOff?: string; provisional: boolean } {
  const provisional = opts.done < opts.total;
  if (!arms.length) return { lines: [], provisional };
  const rankOf = (key: string) => {
    const order = arms
      .map((a, i) => ({ a, i }))
      .sort((x, y) => (y.a.means[key] ?? -Infinity) - (x.a.means[key] ?? -Infinity));
    const rank = new Map<number, number>();
    order.forEach((o, k) => rank.set(o.i, k + 1));
    return { rank, top: order[0]!.i };
  };
  const ranks = opts.outcomes.map((o) => ({ ...o, ...rankOf(o.key) }));
  const first = ranks[0]!;
  const order = [...arms.keys()].sort((x, y) => first.rank.get(x)! - first.rank.get(y)!);
  const lines = order.map((i) => {
    const a = arms[i]!;
    const parts = ranks.map((o) => {
      const m = a.means[o.key]!;
      const c = a.contrasts[o.key];
      const place = arms.length > 1 ? `${ordinal(o.rank.get(i)!)} on ${o.noun.noun}` : o.noun.noun;
      if (i === 0 || !c) return `${place}: ${amount(m, o.noun)}`;
      // Against what, in words: a bare "(2.1×)" leaves the reader to guess.
      const versus = c.clear
        ? `${effectLabel(c.other, c.reference, o.noun.format)} against the reference`
        : 'no clear difference from the reference';
      return `${place}: ${amount(m, o.noun)} (${versus})`;
    });
    return `${quote(a.name)}${i === 0 ? ' (reference)' : ''}: ${parts.join('; ')}.`;
  });
  // "the most long-term value comes with “A”, but the best value per cost with “B”": no verb on a name.
  const winners = ranks.map((o) => o.top);
  let tradeOff: string | undefined;
  const others = ranks.filter((o) => o.top !== winners[0]);
  if (arms.length > 1 && others.length) {
    tradeOff =
      `Trade-off: ${first.best} comes with ${quote(arms[first.top]!.name)}, but ` +
      `${others.map((o) => `${o.best} with ${quote(arms[o.top]!.name)}`).join(' and ')}.`;
  }
  const prefix = provisional ? `Provisional (${opts.done} of ${opts.total} runs): ` : '';
  return { lines: lines.map((l) => prefix + l), tradeOff: tradeOff && prefix + tradeOff, provisional };
}

/**
 * Value per cost below 1 means the roles cost more hours than they save: said in words for the scenarios
 * concerned, since "0.31 hours per hour" alone does not say it. Undefined when every scenario returns more.
 */
export function costWords(arms: readonly { name: string; valuePerCost: number }[]): string | undefined {
  const below = arms.filter((a) => a.valuePerCost < 1);
  if (!below.length) return undefined;
  const list = below.map((a) => `${quote(a.name)} (${compact(a.valuePerCost)})`).join(', ');
  return `Below 1 hour of value per hour of cost, the roles cost more than they return: ${list}.`;
}
