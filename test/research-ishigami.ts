/** The Ishigami function (Ishigami and Homma 1990), the standard test of sensitivity estimators. */
export const A = 7;
export const B = 0.1;

/** On [-pi, pi]^3. */
export function ishigami(x1: number, x2: number, x3: number): number {
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

/** The same on the unit cube, as the estimators see a model. */
export function ishigamiUnit(u: number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return ishigami(x1, x2, x3);
}

/** Analytic Sobol indices for a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer). */
export const S1 = [0.3139, 0.4424, 0];
export const ST = [0.5576, 0.4424, 0.2437];
