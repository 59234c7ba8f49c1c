/** Plain-text tables, columns padded to their widest cell; numbers right-aligned. */
export function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.every((r) => /^[-+]?[\d.,]+\s*\S*$|^n\/a/.test(r[c] ?? '')));
  const line = (cells: string[]) =>
    cells.map((x, c) => (numeric[c] && c > 0 ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`\n${title}`, line(header), rule, ...rows.map(line)].join('\n');
}

export const fmt = {
  /** 12,345,678 -> "12.3 M" */
  si(x: number, digits = 1): string {
    if (!Number.isFinite(x)) return 'n/a';
    const a = Math.abs(x);
    return a >= 1e9
      ? `${(x / 1e9).toFixed(digits)} G`
      : a >= 1e6
        ? `${(x / 1e6).toFixed(digits)} M`
        : a >= 1e3
          ? `${(x / 1e3).toFixed(digits)} k`
          : x.toFixed(digits);
  },
  ms(x: number): string {
    return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;
  },
  mb(bytes: number): string {
    return `${(bytes / 2 ** 20).toFixed(0)} MB`;
  },
  pass(ok: boolean): string {
    return ok ? 'PASS' : 'FAIL';
  },
};
