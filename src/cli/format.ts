/** Numbers and tables for a terminal: what a person reads (files get full precision, see output.ts). */
import type { Outcomes } from '../metrics/outcomes.ts';
import { OUTCOME_LABELS } from '../metrics/outcomes.ts';

/** Thousands separators without locale surprises (output must not depend on the machine's locale). */
function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count of people, grouped: 2,000,000. */
export function count(n: number): string {
  return group(String(Math.round(n)));
}

/** A readable number: grouped integers when large, about 3 significant digits when small. */
export function readable(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return group(x.toFixed(0));
  if (a >= 100) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(3);
}

/** An outcome value in its unit: activity as a percentage, the others as numbers. */
export function outcomeValue(key: keyof Outcomes, x: number): string {
  return key === 'midActivity' ? `${(x * 100).toFixed(1)}%` : readable(x);
}

/** The short name of an outcome ("long-term value" from "long-term value (hours)"). */
export function outcomeName(key: keyof Outcomes): string {
  return OUTCOME_LABELS[key].replace(/\s*\(.*\)$/, '');
}

export function signed(text: string): string {
  return text.startsWith('-') ? text : `+${text}`;
}

export function percent(x: number): string {
  return signed(`${(x * 100).toFixed(1)}%`);
}

/** Two-sided p-value, with as many digits as it needs to be read. */
export function pValue(p: number): string {
  if (Number.isNaN(p)) return 'p = n/a';
  if (p < 0.0001) return 'p < 0.0001';
  if (p < 0.001) return `p = ${p.toFixed(4)}`;
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  if (p >= 0.995) return 'p = 1';
  return `p = ${p.toFixed(2)}`;
}

/** Columns padded to their widest cell; 'r' columns right-aligned (numbers). */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
