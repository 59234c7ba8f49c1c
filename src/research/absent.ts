/**
 * A parameter varied in a sweep or a sensitivity analysis can belong to a role the scenario does not have: the
 * community manager's when there is none, the SMMs' when there are none, the external community's when it has
 * no customers. Its effect is then exactly 0, which reads like a finding ("cm.speakShare does not matter")
 * when it is only the scenario: the command says so before it runs.
 */
import type { Scenario } from '../scenario/schema.ts';

interface Role {
  prefix: string;
  /** The parameter that brings the role in (varying it, or an intervention setting it, brings it). */
  switch: string;
  absent: (s: Scenario) => boolean;
  /** Whether an intervention's value brings the role in. */
  brings: (v: unknown) => boolean;
  words: string;
}

const ROLES: readonly Role[] = [
  {
    prefix: 'cm.',
    switch: 'cm.present',
    absent: (s) => !s.cm.present,
    brings: (v) => v === true,
    words: 'no community manager (cm.present = false)',
  },
  {
    prefix: 'smm.',
    switch: 'smm.count',
    absent: (s) => s.smm.count === 0,
    brings: (v) => typeof v === 'number' && v > 0,
    words: 'no social media manager (smm.count = 0)',
  },
  {
    prefix: 'external.',
    switch: 'external.customers',
    absent: (s) => s.external.customers === 0,
    brings: (v) => typeof v === 'number' && v > 0,
    words: 'no external community (external.customers = 0)',
  },
];

/** For each varied parameter whose role the scenario lacks (and nothing brings in), what is missing. */
export function absentRoles(s: Scenario, varied: readonly string[]): { path: string; missing: string }[] {
  const out: { path: string; missing: string }[] = [];
  for (const path of varied) {
    const role = ROLES.find((r) => path.startsWith(r.prefix) && path !== r.switch);
    if (!role?.absent(s) || varied.includes(role.switch)) continue;
    if (s.interventions.some((iv) => role.brings(iv.set[role.switch]))) continue;
    out.push({ path, missing: role.words });
  }
  return out;
}
