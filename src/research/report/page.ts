/**
 * The report as one self-contained HTML page: the chart script (d3 inside) and the data inline, a Content Security
 * Policy that forbids any request (the page opens offline, and a hostile name in the data cannot load
 * anything), every piece of text from the data inserted as text. Pure: strings in, a string out.
 */

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside <script type="application/json">: "<", ">" and "&" as \\u escapes, so that no
 * "</script>" or "<!--" in a value can end or alter the element; U+2028/2029 for old parsers.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Code inside <script>: a "</script" (only ever in a string or comment of the code) written as "<\\/script". */
export function scriptForHtml(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export const DATA_ELEMENT_ID = 'orgsim-data';

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

export interface PageParts {
  title: string;
  data: unknown;
  /** The chart script (with the parts of d3 it uses), which reads the data element and draws into #report. */
  charts: string;
  css: string;
}

export function reportPage(p: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>
${p.css}
</style>
</head>
<body>
<main id="report"><noscript>This report draws its charts with JavaScript.</noscript></main>
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(p.data)}</script>
<script>
${scriptForHtml(p.charts)}
</script>
</body>
</html>
`;
}

export const REPORT_CSS =
  `body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 0; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; }
h3 { font-size: 15px; margin: 16px 0 4px; } .sub { color: #555; margin: 4px 0 0; } .note { color: #666; font-size: ` +
  `12px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; } figure { margin: 0; } figcaption { font-size: 12px; color: #444; }
svg text { font: 11px system-ui, sans-serif; fill: #333; } .axis path, .axis line { stroke: #999; }
.mean { fill: none; stroke: #c0392b; stroke-width: 2; } .ci { stroke: #c0392b; } .run { fill: #2c7fb8; fill-opacity: ` +
  `0.35; }
.bar-S1, .bar-mu_star { fill: #2c7fb8; } .bar-ST, .bar-sigma { fill: #f39c12; } .bar-mu { fill: #7f8c8d; } .whisker ` +
  `{ stroke: #222; }
.table-wrap { overflow-x: auto; max-width: 100%; } table { border-collapse: collapse; margin: 8px 0 16px; font-size: ` +
  `13px; } th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #eee; vertical-align: top; }
th { border-bottom: 1px solid #bbb; font-weight: 600; }`;
