/**
 * "Your network", in the "Your organization" form: opens the files `orgsim import` writes. A scenario.json goes
 * to the page's own "Open file…" (checked in the scenario worker, as any scenario file); a statistics.json is
 * shown as a table, the network's figures beside the organization of the run shown. The file is untrusted: its
 * size is capped, its shape checked field by field, and everything from it is shown as text.
 */
import type { Scenario } from '../src/scenario/schema.ts';

const MAX_BYTES = 5_000_000;
/** Working days in a month: the model's clock (src/import/calendar.ts). */
const DAYS_PER_MONTH = 21;

interface Figure {
  value: number | null;
  interval?: [number, number];
  unit: string;
  reason?: string;
}

export interface NetworkStatistics {
  format: string;
  accounts: number;
  departments: number;
  months: number;
  first: string;
  last: string;
  missing: string[];
  groups: { team: number; closed: number; open: number };
  figures: Record<string, Figure>;
}

/** The figures shown, by their name in statistics.json, with their words on screen. */
const SHOWN: [string, string][] = [
  ['monthlyContributors', 'Contribute in a month'],
  ['contributorShare', 'Contribute at least once'],
  ['top10Share', 'Top 10% make'],
  ['gini', 'Gini of contributions'],
  ['teamActivityShare', 'Activity in team groups'],
  ['openActivityShare', 'Activity in open groups'],
  ['multiGroupShare', 'Contributors in 2+ groups'],
];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const MONTH = /^\d{4}-\d{2}$/;

/** statistics.json, checked: the network's figures, or one line saying what is wrong. */
export function parseStatistics(text: string, name: string): NetworkStatistics {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${name}: not valid JSON; expected the statistics.json written by orgsim import`);
  }
  const bad = (what: string) => new Error(`${name}: ${what}; expected the statistics.json written by orgsim import`);
  if (
    !isObject(raw) ||
    !isObject(raw.span) ||
    !isObject(raw.accounts) ||
    !isObject(raw.groups) ||
    !isObject(raw.figures)
  )
    throw bad('no "span", "accounts", "groups" and "figures"');
  const span = raw.span;
  const months = Array.isArray(span.months) ? span.months : [];
  if (!months.length || months.length > 1200 || !months.every((m) => typeof m === 'string' && MONTH.test(m)))
    throw bad('"span.months" is not a list of months (2024-01)');
  if (
    typeof span.first !== 'string' ||
    !MONTH.test(span.first) ||
    typeof span.last !== 'string' ||
    !MONTH.test(span.last)
  )
    throw bad('"span.first" and "span.last" are not months');
  const missing = Array.isArray(span.missing)
    ? span.missing.filter((m): m is string => typeof m === 'string' && MONTH.test(m)).slice(0, 1200)
    : [];
  const accounts = raw.accounts.counted;
  if (!finite(accounts) || accounts < 0) throw bad('"accounts.counted" is not a count');
  const count = (v: unknown) => (finite(v) && v >= 0 ? Math.round(v) : 0);
  const figures: Record<string, Figure> = {};
  for (const [key] of SHOWN) {
    const f = raw.figures[key];
    if (!isObject(f)) continue;
    const value = f.value === null ? null : finite(f.value) ? f.value : undefined;
    if (value === undefined) throw bad(`"figures.${key}.value" is not a number`);
    const interval =
      Array.isArray(f.interval) && f.interval.length === 2 && f.interval.every(finite)
        ? (f.interval as [number, number])
        : undefined;
    figures[key] = {
      value,
      interval,
      unit: typeof f.unit === 'string' ? f.unit.slice(0, 60) : '',
      reason: typeof f.reason === 'string' ? f.reason.slice(0, 200) : undefined,
    };
  }
  return {
    format: raw.format === 'slack' ? 'Slack' : raw.format === 'viva-engage' ? 'Viva Engage' : 'an',
    accounts: Math.round(accounts),
    departments: count(raw.accounts.departments),
    months: months.length,
    first: span.first,
    last: span.last,
    missing,
    groups: { team: count(raw.groups.team), closed: count(raw.groups.closed), open: count(raw.groups.open) },
    figures,
  };
}

const fmt = (f: Figure, x: number) => (f.unit === 'share' ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
const n = (x: number) => x.toLocaleString('en-US');

/** Months of the export's span: first to last full month, missing ones included (the scenario's horizon). */
function spanMonths(s: NetworkStatistics): number {
  const at = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return at(s.last) - at(s.first) + 1;
}

export class NetworkFigures {
  readonly element: HTMLElement;
  private stats: NetworkStatistics | undefined;
  private current: Scenario | undefined;
  private readonly table: HTMLElement;
  private readonly error: HTMLElement;

  constructor() {
    const box = document.createElement('div');
    box.className = 'network';
    const open = document.createElement('label');
    open.className = 'file-button secondary';
    open.textContent = 'Your network… ';
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'network-files';
    input.multiple = true;
    input.accept = '.json,application/json';
    input.setAttribute(
      'aria-label',
      "Open the scenario.json or statistics.json that orgsim import wrote from your network's export",
    );
    open.append(input);
    const hint = document.createElement('small');
    hint.className = 'hint';
    hint.textContent = "Open the scenario.json or statistics.json that orgsim import wrote from your network's export";
    this.error = document.createElement('p');
    this.error.className = 'field-error';
    this.error.id = 'network-error';
    this.error.hidden = true;
    this.table = document.createElement('div');
    this.table.id = 'network-figures';
    box.append(open, ' ', hint, this.error, this.table);
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void this.open(files);
    });
    this.element = box;
  }

  /** The run shown changed: its organization goes beside the network's figures. */
  sync(current: Scenario): void {
    this.current = current;
    this.render();
  }

  private async open(files: File[]): Promise<void> {
    this.error.hidden = true;
    for (const file of files.slice(0, 2)) {
      try {
        if (file.size > MAX_BYTES)
          throw new Error(`${file.name}: ${Math.round(file.size / 1e6)} MB is too large; the limit is 5 MB`);
        const text = await file.text();
        if (/"figures"\s*:/.test(text) && /"span"\s*:/.test(text)) {
          this.stats = parseStatistics(text, file.name);
          this.render();
        } else {
          // A scenario: the page's own "Open file…" checks it in the scenario worker and opens it.
          const page = document.getElementById('file') as HTMLInputElement | null;
          if (!page) throw new Error(`${file.name}: open it with "Open file…"`);
          const dt = new DataTransfer();
          dt.items.add(file);
          page.files = dt.files;
          page.dispatchEvent(new Event('change', { bubbles: true }));
        }
      } catch (e) {
        this.error.textContent = e instanceof Error ? e.message : String(e);
        this.error.hidden = false;
        this.error.setAttribute('role', 'alert');
      }
    }
  }

  private render(): void {
    const s = this.stats;
    this.table.replaceChildren();
    if (!s) return;
    const table = document.createElement('table');
    table.className = 'network-table';
    const caption = document.createElement('caption');
    caption.textContent =
      `Your ${s.format} network: ${n(s.accounts)} accounts, ${s.months} full months (${s.first} to ` +
      `${s.last}${s.missing.length ? `; ${s.missing.length} missing` : ''})`;
    table.append(caption);
    const row = (cells: string[], head = false) => {
      const tr = document.createElement('tr');
      cells.forEach((c, i) => {
        const td = document.createElement(head || i === 0 ? 'th' : 'td');
        if (!head && i === 0) td.setAttribute('scope', 'row');
        td.textContent = c;
        tr.append(td);
      });
      table.append(tr);
    };
    const c = this.current;
    row(['', 'Your network', 'This run'], true);
    row(['People', n(s.accounts), c ? n(c.organization.employees) : '']);
    row(['Horizon', `${spanMonths(s)} months`, c ? `${Math.round((c.ticks / DAYS_PER_MONTH) * 10) / 10} months` : '']);
    // The model's teams and topics (src/model/world.ts: teams = round(employees / team size), one open
    // community per topic before duplicates).
    const o = c?.organization;
    row([
      'Team groups',
      n(s.groups.team),
      o ? n(Math.max(1, Math.min(Math.floor(o.employees / 2), Math.round(o.employees / o.teamSize)))) : '',
    ]);
    row([
      'Open communities',
      n(s.groups.open + s.groups.closed),
      o ? n(Math.round((o.employees * o.topicsPerThousand) / 1000)) : '',
    ]);
    for (const [key, words] of SHOWN) {
      const f = s.figures[key];
      if (!f) continue;
      row([
        words,
        f.value === null
          ? 'not in the export'
          : `${fmt(f, f.value)}${f.interval ? ` (${fmt(f, f.interval[0])}–${fmt(f, f.interval[1])})` : ''}`,
        '—',
      ]);
    }
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent =
      "In brackets: the 95% interval over accounts. —: to see the model's own figures, calibrate it to your " +
      'network (orgsim calibrate targets.json): its report draws them beside these.';
    this.table.append(table, note);
  }
}
