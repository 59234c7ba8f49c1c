/** Numbers for people to read, the same in a terminal and on the page (never locale-dependent). */

/** Thousands separators without locale surprises (output must not depend on the machine's locale). */
export function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count of people, grouped: 2,000,000. */
export function count(n: number): string {
  return group(String(Math.round(n)));
}

/** A readable number: grouped integers when large, about 3 significant digits when small. */
export function readable(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return group(x.toFixed(0));
  if (a >= 100) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(3);
}

/** A share as a percentage with one decimal: 0.4567 -> 45.7%. */
export function share(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function signed(text: string): string {
  return text.startsWith('-') ? text : `+${text}`;
}

export function percent(x: number): string {
  return signed(`${(x * 100).toFixed(1)}%`);
}

/** Two-sided p-value, with as many digits as it needs to be read. */
export function pValue(p: number): string {
  if (Number.isNaN(p)) return 'p = n/a';
  if (p < 0.0001) return 'p < 0.0001';
  if (p < 0.001) return `p = ${p.toFixed(4)}`;
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  if (p >= 0.995) return 'p = 1';
  return `p = ${p.toFixed(2)}`;
}
