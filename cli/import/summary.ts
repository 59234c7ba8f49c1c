/** The one-screen summary of an import: what was read, what was left out and why, the figures, what next. */
import { shorten } from '../../src/scenario/errors.ts';
import type { Figure } from '../../src/import/statistics.ts';
import type { ImportResult } from './command.ts';

const n = (x: number) => x.toLocaleString('en-US');
const FORMAT_NAME = { 'viva-engage': 'Viva Engage network data export', slack: 'Slack workspace export' } as const;

function shown(f: Figure): string {
  const pct = f.unit === 'share';
  const fmt = (x: number) => (pct ? `${(x * 100).toFixed(1)}%` : x >= 100 ? n(Math.round(x)) : x.toFixed(2));
  return `${fmt(f.value)}  [${fmt(f.interval[0])}, ${fmt(f.interval[1])}]`;
}

/** The figures shown, by their name in statistics.json, with their words on screen. */
const SHOWN: [string, string][] = [
  ['monthlyContributors', 'accounts who contribute in a month'],
  ['contributorShare', 'accounts who contribute at least once'],
  ['contributionsPerContributor', 'contributions per contributor a month'],
  ['top10Share', 'share of the top 10% of accounts'],
  ['gini', 'Gini of contributions'],
  ['repliesPerThread', 'replies per thread'],
  ['teamActivityShare', 'activity in team groups'],
  ['openActivityShare', 'activity in open groups'],
  ['multiGroupShare', 'contributors in more than one group'],
];

export function summary(r: ImportResult, written: readonly string[], out: string): string {
  const s = r.statistics;
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(9)} ${text}`);
  lines.push(`orgsim import: ${FORMAT_NAME[r.format]} ${r.source}`);
  row('read', r.report.files.map((f) => `${f.file} (${n(f.rows)})`).join(', '));
  row(
    'kept',
    `${n(r.report.contributions)} contributions of ${n(s.accounts.counted)} accounts in ` +
      `${n(s.groups.team + s.groups.closed + s.groups.open)} groups (${n(s.groups.team)} teams, ` +
      `${n(s.groups.closed)} closed, ${n(s.groups.open)} open)`,
  );
  row(
    'months',
    `${s.span.months.length} full months, ${s.span.first} to ` +
      `${s.span.last}` +
      `${s.span.missing.length ? `; missing (no message at all, left out): ${s.span.missing.join(', ')}` : ''}`,
  );
  if (r.report.accountsLeft)
    row('left', `${n(r.report.accountsLeft)} accounts deleted or suspended: counted until they left`);
  const skipped = [...r.report.skipped.entries()].sort((a, b) => b[1] - a[1]);
  skipped.forEach(([why, count], i) => row(i === 0 ? 'skipped' : '', `${n(count)} ${why}`));
  r.report.notes.slice(0, 5).forEach((t, i) => row(i === 0 ? 'note' : '', shorten(t, 110)));
  if (r.report.notes.length > 5) row('', `and ${r.report.notes.length - 5} more notes`);
  const width = Math.max(...SHOWN.map(([, w]) => w.length));
  let first = true;
  for (const [key, words] of SHOWN) {
    const f = s.figures[key];
    if (!f) continue;
    row(
      first ? 'figures' : '',
      `${words.padEnd(width)}  ${f.value === null ? `not in this export (${f.reason})` : shown(f)}`,
    );
    first = false;
  }
  row('', `[95% bootstrap interval over accounts, ${s.bootstrap.replicates} replicates]`);
  row('wrote', written.join(', '));
  row('next', `orgsim calibrate ${out.replace(/\/$/, '')}/targets.json --out ${out.replace(/\/$/, '')}/calibration`);
  return lines.join('\n');
}
