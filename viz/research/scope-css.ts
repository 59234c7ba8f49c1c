/**
 * The report's style sheet (src/research/report/page.ts, REPORT_CSS) applied to the page's "Sweep results"
 * view: every rule scoped to the view's root, `body` and `main` becoming the root itself, so the view looks
 * like `orgsim report` and nothing else on the page changes. Pure: text in, text out.
 */
export function scopeCss(css: string, scope: string): string {
  return css.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors: string, body: string) => {
    const scoped = selectors
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (s === 'body' || s === 'main' ? scope : `${scope} ${s}`))
      .join(', ');
    return `${scoped} {${body}}`;
  });
}
