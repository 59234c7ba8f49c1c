/**
 * The compare view's form: the scenarios to compare (rows A to F: a source, changes, a name), files added, and
 * the form's numbers. Rows are drawn from the state's specs and write back into them.
 */
import { catalog, load, loadText } from '../scenarios.ts';
import { armLabel } from '../../src/compare/summary.ts';
import { runName } from '../../src/run-name.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { LINE_COLOURS } from '../palette.ts';
import { MAX_ARMS, type Arm, type ArmSpec, type ViewState } from './state.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What the form needs besides the state: the live run now (with its live changes) and its name. */
export interface FormContext {
  s: ViewState;
  current: () => { scenario: Scenario; name: string };
  showError: (message: string) => void;
}

interface Option {
  value: string;
  text: string;
}

function sourceOptions({ s, current }: FormContext): Option[] {
  const cur = current();
  return [
    { value: 'current', text: `current run: ${cur.name}` },
    ...catalog().map((c) => ({ value: c.id, text: c.name })),
    ...s.files.map((f, k) => ({ value: `file:${k}`, text: `file: ${f.name}` })),
  ];
}

export function renderArms(ctx: FormContext): void {
  const { s } = ctx;
  const list = $('compare-arms');
  const options = sourceOptions(ctx);
  list.replaceChildren(
    ...s.specs.map((spec, i) => {
      const label = armLabel(i);
      const li = document.createElement('li');
      li.className = 'arm';
      const tag = document.createElement('span');
      tag.className = 'arm-label';
      tag.textContent = label;
      tag.style.setProperty('--arm-colour', LINE_COLOURS[i]!);
      // Contrast of at least 4.5:1: white on the first colour (blue), black on the lighter others.
      tag.style.color = i === 0 ? '#fff' : '#000';
      tag.setAttribute('aria-hidden', 'true');
      const select = document.createElement('select');
      select.id = `compare-arm-${i}`;
      select.setAttribute('aria-label', `Scenario ${label}${i === 0 ? ' (reference)' : ''}`);
      for (const o of options) select.add(new Option(o.text, o.value));
      if (!options.some((o) => o.value === spec.source)) select.add(new Option(spec.source, spec.source));
      select.value = spec.source;
      select.addEventListener('change', () => {
        spec.source = select.value;
        if (!spec.renamed) spec.name = undefined;
        // Example changes belong to the scenario they were shown with.
        if (spec.example) {
          spec.changes = '';
          spec.example = false;
          changes.value = '';
        }
        name.placeholder = `name: ${autoName(ctx, spec)}`;
      });
      const changes = document.createElement('input');
      changes.type = 'text';
      changes.id = `compare-changes-${i}`;
      changes.value = spec.changes;
      changes.placeholder = 'changes, e.g. smm.count=3; cm.speakShare=0.2';
      changes.setAttribute('aria-label', `Changes to scenario ${label}, as path=value separated by semicolons`);
      changes.spellcheck = false;
      changes.addEventListener('input', () => {
        spec.changes = changes.value;
        spec.example = false;
        if (!spec.renamed) spec.name = undefined;
        name.placeholder = `name: ${autoName(ctx, spec)}`;
      });
      // The row's name, as legends, verdicts and the CSV say it: the scenario's title and its changes unless typed.
      const name = document.createElement('input');
      name.type = 'text';
      name.id = `compare-name-${i}`;
      name.className = 'arm-name';
      name.value = spec.renamed ? (spec.name ?? '') : '';
      name.placeholder = `name: ${autoName(ctx, spec)}`;
      name.maxLength = 80;
      name.setAttribute('aria-label', `Name of scenario ${label} in the results`);
      name.addEventListener('input', () => {
        const typed = name.value.trim();
        spec.renamed = typed !== '';
        spec.name = typed || undefined;
      });
      li.append(tag, select, changes, name);
      if (s.specs.length > 2) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove scenario ${label}`);
        remove.addEventListener('click', () => {
          s.specs.splice(i, 1);
          renderArms(ctx);
          $<HTMLSelectElement>(`compare-arm-${Math.min(i, s.specs.length - 1)}`).focus();
        });
        li.append(remove);
      }
      return li;
    }),
  );
  $<HTMLButtonElement>('compare-add').disabled = s.specs.length >= MAX_ARMS || s.running;
}

/**
 * The name a row gets when none is typed: the scenario's title (or the current run's name, or the file's), with its
 * changes.
 */
export function autoName({ s, current }: FormContext, spec: ArmSpec): string {
  if (spec.name && !spec.renamed) return spec.name;
  const base =
    spec.source === 'current'
      ? current().name
      : spec.source.startsWith('file:')
        ? (s.files[Number(spec.source.slice(5))]?.name ?? spec.source)
        : (catalog().find((c) => c.id === spec.source)?.name ?? spec.source);
  return nameWithChanges(base, spec.changes);
}

/** Files are untrusted: each is validated now, and a bad one is named in the error and not added. */
export async function addFiles(ctx: FormContext): Promise<void> {
  const { s } = ctx;
  const input = $<HTMLInputElement>('compare-files');
  const files = Array.from(input.files ?? []);
  input.value = '';
  $('compare-error').hidden = true;
  for (const f of files) {
    try {
      if (f.size > 5_000_000)
        throw new Error(`${f.name}: too large for a scenario (${Math.round(f.size / 1e6)} MB); the limit is 5 MB`);
      const text = await f.text();
      await loadText(text, f.name);
      s.files.push({ name: f.name, text });
      if (s.specs.length < MAX_ARMS) s.specs.push({ source: `file:${s.files.length - 1}`, changes: '' });
    } catch (e) {
      ctx.showError(messageOf(e));
    }
  }
  renderArms(ctx);
}

/** Scenarios from the specs; the first problem is thrown naming the scenario (A, B...) and the field. */
export async function resolveArms({ s, current }: FormContext, specs: readonly ArmSpec[] = s.specs): Promise<Arm[]> {
  if (specs.length < 2) throw new Error(`a comparison needs at least 2 scenarios; it has ${specs.length}`);
  const arms = await Promise.all(
    specs.map(async (spec, i): Promise<Arm> => {
      const label = armLabel(i);
      const changes = spec.changes.trim();
      try {
        let scenario: Scenario;
        let name: string;
        if (spec.source === 'current') {
          const cur = current();
          scenario = changes ? await loadText(JSON.stringify(cur.scenario), cur.name, [], changes) : cur.scenario;
          name = nameWithChanges(cur.name, changes);
        } else if (spec.source.startsWith('file:')) {
          const file = s.files[Number(spec.source.slice(5))];
          if (!file) throw new Error(`no file ${spec.source}`);
          scenario = await loadText(file.text, file.name, [], changes);
          name = nameWithChanges(file.name, changes);
        } else {
          scenario = await load(spec.source, [], changes);
          name = nameWithChanges(scenario.name, changes);
        }
        return { label, name: spec.name ?? name, scenario };
      } catch (e) {
        throw new Error(`Scenario ${label}: ${messageOf(e)}`);
      }
    }),
  );
  const horizon = arms[0]!.scenario.ticks;
  for (const a of arms.slice(1)) {
    if (a.scenario.ticks !== horizon)
      throw new Error(
        `Scenario ${a.label}: ticks = ${a.scenario.ticks}, but A runs ${horizon} ticks; compared scenarios ` +
          `need the same horizon (add ticks=${horizon} to its changes)`,
      );
  }
  return arms;
}

export function readNumber(id: string, what: string, min: number, max: number): number {
  const text = $<HTMLInputElement>(id).value.trim();
  const v = Number(text);
  if (text === '' || !Number.isInteger(v) || v < min || v > max)
    throw new Error(`${what} = ${text || '(empty)'} is not allowed; expected a whole number from ${min} to ${max}`);
  return v;
}

/** "C8 outsourced CM, modified: smm.count = 3": a name with its changes, as the live page names a modified run. */
export function nameWithChanges(name: string, changes: string): string {
  const sets = changes
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
  if (!sets.length) return name;
  // The current run may have live changes ("… + 2 live changes"): they stay at the end of its name.
  const live = / \+ \d+ live changes?$/.exec(name)?.[0] ?? '';
  const base = name.slice(0, name.length - live.length);
  // It may be modified already: the new changes go on the end of its list.
  if (/, modified: /.test(base)) return `${base}, ${runName('', sets).replace(/^, modified: /, '')}${live}`;
  return runName(base, sets) + live;
}
