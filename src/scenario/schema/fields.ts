/**
 * The building blocks of the scenario schema: the documentation every field carries (FieldMeta), the field
 * makers (num, int, bool, choice, beta, section) and the shorthands that set a field's panel group.
 */
import { z } from 'zod';

export interface FieldMeta {
  description: string;
  unit: string;
  /** Where the default comes from: a published figure or "assumption". */
  source: string;
  /** The seed sentence behind the parameter, when there is one. */
  seed?: string;
  /** True when a change during a run takes effect at the next tick; false when it needs a reset. */
  live: boolean;
  /** Panel group in the UI. */
  group: 'organization' | 'roles' | 'policies' | 'agents' | 'behaviour' | 'value' | 'run';
}

export const A = 'assumption';
/** Fitted to published figures by `npm run calibrate` (scenarios/calibration/mid.json, src/MODEL.md section 9). */
export const CALIBRATED = 'calibrated: scenarios/calibration/mid.json';

export function num(def: number, min: number, max: number, meta: FieldMeta) {
  return z
    .number({ error: `expected a number from ${min} to ${max}` })
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta });
}
export function int(def: number, min: number, max: number, meta: FieldMeta) {
  return z
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta });
}
export function bool(def: boolean, meta: FieldMeta) {
  return z
    .boolean({ error: 'expected true or false' })
    .default(def)
    .meta({ ...meta });
}
export function choice<T extends readonly [string, ...string[]]>(values: T, def: T[number], meta: FieldMeta) {
  return z
    .enum(values, { error: `expected one of ${values.map((v) => `"${v}"`).join(', ')}` })
    .default(def as never)
    .meta({ ...meta });
}
/** A Beta(a, b) distribution of an agent attribute on [0, 1]. */
export function beta(a: number, b: number, meta: Omit<FieldMeta, 'unit' | 'group' | 'live'>) {
  const m: FieldMeta = { ...meta, unit: 'Beta shape', group: 'agents', live: false };
  return z
    .object({
      a: num(a, 0.05, 100, { ...m, description: `${meta.description}: Beta shape a` }),
      b: num(b, 0.05, 100, { ...m, description: `${meta.description}: Beta shape b` }),
    })
    .strict()
    .prefault({} as never);
}
export function section<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .strict()
    .prefault({} as never);
}

export const org = (d: Omit<FieldMeta, 'group' | 'live'>, live = false): FieldMeta => ({
  ...d,
  group: 'organization',
  live,
});
export const roles = (d: Omit<FieldMeta, 'group' | 'live'>, live = true): FieldMeta => ({ ...d, group: 'roles', live });
export const pol = (d: Omit<FieldMeta, 'group' | 'live'>, live = true): FieldMeta => ({
  ...d,
  group: 'policies',
  live,
});
export const agents = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'agents', live: false });
export const beh = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'behaviour', live: true });
export const val = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'value', live: true });
