/** Helpers shared by the parts of the hostile corpus (test/hostile/cases.ts). */

export const MB = 2 ** 20;
export const json = (x: unknown) => JSON.stringify(x);
/** A small, fast scenario: what the hostile part is added to. */
export const TINY = { organization: { employees: 50 }, external: { customers: 10 }, ticks: 10 };
export const tiny = (extra: Record<string, unknown> = {}) => json({ ...TINY, ...extra });
export const nest = (open: string, close: string, n: number, inner = '1') => open.repeat(n) + inner + close.repeat(n);
export const manifestOf = (extra: Record<string, unknown> = {}) => json({ points: [[0]], seeds: [1], ...extra });
