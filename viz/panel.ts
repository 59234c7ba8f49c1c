/**
 * The parameters panel, generated from the scenario schema: grouped, each input with its unit and range,
 * a tooltip quoting the seed sentence behind it, and a badge saying whether it acts live or needs a reset.
 */
import type { ParamInfo } from '../src/scenario/paths.ts';
import { PARAMETERS } from 'virtual:orgsim-shipped';
import { getPath } from '../src/scenario/access.ts';
import type { Scenario } from '../src/scenario/schema.ts';

const GROUPS: { id: ParamInfo['group']; title: string }[] = [
  { id: 'organization', title: 'organization' },
  { id: 'roles', title: 'roles' },
  { id: 'policies', title: 'policies' },
  { id: 'agents', title: 'agent attributes' },
  { id: 'behaviour', title: 'behaviour' },
  { id: 'value', title: 'value' },
];

export type OnChange = (param: ParamInfo, value: number | boolean | string) => void;

function tooltip(p: ParamInfo): string {
  const lines = [p.description ?? p.path];
  if (p.unit) lines.push(`Unit: ${p.unit}`);
  if (p.minimum !== undefined && p.maximum !== undefined) lines.push(`Range: ${p.minimum} to ${p.maximum}`);
  if (p.source) lines.push(`Default from: ${p.source}`);
  if (p.seed) lines.push(`Seed: “${p.seed}”`);
  lines.push(p.live ? 'Acts live: a change takes effect at the next working day.' : 'Needs a reset: it shapes the organization at the start.');
  return lines.join('\n');
}

export function buildPanel(root: HTMLElement, onChange: OnChange): (scenario: Scenario) => void {
  root.replaceChildren();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const params = PARAMETERS;
  for (const group of GROUPS) {
    const details = document.createElement('details');
    if (group.id === 'roles' || group.id === 'policies') details.open = true;
    const summary = document.createElement('summary');
    summary.textContent = group.title;
    details.append(summary);
    for (const p of params.filter((q) => q.group === group.id)) {
      const row = document.createElement('div');
      row.className = 'param';
      row.title = tooltip(p);
      const id = `param-${p.path.replace(/\./g, '-')}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = p.path;
      const badge = document.createElement('span');
      badge.className = `badge ${p.live ? 'live' : 'reset'}`;
      badge.textContent = p.live ? 'live' : 'reset';
      label.append(badge);
      let input: HTMLInputElement | HTMLSelectElement;
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
          if (i.value !== '' && Number.isFinite(v)) onChange(p, v);
        });
        input = i;
      }
      input.id = id;
      input.setAttribute('aria-describedby', `${id}-meta`);
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.id = `${id}-meta`;
      meta.textContent = `${p.description ?? ''}${p.unit ? ` (${p.unit})` : ''}`;
      row.append(label, input, meta);
      details.append(row);
      inputs.set(p.path, input);
    }
    root.append(details);
  }
  return (scenario: Scenario) => {
    for (const [path, input] of inputs) {
      const v = getPath(scenario, path);
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(v);
      else input.value = String(v);
    }
  };
}
