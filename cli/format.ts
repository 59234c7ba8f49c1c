/** Numbers and tables for a terminal: what a person reads (files get full precision, see output.ts). */
import type { Outcomes } from '../src/metrics/outcomes.ts';
import { OUTCOME_LABELS } from '../src/metrics/outcomes.ts';
import { readable, share } from '../src/format.ts';

export { count, readable, signed, percent, pValue } from '../src/format.ts';

/** An outcome value in its unit: activity as a percentage, the others as numbers. */
export function outcomeValue(key: keyof Outcomes, x: number): string {
  return key === 'midActivity' ? share(x) : readable(x);
}

/** The short name of an outcome ("long-term value" from "long-term value (hours)"). */
export function outcomeName(key: keyof Outcomes): string {
  return OUTCOME_LABELS[key].replace(/\s*\(.*\)$/, '');
}

/** Columns padded to their widest cell; 'r' columns right-aligned (numbers). */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Text from a file, safe to print on a terminal: control characters (escape sequences) shown as \uXXXX. */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
