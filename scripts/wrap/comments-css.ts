/**
 * The comment and CSS half of scripts/wrap-long-lines.ts: rewraps long `//` and `/** *\/` comment paragraphs and
 * spreads long one-line CSS rules over lines. Pure text in, edits or text out.
 */
import { MAX_LINE } from '../line-length.ts';

export type Node = { type: string; start: number; end: number; [key: string]: unknown };
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Greedy fill of `words` into lines of `first` then `rest` prefixes, each at most MAX_LINE long. */
function fill(words: string[], first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > MAX_LINE) {
      lines.push(line);
      line = rest + w;
    } else line = empty ? line + w : `${line} ${w}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const DIRECTIVE = /^\s*(@ts-|biome-ignore|eslint|prettier-ignore|istanbul|c8 |v8 |@vite-ignore|#)/;
const STARTS_ITEM = /^([-*+] |\d+[.)] |@\w)/;

/** Comment lines rewrapped: paragraphs of `//` and ` * ` lines, trailing `//` comments, one-line blocks. */
export function commentEdits(src: string, comments: Node[]): Edit[] {
  const lines = src.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out = new Map<number, string[]>(); // first line index -> replacement lines (for `count` lines)
  const span = new Map<number, number>();
  const replace = (from: number, count: number, text: string[]) => {
    for (let k = from; k < from + count; k++) if (out.has(k) || [...span].some(([s, n]) => k >= s && k < s + n)) return;
    out.set(from, text);
    span.set(from, count);
  };
  // Prefix, text indentation, text: a `//` line or a line inside a block comment.
  const parts = (line: string, block: boolean) =>
    block ? (/^(\s*\*)( *)(.*)$/.exec(line) ?? /^(\s*\/\*\*?)( *)(.*)$/.exec(line)) : /^(\s*\/\/)( *)(.*)$/.exec(line);
  const paragraph = (from: number, last: number, block: boolean) => {
    const m = parts(lines[from]!, block)!;
    const prefix = m[1]!;
    const pad = m[2]!.length ? m[2]! : ' ';
    const item = STARTS_ITEM.exec(m[3]!);
    const more = item && !item[1]!.startsWith('@') ? ' '.repeat(item[1]!.length) : '';
    const words = m[3]!.split(/ +/).filter(Boolean);
    // Prose (and list items) take the next lines of their paragraph along; an indented line (a formula, a
    // listing) is only cut, its overflow on a line of its own.
    const prose = pad === ' ' || !!item;
    let k = from + 1;
    for (; prose && k <= last; k++) {
      const n = parts(lines[k]!, block);
      if (!n || n[1] !== (block ? prefix.replace(/\/\*\*?$/, ' *') : prefix) || !n[3] || n[3].endsWith('*/')) break;
      if (n[2] !== pad + more || STARTS_ITEM.test(n[3]) || n[3].startsWith('```')) break;
      words.push(...n[3].split(/ +/).filter(Boolean));
    }
    const cont = (block ? prefix.replace(/\/\*\*?$/, ' *') : prefix) + pad + more;
    replace(from, k - from, fill(words, prefix + pad, cont));
  };
  for (const c of comments) {
    const first = lineOf(c.start);
    const last = lineOf(c.end - 1);
    for (let i = first; i <= last; i++) {
      const line = lines[i]!;
      if (line.length <= MAX_LINE || DIRECTIVE.test(String(c.value))) continue;
      const before = line.slice(0, c.start - starts[i]!);
      if (c.type === 'CommentLine') {
        if (before.trim()) {
          // A trailing comment: on its own line above the code.
          const indent = /^ */.exec(line)![0];
          const words = String(c.value).trim().split(/ +/);
          replace(i, 1, [...fill(words, `${indent}// `, `${indent}// `), before.trimEnd()]);
        } else paragraph(i, lines.length - 1, false);
        break;
      }
      if (first === last) {
        if (before.trim() || src.slice(c.end, (starts[i + 1] ?? src.length + 1) - 1).trim()) break;
        const doc = src.startsWith('/**', c.start);
        const words = String(c.value).replace(/^\*/, '').trim().split(/ +/);
        replace(i, 1, [
          `${before}${doc ? '/**' : '/*'}`,
          ...fill(words, `${before} * `, `${before} * `),
          `${before} */`,
        ]);
        break;
      }
      if (i === last) {
        // Text and `*/` on the closing line: the text rewrapped, `*/` on its own line.
        const m = /^(\s*)\*?( *)(.*?)\s*\*\/\s*$/.exec(line);
        if (!m) continue;
        const ind = m[1]!;
        replace(i, 1, [...fill(m[3]!.split(/ +/), `${ind}* `, `${ind}* `), `${ind}*/`]);
        continue;
      }
      paragraph(i, last - 1, true);
      i += (span.get(i) ?? 1) - 1;
    }
  }
  if (!out.size) return [];
  const result: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (out.has(i)) {
      result.push(...out.get(i)!);
      i += span.get(i)! - 1;
    } else result.push(lines[i]!);
  }
  return [{ start: 0, end: src.length, text: result.join('\n') }];
}

/** Split at top-level occurrences of `sep` (not inside parentheses or quotes). */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(from, i).trim());
      from = i + sep.length;
    }
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}

/** The rules of `a { x: 1; } b { y: 2; }`, each with its braces. */
const splitRules = (text: string) => (text.match(/[^{}]+\{[^{}]*\}/g) ?? []).map((r) => r.trim());

/** One-line CSS rules and comments over the limit, spread over lines (each rule still long, again). */
export function wrapCss(src: string): string {
  return src
    .split('\n')
    .flatMap((line) => {
      if (line.length <= MAX_LINE) return [line];
      const indent = /^ */.exec(line)![0];
      const comment = /^\s*\/\*\s*(.*?)\s*\*\/\s*$/.exec(line);
      if (comment)
        return fill(comment[1]!.split(/ +/), `${indent}/* `, `${indent}   `).map((l, i, all) =>
          i === all.length - 1 ? `${l} */` : l,
        );
      const media = /^(\s*)(@[^{}]+?)\s*\{\s*(.*\})\s*\}\s*$/.exec(line);
      if (media)
        return [`${indent}${media[2]} {`, ...splitRules(media[3]!).map((r) => `${indent}  ${r}`), `${indent}}`];
      const rule = /^(\s*)([^{}]+?)\s*\{\s*([^{}]*?)\s*\}\s*$/.exec(line);
      if (!rule) return [line];
      const selectors = splitTop(rule[2]!, ',');
      const head = fill(
        selectors.map((s, i) => (i < selectors.length - 1 ? `${s},` : `${s} {`)),
        indent,
        indent,
      );
      const decls = splitTop(rule[3]!, ';').map((d) => `${d};`);
      return [...head, ...fill(decls, `${indent}  `, `${indent}  `), `${indent}}`];
    })
    .join('\n');
}
