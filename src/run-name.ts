/**
 * The name of a run that differs from its scenario: "Baseline, modified: 3,000 employees, 5 SMMs", from the
 * day-0 changes (path=value) made on the page. The paths of the "Your organization" form are said in words;
 * any other change as path = value. Pure.
 */
import { count } from './format.ts';

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** One change in words, or path = value. */
export function changeWords(path: string, value: unknown, all: ReadonlyMap<string, unknown> = new Map()): string {
  const n = typeof value === 'number' ? value : NaN;
  switch (path) {
    case 'organization.employees':
      return plural(n, 'employee', 'employees');
    case 'organization.teamSize':
      return `teams of ${count(n)}`;
    case 'organization.teamsPerDepartment':
      return plural(n, 'team per department', 'teams per department');
    case 'smm.count':
      return n === 0 ? 'no SMM' : plural(n, 'SMM', 'SMMs');
    case 'smm.sourcing':
      return `${String(value)} SMMs`;
    case 'cm.present':
      return value === false ? 'no CM' : `${all.get('cm.sourcing') === 'outsourced' ? 'an outsourced' : 'a'} CM`;
    case 'cm.sourcing':
      return all.get('cm.present') === false ? '' : `${value === 'outsourced' ? 'an outsourced' : 'an internal'} CM`;
    case 'external.customers':
      return n === 0 ? 'no external community' : plural(n, 'customer', 'customers');
    case 'external.emceeEffort':
      return `emcee speaking ${Math.round(n * 100)}% of his day`;
    case 'ticks':
      return plural(n, 'working day', 'working days');
    default:
      return `${path} = ${typeof value === 'string' ? value : JSON.stringify(value)}`;
  }
}

/** path=value texts to [path, value] (values as JSON when they parse). */
export function parseSets(sets: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) continue;
    const text = s.slice(eq + 1).trim();
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // A bare word: a choice such as outsourced.
    }
    out.set(s.slice(0, eq).trim(), value);
  }
  return out;
}

/** "Baseline, modified: 3,000 employees, 5 SMMs"; the scenario's own name when nothing changed. */
export function runName(scenarioName: string, sets: readonly string[]): string {
  const changes = parseSets(sets);
  const words = [...new Set([...changes].map(([p, v]) => changeWords(p, v, changes)).filter(Boolean))];
  if (!words.length) return scenarioName;
  const base = scenarioName.replace(/:.*$/, '').trim() || scenarioName;
  return `${base}, modified: ${words.join(', ')}`;
}

/** What the "Your organization" form sets, as a run has it. */
export interface OrganizationFacts {
  organization: { employees: number; teamSize: number };
  smm: { count: number; sourcing: string };
  cm: { present: boolean; sourcing: string };
  external: { customers: number };
  ticks: number;
}

/**
 * A modified run described from its own settings ("3,000 employees in teams of 8; 5 outsourced SMMs …"), not
 * from its scenario's text, which describes the scenario before the changes.
 */
export function describeOrganization(s: OrganizationFacts, basedOn: string): string {
  const smm =
    s.smm.count === 0
      ? 'no SMM'
      : `${plural(s.smm.count, `${s.smm.sourcing} SMM`, `${s.smm.sourcing} SMMs`)} animating open communities`;
  const cm = !s.cm.present
    ? 'no community manager'
    : `${s.cm.sourcing === 'outsourced' ? 'an outsourced' : 'an internal'} community manager`;
  const external =
    s.external.customers === 0
      ? 'no external community'
      : `an external community of ${plural(s.external.customers, 'customer', 'customers')}`;
  return (
    `${plural(s.organization.employees, 'employee', 'employees')} in teams of ` +
    `${count(s.organization.teamSize)}; ${smm}; ${cm}; ${external}; over ` +
    `${plural(s.ticks, 'working day', 'working days')}. Everything else as in “${basedOn}”.`
  );
}
