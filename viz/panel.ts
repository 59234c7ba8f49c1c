/**
 * The researcher's parameters panel, generated from the scenario schema (the parameter list is read from it
 * at build time): grouped by section, searchable by name, path, description or seed words, each parameter
 * with a readable label and its path, its default, a "changed" mark and a reset to the default, a badge
 * saying whether it acts live or needs a reset, an importance badge from the shipped sensitivity screening
 * (viz/importance.json, `npm run importance`), a slider when its range is bounded, and a popover (copyable,
 * usable by touch) with unit, range, source, seed sentence and a link to its section of the model description.
 */
import type { ParamInfo } from '../src/scenario/paths.ts';
import { getPath } from '../src/scenario/access.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { PARAMETERS } from 'virtual:orgsim-shipped';
import { IMPORTANCE, buildPopover, importanceWords, readableLabel, show } from './param-popover.ts';

export { readableLabel };

/** `day0`: the change is a day-0 setting (applied at the next reset), even for a parameter that could act live. */
export type OnChange = (param: ParamInfo, value: number | boolean | string, day0: boolean) => void;

/** Section titles; a section the schema adds later is shown under its own name. */
const SECTIONS: Record<string, string> = {
  run: 'Run',
  organization: 'Organization',
  communities: 'Communities',
  external: 'External community',
  members: 'Members (what each employee is like)',
  behaviour: 'Behaviour (what drives taking part)',
  cm: 'Community manager (CM)',
  smm: 'Social media managers (SMMs)',
  managers: 'Managers',
  owners: 'Community owners',
  policies: 'Policies',
  governance: 'Governance',
  legitimacy: 'Legitimacy',
  value: 'Value',
};
const OPEN = new Set(['cm', 'smm', 'policies']);

const sectionOf = (p: ParamInfo) => (p.path.includes('.') ? p.path.split('.')[0]! : 'run');

interface Row {
  p: ParamInfo;
  row: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  slider?: HTMLInputElement;
  changed: HTMLElement;
  reset: HTMLButtonElement;
  haystack: string;
}

export interface Panel {
  /** Show a scenario's values. */
  sync(scenario: Scenario): void;
}

export function buildPanel(root: HTMLElement, onChange: OnChange): Panel {
  root.replaceChildren();
  const rows: Row[] = [];
  let current: Scenario | undefined;

  // Search and filter.
  const tools = document.createElement('div');
  tools.className = 'panel-tools';
  const search = document.createElement('input');
  search.type = 'search';
  search.id = 'param-search';
  search.placeholder = 'Search: name, path, description, seed words';
  search.setAttribute('aria-label', 'Search the parameters by name, path, description or seed sentence');
  const onlyChanged = document.createElement('label');
  onlyChanged.className = 'only-changed';
  const onlyBox = document.createElement('input');
  onlyBox.type = 'checkbox';
  onlyBox.id = 'param-only-changed';
  onlyChanged.append(onlyBox, ' only changed from default');
  const count = document.createElement('span');
  count.id = 'param-count';
  count.className = 'param-count';
  count.setAttribute('aria-live', 'polite');
  // Live parameters can change now (an intervention of this run) or from day 0 (a setting, kept by Reset).
  const when = document.createElement('label');
  when.className = 'apply-when';
  const whenSelect = document.createElement('select');
  whenSelect.id = 'param-when';
  whenSelect.add(new Option('now, in this run (live)', 'now'));
  whenSelect.add(new Option('from day 0 (at the next reset)', 'day0'));
  when.append('Changes apply ', whenSelect);
  tools.append(search, onlyChanged, count, when);
  const emit: OnChange = (p, v) => onChange(p, v, !p.live || whenSelect.value === 'day0');
  root.append(tools);

  const popover = buildPopover();
  root.append(popover.element);

  const groups = new Map<string, { details: HTMLDetailsElement; rows: Row[] }>();
  const bySection = new Map<string, ParamInfo[]>();
  for (const p of PARAMETERS) bySection.set(sectionOf(p), [...(bySection.get(sectionOf(p)) ?? []), p]);
  /**
   * One section's rows. The page's start-up builds them one section per task, after the page has started:
   * built at once, the ~100 rows and their first layout made the start-up's longest task.
   */
  const buildSection = (section: string, params: ParamInfo[]) => {
    const details = document.createElement('details');
    details.className = 'param-group';
    details.open = OPEN.has(section);
    const summary = document.createElement('summary');
    summary.textContent = SECTIONS[section] ?? readableLabel(section);
    details.append(summary);
    const group = { details, rows: [] as Row[] };
    groups.set(section, group);
    for (const p of params) {
      const r = buildRow(p, emit, () => popover.open(p, r.input, current));
      if (current) syncRow(r, current);
      details.append(r.row);
      group.rows.push(r);
      rows.push(r);
    }
    root.append(details);
  };
  const pending = [...bySection];
  /** Builds what is left now (a search, or a test, cannot wait). */
  const buildAll = () => {
    for (const [section, params] of pending.splice(0)) buildSection(section, params);
  };
  // When the main thread is idle (the page's first frames come first), within a second at most.
  const later = (f: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 16);
  const buildNext = () => {
    const next = pending.shift();
    if (next) {
      buildSection(...next);
      if (pending.length) later(buildNext);
      else filter();
    }
  };
  later(buildNext);

  const filter = () => {
    buildAll();
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const [, g] of groups) {
      let any = false;
      for (const r of g.rows) {
        const hit = words.every((w) => r.haystack.includes(w)) && (!onlyBox.checked || !r.changed.hidden);
        r.row.hidden = !hit;
        if (hit) {
          any = true;
          shown++;
        }
      }
      g.details.hidden = !any;
      // A search opens the groups it finds something in.
      if (words.length || onlyBox.checked) g.details.open = any;
    }
    count.textContent =
      words.length || onlyBox.checked ? `${shown} of ${rows.length} parameters` : `${rows.length} parameters`;
  };
  search.addEventListener('input', filter);
  onlyBox.addEventListener('change', filter);
  count.textContent = `${PARAMETERS.length} parameters`;

  return {
    sync(scenario: Scenario) {
      current = scenario;
      for (const r of rows) syncRow(r, scenario);
      if (onlyBox.checked) filter();
    },
  };
}

function syncRow(r: Row, scenario: Scenario): void {
  const v = getPath(scenario, r.p.path) as number | boolean | string;
  if (r.input instanceof HTMLInputElement && r.input.type === 'checkbox') r.input.checked = Boolean(v);
  else r.input.value = String(v);
  if (r.slider) r.slider.value = String(v);
  markChanged(r, v);
}

function markChanged(r: Row, v: unknown): void {
  const changed = v !== r.p.default;
  r.changed.hidden = !changed;
  r.reset.hidden = !changed;
  r.row.classList.toggle('changed', changed);
}

function buildRow(p: ParamInfo, change: OnChange, openInfo: () => void): Row {
  const onChange = (q: ParamInfo, v: number | boolean | string) => change(q, v, false);
  const row = document.createElement('div');
  row.className = 'param';
  const id = `param-${p.path.replace(/\./g, '-')}`;
  const head = document.createElement('div');
  head.className = 'param-head';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = readableLabel(p.path);
  const path = document.createElement('code');
  path.className = 'param-path';
  path.textContent = p.path;
  const badge = document.createElement('span');
  badge.className = `badge ${p.live ? 'live' : 'reset'}`;
  badge.textContent = p.live ? 'live' : 'at reset';
  badge.title = p.live
    ? 'Acts live: a change takes effect at the next working day'
    : 'Shapes the organization at the start: takes effect at the next reset';
  const rank = IMPORTANCE.parameters[p.path]?.rank;
  const imp = document.createElement('span');
  if (rank && rank !== 'low') {
    imp.className = `badge importance ${rank}`;
    imp.textContent = rank === 'high' ? 'matters most' : 'matters';
    imp.title = importanceWords(p.path)!;
  }
  const changed = document.createElement('span');
  changed.className = 'badge changed';
  changed.textContent = 'changed';
  changed.hidden = true;
  const info = document.createElement('button');
  info.type = 'button';
  info.className = 'info';
  info.textContent = 'i';
  info.setAttribute('aria-label', `About ${p.path}`);
  info.setAttribute('aria-haspopup', 'dialog');
  info.addEventListener('click', openInfo);
  head.append(label, badge, ...(imp.className ? [imp] : []), changed, info);

  const control = document.createElement('div');
  control.className = 'param-control';
  let input: HTMLInputElement | HTMLSelectElement;
  let slider: HTMLInputElement | undefined;
  if (p.type === 'boolean') {
    const i = document.createElement('input');
    i.type = 'checkbox';
    i.addEventListener('change', () => onChange(p, i.checked));
    input = i;
  } else if (p.type === 'enum') {
    const sel = document.createElement('select');
    for (const o of p.options ?? []) sel.add(new Option(o, o));
    sel.addEventListener('change', () => onChange(p, sel.value));
    input = sel;
  } else {
    const i = document.createElement('input');
    i.type = 'number';
    if (p.minimum !== undefined) i.min = String(p.minimum);
    if (p.maximum !== undefined) i.max = String(p.maximum);
    i.step = p.type === 'integer' ? '1' : 'any';
    i.addEventListener('change', () => {
      const v = Number(i.value);
      if (i.value !== '' && Number.isFinite(v)) {
        if (slider) slider.value = i.value;
        onChange(p, v);
      }
    });
    input = i;
    // A slider for a bounded range a hand can cover.
    if (p.minimum !== undefined && p.maximum !== undefined && p.maximum - p.minimum <= 1000) {
      slider = document.createElement('input');
      slider.type = 'range';
      slider.min = String(p.minimum);
      slider.max = String(p.maximum);
      slider.step = p.type === 'integer' ? '1' : String(Number(((p.maximum - p.minimum) / 100).toPrecision(2)));
      slider.setAttribute('aria-label', `${p.path} (slider)`);
      const s = slider;
      s.addEventListener('input', () => (i.value = s.value));
      s.addEventListener('change', () => onChange(p, Number(s.value)));
    }
  }
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-meta`);
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'param-reset';
  reset.textContent = '↺';
  reset.hidden = true;
  reset.title = `Back to the default, ${show(p.default)}`;
  reset.setAttribute('aria-label', `Reset ${p.path} to its default, ${show(p.default)}`);
  reset.addEventListener('click', () => {
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(p.default);
    else input.value = String(p.default);
    if (slider) slider.value = String(p.default);
    onChange(p, p.default);
  });
  control.append(...(slider ? [slider] : []), input, reset);
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.id = `${id}-meta`;
  meta.textContent = `${p.description ?? ''}${p.unit ? ` (${p.unit})` : ''}; default ${show(p.default)}`;
  row.append(head, path, control, meta);
  const r: Row = {
    p,
    row,
    input,
    slider,
    changed,
    reset,
    haystack: [p.path, readableLabel(p.path), p.description, p.seed, p.unit, p.source].join(' ').toLowerCase(),
  };
  // The mark follows the value as the user changes it.
  input.addEventListener('change', () =>
    markChanged(
      r,
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? input.checked
        : p.type === 'enum'
          ? input.value
          : Number(input.value),
    ),
  );
  reset.addEventListener('click', () => markChanged(r, p.default));
  return r;
}
