/**
 * A claim's arm as `orgsim claims` runs it, and so as a story step that names the claim runs it: the shipped
 * scenario scaled to an organization of `employees` (src/scenario/scale.ts), with extra parameter values (an
 * ablation, a premise step, a hypercube point), validated. One function, so that the command line and the
 * page cannot run different organizations under the same claim.
 */
import { atSize } from './scenario/scale.ts';
import { setPath } from './scenario/access.ts';
import { validate } from './scenario/load.ts';
import type { Scenario } from './scenario/schema.ts';

export function claimArm(
  base: Scenario,
  employees: number,
  set: Record<string, number | boolean | string> = {},
  label = base.name,
): Scenario {
  const scaled = atSize(base, employees) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) setPath(scaled, path, value);
  return validate(scaled, label);
}
