/**
 * "Your organization": a short form on the settings a strategist knows (how many people, departments, teams,
 * SMMs, whether there is a community manager, the external community, the horizon). It writes day-0
 * settings (path=value changes applied when the run starts), so they survive Reset and rename the run.
 * Only stable parameter paths are used here; every other parameter is in the panel, generated from the schema.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import { PARAMETERS } from 'virtual:orgsim-shipped';
import { NetworkFigures } from './network-figures.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Values {
  employees: number;
  departments: number;
  teamSize: number;
  smmCount: number;
  smmSourcing: 'internal' | 'outsourced';
  cm: 'none' | 'internal' | 'outsourced';
  customers: number;
  emcee: number;
  ticks: number;
}

/** Teams and departments the model builds (src/model/world.ts: teams = round(employees / team size)). */
export function teamsOf(employees: number, teamSize: number): number {
  return Math.max(1, Math.min(Math.floor(employees / 2), Math.round(employees / teamSize)));
}
export function departmentsOf(employees: number, teamSize: number, teamsPerDepartment: number): number {
  return Math.max(1, Math.ceil(teamsOf(employees, teamSize) / teamsPerDepartment));
}

function read(s: Scenario): Values {
  return {
    employees: s.organization.employees,
    departments: departmentsOf(s.organization.employees, s.organization.teamSize, s.organization.teamsPerDepartment),
    teamSize: s.organization.teamSize,
    smmCount: s.smm.count,
    smmSourcing: s.smm.sourcing,
    cm: !s.cm.present ? 'none' : s.cm.sourcing,
    customers: s.external.customers,
    emcee: s.external.emceeEffort,
    ticks: s.ticks,
  };
}

/** The day-0 changes that turn `base` into what the form says (only what differs). */
export function formSets(base: Scenario, v: Values): string[] {
  const teams = teamsOf(v.employees, v.teamSize);
  const teamsPerDepartment = Math.max(1, Math.round(teams / Math.max(1, v.departments)));
  const want: [string, number | string | boolean, unknown][] = [
    ['organization.employees', v.employees, base.organization.employees],
    ['organization.teamSize', v.teamSize, base.organization.teamSize],
    ['organization.teamsPerDepartment', teamsPerDepartment, base.organization.teamsPerDepartment],
    ['smm.count', v.smmCount, base.smm.count],
    ['smm.sourcing', v.smmSourcing, base.smm.sourcing],
    ['cm.present', v.cm !== 'none', base.cm.present],
    ['cm.sourcing', v.cm === 'none' ? base.cm.sourcing : v.cm, base.cm.sourcing],
    ['external.customers', v.customers, base.external.customers],
    ['external.emceeEffort', v.emcee, base.external.emceeEffort],
    ['ticks', v.ticks, base.ticks],
  ];
  // A department count that only restates the base's is not a change (rounding would otherwise move it).
  const sameDepartments =
    v.departments === departmentsOf(v.employees, v.teamSize, base.organization.teamsPerDepartment);
  return want
    .filter(([p, now, was]) => now !== was && !(p === 'organization.teamsPerDepartment' && sameDepartments))
    .map(([p, now]) => `${p}=${JSON.stringify(now)}`);
}

const range = (path: string) => PARAMETERS.find((p) => p.path === path);

function numberField(
  id: string,
  label: string,
  path: string,
  hint: string,
  opts: { min?: number; max?: number; step?: string } = {},
): HTMLElement {
  const p = range(path);
  const wrap = document.createElement('label');
  wrap.className = 'org-field';
  wrap.htmlFor = id;
  const text = document.createElement('span');
  text.textContent = label;
  const input = document.createElement('input');
  input.type = 'number';
  input.id = id;
  input.min = String(opts.min ?? p?.minimum ?? 0);
  if ((opts.max ?? p?.maximum) !== undefined) input.max = String(opts.max ?? p?.maximum);
  input.step = opts.step ?? (p?.type === 'integer' ? '1' : 'any');
  input.required = true;
  const small = document.createElement('small');
  small.textContent = hint;
  small.id = `${id}-hint`;
  input.setAttribute('aria-describedby', small.id);
  wrap.append(text, input, small, fieldError(id));
  return wrap;
}

/** Where a field's error is said: under it, read out when it appears. */
function fieldError(id: string): HTMLElement {
  const error = document.createElement('span');
  error.className = 'field-error';
  error.id = `${id}-error`;
  error.hidden = true;
  return error;
}

/** The form's fields by the parameter they write (an error naming the parameter is shown at its field). */
const FIELD_OF: Record<string, string> = {
  'organization.employees': 'org-employees',
  'organization.teamsPerDepartment': 'org-departments',
  'organization.teamSize': 'org-team-size',
  'smm.count': 'org-smm-count',
  'smm.sourcing': 'org-smm-sourcing',
  'cm.present': 'org-cm',
  'cm.sourcing': 'org-cm',
  'external.customers': 'org-customers',
  'external.emceeEffort': 'org-emcee',
  ticks: 'org-ticks',
};

/** A field's value that is not allowed: its message says the field, the value and what is allowed. */
class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function selectField(id: string, label: string, options: [string, string][], hint = ''): HTMLElement {
  const wrap = document.createElement('label');
  wrap.className = 'org-field';
  wrap.htmlFor = id;
  const text = document.createElement('span');
  text.textContent = label;
  const select = document.createElement('select');
  select.id = id;
  for (const [value, t] of options) select.add(new Option(t, value));
  const small = document.createElement('small');
  small.textContent = hint;
  wrap.append(text, select, small, fieldError(id));
  return wrap;
}

export class OrgForm {
  private base: Scenario | undefined;
  /** Teams per department of the run shown, and whether the user typed a department count since. */
  private teamsPerDepartment = 6;
  private departmentsSet = false;
  /** "Your network…": the files orgsim import writes, the network's figures beside the run's organization. */
  private readonly network = new NetworkFigures();

  constructor(
    private readonly root: HTMLElement,
    /** Called with the day-0 changes against the scenario, when the user applies the form. */
    private readonly onApply: (sets: string[]) => void,
    private readonly onSave: () => void,
    /** Called when an error is shown in the form (the page takes down its own banner). */
    private readonly onFieldError: () => void,
  ) {
    const form = document.createElement('form');
    form.id = 'org-form';
    form.noValidate = true;
    form.append(
      numberField('org-employees', 'Employees', 'organization.employees', 'everyone can take part'),
      numberField('org-departments', 'Departments', 'organization.teamsPerDepartment', '', {
        min: 1,
        max: 100_000,
        step: '1',
      }),
      numberField('org-team-size', 'Team size', 'organization.teamSize', 'people per team, manager included'),
      numberField('org-smm-count', 'Social media managers', 'smm.count', 'they animate open communities'),
      selectField('org-smm-sourcing', 'SMMs are', [
        ['internal', 'internal'],
        ['outsourced', 'outsourced'],
      ]),
      selectField(
        'org-cm',
        'Community manager',
        [
          ['none', 'none'],
          ['internal', 'internal (a senior manager)'],
          ['outsourced', 'outsourced'],
        ],
        'pilots the whole system',
      ),
      numberField(
        'org-customers',
        'Customers in the external community',
        'external.customers',
        '0: no external community',
      ),
      numberField(
        'org-emcee',
        'Emcee speaking in it (% of his day)',
        'external.emceeEffort',
        'the brand community manager',
        { min: 0, max: 100, step: '5' },
      ),
      numberField('org-ticks', 'Horizon (working days)', 'ticks', '250 working days ≈ one year'),
    );
    const buttons = document.createElement('div');
    buttons.className = 'org-buttons';
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.id = 'org-apply';
    apply.textContent = 'Apply from day 0';
    const save = document.createElement('button');
    save.type = 'button';
    save.id = 'org-save';
    save.textContent = 'Save as a scenario file';
    save.addEventListener('click', () => this.onSave());
    buttons.append(apply, save);
    form.append(buttons, fieldError('org-form'));
    // An error goes when its field is edited.
    form.addEventListener('input', (e) => this.clearError((e.target as HTMLElement).id));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply();
    });
    root.append(this.network.element, form);
    // Departments follow the employees and the team size (same teams per department) until the user sets them.
    $('org-departments').addEventListener('input', () => {
      this.departmentsSet = true;
      this.hintDepartments();
    });
    for (const id of ['org-employees', 'org-team-size']) {
      $(id).addEventListener('input', () => {
        const e = Number($<HTMLInputElement>('org-employees').value);
        const size = Number($<HTMLInputElement>('org-team-size').value);
        if (!this.departmentsSet && this.base && e > 0 && size > 0)
          $<HTMLInputElement>('org-departments').value = String(departmentsOf(e, size, this.teamsPerDepartment));
        this.hintDepartments();
      });
    }
  }

  /** Show a scenario's settings (the base scenario with the run's day-0 changes). */
  sync(current: Scenario, base: Scenario): void {
    this.base = base;
    this.network.sync(current);
    this.teamsPerDepartment = current.organization.teamsPerDepartment;
    this.departmentsSet = false;
    const v = read(current);
    const set = (id: string, x: number | string) => ($<HTMLInputElement>(id).value = String(x));
    set('org-employees', v.employees);
    set('org-departments', v.departments);
    set('org-team-size', v.teamSize);
    set('org-smm-count', v.smmCount);
    set('org-smm-sourcing', v.smmSourcing);
    set('org-cm', v.cm);
    set('org-customers', v.customers);
    set('org-emcee', Math.round(v.emcee * 100));
    set('org-ticks', v.ticks);
    this.hintDepartments();
  }

  private hintDepartments(): void {
    const e = Number($<HTMLInputElement>('org-employees').value);
    const size = Number($<HTMLInputElement>('org-team-size').value);
    const d = Number($<HTMLInputElement>('org-departments').value);
    const hint = $('org-departments').parentElement!.querySelector('small')!;
    if (!(e > 0 && size > 0 && d > 0)) {
      hint.textContent = '';
      return;
    }
    const teams = teamsOf(e, size);
    const per = Math.max(1, Math.round(teams / d));
    hint.textContent =
      `${teams} teams: about ${per} per department, so ${Math.ceil(teams / per)} ` +
      `department${Math.ceil(teams / per) > 1 ? 's' : ''}`;
  }

  /**
   * Say an error at the field it concerns (found by its id, or by the parameter its message names), mark the
   * field invalid and bring it into view; an error no field owns goes under the form's buttons.
   */
  showError(message: string, field?: string): void {
    this.clearError();
    const id =
      field ??
      Object.entries(FIELD_OF).find(([path]) =>
        new RegExp(`(^|[\\s:])${path.replace('.', '\\.')}\\b`).test(message),
      )?.[1] ??
      'org-form';
    const box = $(`${id}-error`);
    box.textContent = message;
    box.hidden = false;
    box.setAttribute('role', 'alert');
    const input = id === 'org-form' ? undefined : $<HTMLInputElement>(id);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute(
        'aria-describedby',
        `${id}-error ${input.getAttribute('aria-describedby')?.replace(`${id}-error`, '').trim() ?? ''}`.trim(),
      );
      input.focus({ preventScroll: true });
    }
    (input ?? box).scrollIntoView({ block: 'nearest' });
    box.scrollIntoView({ block: 'nearest' });
    this.onFieldError();
  }

  /** Clear the error of one field, or of all. */
  clearError(id?: string): void {
    for (const box of this.root.querySelectorAll<HTMLElement>('.field-error')) {
      const field = box.id.replace(/-error$/, '');
      if (id && field !== id && field !== 'org-form') continue;
      box.hidden = true;
      box.textContent = '';
      const input = document.getElementById(field);
      if (input?.hasAttribute('aria-invalid')) {
        input.removeAttribute('aria-invalid');
        input.setAttribute(
          'aria-describedby',
          (input.getAttribute('aria-describedby') ?? '').replace(`${field}-error`, '').trim(),
        );
      }
    }
  }

  /** The form's values, checked: one message naming the field and what is allowed. */
  private values(): Values {
    const num = (id: string, what: string) => {
      const input = $<HTMLInputElement>(id);
      const text = input.value.trim();
      const v = Number(text);
      const min = Number(input.min);
      const max = input.max === '' ? Infinity : Number(input.max);
      const whole = input.step === '1';
      if (text === '' || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) {
        throw new FieldError(
          id,
          `${what} = ${text || '(empty)'} is not allowed; expected ${whole ? 'a whole number' : 'a number'} ` +
            `from ${min} to ${max === Infinity ? 'any' : max.toLocaleString('en-US')}`,
        );
      }
      return v;
    };
    return {
      employees: num('org-employees', 'Employees'),
      departments: num('org-departments', 'Departments'),
      teamSize: num('org-team-size', 'Team size'),
      smmCount: num('org-smm-count', 'Social media managers'),
      smmSourcing: $<HTMLSelectElement>('org-smm-sourcing').value as Values['smmSourcing'],
      cm: $<HTMLSelectElement>('org-cm').value as Values['cm'],
      customers: num('org-customers', 'Customers'),
      emcee: num('org-emcee', 'Emcee speaking time') / 100,
      ticks: num('org-ticks', 'Horizon'),
    };
  }

  private apply(): void {
    if (!this.base) return;
    try {
      this.clearError();
      this.onApply(formSets(this.base, this.values()));
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e), e instanceof FieldError ? e.field : undefined);
    }
  }
}
