/**
 * The same scenario for an organization of another size, with the resources an organization of that size
 * would have: customers and social media managers in proportion to employees (one SMM stays one SMM's worth
 * per as many employees), and a CM who, beyond 5,000 employees, works with staff of his own (one FTE per
 * 5,000 employees beyond the first 5,000). Teams, departments and topics follow from the organization's
 * parameters (team size, teams per department, topics per thousand), so they grow with it. Interventions and
 * everything else are kept.
 */
import type { Scenario } from './schema.ts';

/** Employees per extra FTE of the CM's staff, beyond the first as many. */
export const EMPLOYEES_PER_CM_STAFF = 5000;

export function atSize(s: Scenario, employees: number): Scenario {
  const from = s.organization.employees;
  const ratio = employees / from;
  const out = structuredClone(s);
  out.organization.employees = employees;
  out.external.customers = Math.round(s.external.customers * ratio);
  if (s.smm.count > 0) out.smm.count = Math.max(1, Math.round(s.smm.count * ratio));
  const staff = (n: number) => Math.max(0, n / EMPLOYEES_PER_CM_STAFF - 1);
  out.cm.staff = Math.max(0, s.cm.staff + staff(employees) - staff(from));
  for (const iv of out.interventions) {
    const count = iv.set['smm.count'];
    if (typeof count === 'number' && count > 0) iv.set['smm.count'] = Math.max(1, Math.round(count * ratio));
  }
  return out;
}
