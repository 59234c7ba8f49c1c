/**
 * Where src/MODEL.md describes each parameter: the first section (## or ###, after the overview) whose text
 * names the parameter's path in code, and the page of the model description itself (MODEL.md rendered to
 * model.html at build time, headings carrying the same anchors). Pure: text in, data out.
 */
import { Marked } from 'marked';

export interface ModelSection {
  anchor: string;
  title: string;
}

/** GitHub-style heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

interface Section extends ModelSection {
  text: string;
}

function sections(md: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const line of md.split('\n')) {
    const h = /^(#{2,3})\s+(.*)$/.exec(line);
    if (h) {
      current = { anchor: slug(h[2]!), title: h[2]!.trim(), text: '' };
      out.push(current);
    } else if (current) current.text += `${line}\n`;
  }
  return out;
}

/** For each path, the section that explains it (submodels first: they hold the mechanisms). */
export function modelSections(md: string, paths: readonly string[]): Record<string, ModelSection> {
  const all = sections(md);
  const order = [...all.filter((s) => /^7\./.test(s.title)), ...all.filter((s) => !/^7\./.test(s.title))];
  const out: Record<string, ModelSection> = {};
  for (const path of paths) {
    const re = new RegExp(`\`[^\`]*(?<![\\w.])${path.replace(/\./g, '\\.')}(?![\\w])[^\`]*\``);
    // A Beta shape (members.riskAversion.a) is described with its attribute (members.riskAversion).
    const parent = path.split('.').slice(0, -1).join('.');
    const reParent = new RegExp(`\`[^\`]*(?<![\\w.])${parent.replace(/\./g, '\\.')}(?![\\w])[^\`]*\``);
    const s =
      order.find((x) => re.test(x.text)) ??
      (parent.includes('.') ? order.find((x) => reParent.test(x.text)) : undefined);
    if (s) out[path] = { anchor: s.anchor, title: s.title };
  }
  return out;
}

/** MODEL.md as a standalone HTML page (trusted text: our own file), headings with the anchors above. */
export function modelPage(md: string): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${slug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(md, { async: false });
  return (
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>orgsim: model description</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; color: ` +
    `#111; }
code { font-size: .9em; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
pre { background: #f3f3f3; padding: .6rem; overflow: auto; }
table { border-collapse: collapse; display: block; overflow: auto; }
th, td { border: 1px solid #ccc; padding: .2rem .4rem; vertical-align: top; }
:target { background: #fff6c2; }
</style>
</head>
<body>
<p><a href="./">← back to the simulator</a></p>
${body}
</body>
</html>
`
  );
}
