/**
 * Drawing the compare view from its state: the progress, the table and verdicts, the charts. Called one piece
 * per animation frame by the view (view.ts: frame); each brings the page up to the state, changing only what
 * differs.
 */
import { GROUP_KIND_LABELS, metricById } from '../../src/compare/metrics.ts';
import { amount, effectLabel, rangeWords } from '../../src/compare/words.ts';
import { outcomeMeanings, outcomeNouns } from '../../src/compare/kind.ts';
import { DASHES, type BandChart } from '../charts/band-chart.ts';
import { LINE_COLOURS } from '../palette.ts';
import { bandOf, CHARTS, summary, verdicts, type ViewState } from './state.ts';
import { RUN_TO_RUN } from './model-figure.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Chart c of the view (CHARTS): each scenario's mean line and bands in the chosen group kind. */
export function drawChart(s: ViewState, charts: readonly BandChart[], c: number, horizonNow: number): void {
  const chart = CHARTS[c]!;
  const metric = metricById(`${chart.metric}:${s.kind}`);
  const horizon = s.arms[0]?.scenario.ticks ?? horizonNow;
  charts[c]!.update(
    s.arms.map((a, i) => ({
      label: a.name,
      colour: LINE_COLOURS[i]!,
      dash: DASHES[i] ?? '',
      band: bandOf(s, i, metric.id),
    })),
    horizon,
    metric.unit,
    metric.format,
  );
  // Value has no field measure: its charts say it is a model figure, as the label by the table does.
  const model = chart.metric === 'participation' ? '' : ' A model figure.';
  charts[c]!.frame.setCaption(
    `${cap(metric.label)}; ${GROUP_KIND_LABELS[s.kind]}. Lines: mean over the finished runs; bands: 90% and ` +
      `95% confidence intervals of the mean.${model}`,
  );
}

/** The progress bar and count; before any comparison, the line saying what to do instead of empty results. */
export function drawProgress(s: ViewState): void {
  // Before any comparison there is nothing to read: no empty table, charts or axes, one line saying what to do.
  const empty = !s.arms.length;
  document.querySelector<HTMLElement>('#compare-view .compare-results')!.hidden = empty;
  $('compare-empty').hidden = !empty;
  const p = $<HTMLProgressElement>('compare-progress');
  p.max = Math.max(1, s.total);
  p.value = s.done;
  const secs = (s.elapsedMs / 1000).toFixed(1);
  $('compare-count').textContent = s.total
    ? `${s.done} of ${s.total} runs · ${s.workers} worker${s.workers > 1 ? 's' : ''} · ${secs} s`
    : '';
}

/** The table, the verdicts, what the outcomes mean, and the label of the value figures. */
export function drawTable(s: ViewState): void {
  const sum = summary(s);
  const nouns = outcomeNouns(s.kind);
  const ref = sum[0]?.name ?? 'the first';
  const head: Cell[] = [
    { text: 'Scenario' },
    { text: 'Runs' },
    ...nouns.flatMap((o) => [
      { text: cap(o.noun.noun) + (o.noun.unit ? ` (${o.noun.unit})` : '') },
      { text: `against “${ref}”` },
    ]),
  ];
  const rows: Cell[][] = sum.map((arm, a) => [
    { text: arm.name, header: true },
    { text: String(arm.n) },
    ...nouns.flatMap((o): Cell[] => {
      const ci = arm.intervals[o.key]!;
      const c = arm.contrasts[o.key];
      const plain = { ...o.noun, unit: undefined };
      return [
        {
          text:
            arm.n === 0
              ? '…'
              : arm.n < 2
                ? amount(ci.mean, plain)
                : `${amount(ci.mean, plain)} [${amount(ci.lo, plain)}, ${amount(ci.hi, plain)}]`,
        },
        {
          text:
            a === 0
              ? 'reference'
              : c
                ? `${c.clear ? effectLabel(c.other, c.reference, o.noun.format) : 'no clear difference'} ` +
                  `(${rangeWords(c, o.noun.format)})`
                : '',
          cls: c ? (c.clear ? (c.diff > 0 ? 'up' : 'down') : 'unclear') : '',
        },
      ];
    }),
  ]);
  const table = $('compare-table');
  syncRows(table.querySelector('thead')!, [head], 'col');
  syncRows(table.querySelector('tbody')!, rows, 'row');
  syncList($('compare-verdicts'), verdicts(s, sum));
  const ticks = s.arms[0]?.scenario.ticks ?? 500;
  syncList($('compare-meanings'), outcomeMeanings(s.kind, ticks));
  const runs = Math.max(0, ...sum.map((x) => x.n));
  $('compare-runs-said').textContent = String(runs || 'N');
  const figure = s.figure ?? RUN_TO_RUN;
  const label = $('compare-model-figure');
  if (label.textContent !== figure.text) label.textContent = figure.text;
}

interface Cell {
  text: string;
  cls?: string;
  header?: boolean;
}

/**
 * Bring a table section to these rows, changing only what differs: while runs stream in, the table keeps
 * its shape and only numbers change, so the browser has little to lay out again.
 */
function syncRows(section: HTMLTableSectionElement, rows: Cell[][], scope: 'col' | 'row'): void {
  while (section.rows.length > rows.length) section.deleteRow(-1);
  rows.forEach((cells, r) => {
    let tr = section.rows[r];
    if (!tr || tr.cells.length !== cells.length) {
      const fresh = document.createElement('tr');
      for (const c of cells) {
        const e = document.createElement(scope === 'col' || c.header ? 'th' : 'td');
        if (e instanceof HTMLTableCellElement && e.tagName === 'TH') e.scope = scope;
        fresh.append(e);
      }
      if (tr) tr.replaceWith(fresh);
      else section.append(fresh);
      tr = fresh;
    }
    cells.forEach((c, k) => {
      const e = tr!.cells[k]!;
      if (e.textContent !== c.text) e.textContent = c.text;
      if (e.className !== (c.cls ?? '')) e.className = c.cls ?? '';
    });
  });
}

/** The same for a list of sentences. */
function syncList(list: HTMLElement, items: string[]): void {
  while (list.children.length > items.length) list.lastElementChild!.remove();
  items.forEach((text, i) => {
    const li = list.children[i] ?? list.appendChild(document.createElement('li'));
    if (li.textContent !== text) li.textContent = text;
  });
}
