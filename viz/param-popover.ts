/**
 * The popover that explains one parameter of the panel (viz/panel.ts): its path (copyable), description, value,
 * default, range, when it acts, its importance in the screening (viz/importance.json) and its section of the model
 * description. Every word is set as text, never as markup.
 */
import type { ParamInfo } from '../src/scenario/paths.ts';
import { getPath } from '../src/scenario/access.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { MODEL_SECTIONS } from 'virtual:orgsim-shipped';
import importance from './importance.json';

type Rank = 'high' | 'medium' | 'low';
export const IMPORTANCE = importance as unknown as {
  samples: number;
  parameters: Record<string, { rank: Rank; relative: Record<string, number>; range: [number, number] } | undefined>;
};
const OUTCOME_WORDS: Record<string, string> = {
  midActivity: 'mid-term activity',
  longValue: 'long-term value',
  valuePerCost: 'value per cost',
};

/** "teamsPerDepartment" -> "Teams per department"; "members.riskAversion.a" -> "Risk aversion: shape a". */
export function readableLabel(path: string): string {
  const words = (k: string) =>
    k
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase();
  const keys = path.split('.');
  const leaf = keys[keys.length - 1]!;
  const text = /^[ab]$/.test(leaf) && keys.length > 2 ? `${words(keys[keys.length - 2]!)}: shape ${leaf}` : words(leaf);
  return text[0]!.toUpperCase() + text.slice(1);
}

export const show = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

export function importanceWords(path: string): string | undefined {
  const i = IMPORTANCE.parameters[path];
  if (!i) return undefined;
  const top = Object.entries(i.relative).sort((a, b) => b[1] - a[1])[0]!;
  return (
    `${i.rank === 'high' ? 'Matters most' : i.rank === 'medium' ? 'Matters somewhat' : 'Matters little'} in a ` +
    `screening of the baseline (Morris, ${IMPORTANCE.samples} trajectories, varied from ${show(i.range[0])} to ` +
    `${show(i.range[1])}): strongest on ${OUTCOME_WORDS[top[0]] ?? top[0]}, ${Math.round(top[1] * 100)}% of ` +
    `the parameter that moves it most.`
  );
}

/** One popover for every parameter: real text (selectable, copyable), opened by click or touch, closed by Esc. */
export function buildPopover(): {
  element: HTMLElement;
  open: (p: ParamInfo, near: HTMLElement, scenario: Scenario | undefined) => void;
} {
  const el = document.createElement('div');
  el.id = 'param-popover';
  el.className = 'param-popover';
  el.setAttribute('popover', 'auto');
  el.setAttribute('role', 'dialog');
  el.setAttribute('aria-label', 'About the parameter');
  return {
    element: el,
    open(p, near, scenario) {
      const add = (tag: string, text: string, cls = '') => {
        const e = document.createElement(tag);
        e.textContent = text;
        if (cls) e.className = cls;
        el.append(e);
        return e;
      };
      el.replaceChildren();
      add('h3', readableLabel(p.path));
      const pathRow = document.createElement('p');
      const code = document.createElement('code');
      code.textContent = p.path;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.textContent = 'Copy path';
      copy.addEventListener(
        'click',
        () =>
          void navigator.clipboard?.writeText(p.path).then(
            () => (copy.textContent = 'Copied'),
            () => (copy.textContent = 'Select and copy the path'),
          ),
      );
      pathRow.append(code, ' ', copy);
      el.append(pathRow);
      if (p.description) add('p', p.description);
      const dl = document.createElement('dl');
      const item = (k: string, v: string) => {
        const dt = document.createElement('dt');
        dt.textContent = k;
        const dd = document.createElement('dd');
        dd.textContent = v;
        dl.append(dt, dd);
      };
      if (scenario) item('Now', show(getPath(scenario, p.path)));
      item('Default', show(p.default));
      if (p.unit) item('Unit', p.unit);
      if (p.minimum !== undefined || p.maximum !== undefined)
        item('Range', `${show(p.minimum ?? '−∞')} to ${show(p.maximum ?? '∞')}`);
      if (p.options) item('Choices', p.options.join(', '));
      item(
        'When it acts',
        p.live ? 'live: from the next working day (recorded as a change of the run)' : 'at the start: it needs a reset',
      );
      if (p.source) item('Default from', p.source);
      const imp = importanceWords(p.path);
      if (imp) item('Importance', imp);
      el.append(dl);
      if (p.seed) {
        const q = document.createElement('blockquote');
        q.textContent = `“${p.seed}”`;
        el.append(q);
      }
      const section = MODEL_SECTIONS[p.path];
      if (section) {
        const a = document.createElement('a');
        a.href = `./model.html#${section.anchor}`;
        a.target = '_blank';
        a.rel = 'noopener';
        a.textContent = `In the model description: ${section.title}`;
        const para = document.createElement('p');
        para.append(a);
        el.append(para);
      }
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', () => el.hidePopover());
      el.append(close);
      el.showPopover();
      // Beside the control when there is room, else centred (phone).
      const r = near.getBoundingClientRect();
      const w = el.offsetWidth;
      const left = Math.min(window.innerWidth - w - 8, Math.max(8, r.right + 8));
      el.style.left = `${window.innerWidth < 700 ? Math.max(8, (window.innerWidth - w) / 2) : left}px`;
      el.style.top = `${Math.max(8, Math.min(window.innerHeight - el.offsetHeight - 8, r.top - 20))}px`;
      copy.focus();
    },
  };
}
