/**
 * Brings every line of the code folders (scripts/line-length.ts) within 120 characters where Biome's formatter
 * does not: it wraps code, but leaves comments, strings and this project's one-line CSS rules as they are.
 *
 *   npx tsx scripts/wrap-long-lines.ts           rewrap, then run Biome's formatter on the files it changed
 *   npx tsx scripts/wrap-long-lines.ts --check   only list the lines still too long (exit 1 if any)
 *
 * - A long string literal or template literal becomes a concatenation of pieces cut after a space
 *   ('a b' -> 'a ' + 'b'): the string's value is the same, byte for byte (error messages are tested verbatim).
 *   Strings where a concatenation is not allowed (imports, property keys, types, tagged templates) are left.
 *   A test's title is continued on the next line with a backslash instead (the test's body stays where it is);
 *   a long regular expression literal becomes `new RegExp(...)` of raw pieces of its source, flags kept.
 * - A long `//` or `/** *\/` comment line is rewrapped with the rest of its paragraph; a trailing `//` comment
 *   moves above its line; a one-line `/** ... *\/` becomes a block.
 * - A long one-line CSS rule gets one line for the selector, its declarations packed into lines, and `}`.
 * Deterministic and idempotent: run it twice, the second run changes nothing. What it cannot fix it lists.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@babel/parser';
import { checkedFiles, longLines, MAX_LINE, ROOT } from './line-length.ts';

import { commentEdits, type Edit, type Node, wrapCss } from './wrap/comments-css.ts';

const isNode = (x: unknown): x is Node => !!x && typeof x === 'object' && typeof (x as Node).type === 'string';

/** Parent types (and keys) under which a string must stay one literal. */
function literalOnly(parent: Node, key: string): boolean {
  if (/^(Import|Export)/.test(parent.type) && key === 'source') return true;
  if (parent.type === 'ImportAttribute' || parent.type === 'TaggedTemplateExpression') return true;
  if (parent.type === 'TSEnumMember' || parent.type === 'JSXAttribute' || parent.type === 'Directive') return true;
  if (key === 'key' && !parent.computed) return true;
  if (parent.type === 'CallExpression' && (parent.callee as Node).type === 'Import') return true;
  if (parent.type === 'TSAsExpression' && (parent.typeAnnotation as Node).type === 'TSTypeReference') {
    const name = ((parent.typeAnnotation as Node).typeName as Node).name;
    if (name === 'const') return true;
  }
  return false;
}

/** Where `a + b` can stand for one literal without parentheses. */
function bareConcatenationFits(parent: Node, key: string): boolean {
  const keys: Record<string, string[]> = {
    CallExpression: ['arguments'],
    NewExpression: ['arguments'],
    OptionalCallExpression: ['arguments'],
    VariableDeclarator: ['init'],
    ObjectProperty: ['value'],
    ArrayExpression: ['elements'],
    ReturnStatement: ['argument'],
    ThrowStatement: ['argument'],
    ArrowFunctionExpression: ['body'],
    AssignmentExpression: ['right'],
    AssignmentPattern: ['right'],
    ConditionalExpression: ['consequent', 'alternate'],
    TemplateLiteral: ['expressions'],
    ClassProperty: ['value'],
    SwitchCase: ['test'],
    LogicalExpression: ['left', 'right'],
  };
  if (keys[parent.type]?.includes(key)) return true;
  return parent.type === 'BinaryExpression' && /^(\+|===?|!==?|<=?|>=?|in|instanceof)$/.test(String(parent.operator));
}

/** Type-only subtrees: a literal there is a type, not a value. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeParameters']);
const VALUE_TS = new Set(
  ['As', 'Satisfies', 'NonNull', 'Instantiation', 'ModuleDeclaration', 'ModuleBlock', 'ExportAssignment']
    .map((t) => `TS${t}${/^(As|Satisfies|NonNull|Instantiation)$/.test(t) ? 'Expression' : ''}`)
    .concat(['TSTypeAssertion', 'TSParameterProperty']),
);

interface Atom {
  text: string;
  /** Whether the piece can be cut inside this atom (text), or only before it (an interpolation `${...}`). */
  breakable: boolean;
}

/**
 * Where to cut the text of `atoms` into pieces of at most `width` characters: after a space if it can, else
 * (`fallback`) after a comma, semicolon or bar (a CSV header), before an interpolation or, for a regular
 * expression, between any two characters. Never inside an
 * interpolation, never after an odd run of backslashes (an escape), never leaving a tail under 8 characters.
 */
function cuts(atoms: Atom[], width: number, fallback: 'none' | 'soft' | 'boundaries' | 'anywhere'): number[] {
  const text = atoms.map((a) => a.text).join('');
  const spaces: number[] = [];
  const soft: number[] = []; // after `|`, `,` or `;`: between alternatives of a regular expression
  const others: number[] = [];
  let at = 0;
  for (const atom of atoms) {
    for (let i = 0; i < atom.text.length; i++) {
      const p = at + i;
      if (p === 0 || (i > 0 && !atom.breakable)) continue;
      let slashes = 0;
      for (let j = p - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
      if (slashes % 2) continue;
      if (text[p - 1] === ' ' && (atom.breakable || i === 0)) spaces.push(p);
      else if ((fallback === 'anywhere' || fallback === 'soft') && /[|,;]/.test(text[p - 1]!)) soft.push(p);
      else if (fallback === 'anywhere' || (fallback === 'boundaries' && i === 0)) others.push(p);
    }
    at += atom.text.length;
  }
  const chosen: number[] = [];
  let from = 0;
  while (text.length - from > width) {
    const ok = (p: number) => p > from && text.length - p >= 8;
    const best = (list: number[]) => list.filter((p) => ok(p) && p - from <= width).pop();
    const next = best(spaces) ?? best(soft) ?? best(others) ?? spaces.find(ok);
    if (next === undefined) break;
    chosen.push(next);
    from = next;
  }
  return chosen;
}

const pieces = (text: string, points: number[]) =>
  [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));

function splitString(src: string, node: Node, width: number): string | null {
  const quote = src[node.start]!;
  const body = src.slice(node.start + 1, node.end - 1);
  const points = cuts([{ text: body, breakable: true }], width - 2, 'soft');
  return points.length
    ? pieces(body, points)
        .map((p) => quote + p + quote)
        .join(' + ')
    : null;
}

function splitTemplate(src: string, node: Node, width: number): string | null {
  const quasis = node.quasis as Node[];
  const atoms: Atom[] = [];
  quasis.forEach((q, i) => {
    atoms.push({ text: src.slice(q.start, q.end), breakable: true });
    if (i + 1 < quasis.length) atoms.push({ text: src.slice(q.end, quasis[i + 1]!.start), breakable: false });
  });
  const body = atoms.map((a) => a.text).join('');
  if (body.includes('\n')) return splitMultiline(src, node, atoms, body);
  const points = cuts(atoms, width - 2, 'boundaries');
  return points.length
    ? pieces(body, points)
        .map((p) => `\`${p}\``)
        .join(' + ')
    : null;
}

/**
 * A template literal over several lines (a usage text, a style sheet): each line too long is cut once, after its
 * last space within the limit that is not inside an interpolation; the piece after the cut starts a new literal.
 */
function splitMultiline(src: string, node: Node, atoms: Atom[], body: string): string | null {
  const open = node.start + 1;
  const inside = new Uint8Array(body.length);
  let at = 0;
  for (const a of atoms) {
    if (!a.breakable) inside.fill(1, at, at + a.text.length);
    at += a.text.length;
  }
  const points: number[] = [];
  let lineStart = lineStartOf(src, node.start) - open;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== '\n') continue;
    if (i - lineStart > MAX_LINE) {
      for (let p = lineStart + MAX_LINE - 3; p > Math.max(lineStart, 0) + 8; p--) {
        if (body[p - 1] === ' ' && !inside[p - 1] && !inside[p] && body[p - 2] !== '\\') {
          points.push(p);
          break;
        }
      }
    }
    lineStart = i + 1;
  }
  return points.length
    ? pieces(body, points)
        .map((p) => `\`${p}\``)
        .join(' + ')
    : null;
}

/** A regular expression literal as `new RegExp(pieces, flags)`, each piece its source's raw text. */
function splitRegExp(node: Node, width: number): string | null {
  const pattern = String(node.pattern);
  const flags = String(node.flags);
  if (pattern.includes('`') || pattern.includes('${')) return null;
  const points = cuts([{ text: pattern, breakable: true }], width - 14, 'anywhere');
  if (!points.length) return null;
  const raw = pieces(pattern, points).map((p) => (p.includes('\\') ? `String.raw\`${p}\`` : `\`${p}\``));
  return `new RegExp(${raw.join(' + ')}${flags ? `, '${flags}'` : ''})`;
}

const lineStartOf = (src: string, at: number) => src.lastIndexOf('\n', at - 1) + 1;
const indentAt = (src: string, at: number) => /^ */.exec(src.slice(lineStartOf(src, at)))![0].length;
const TEST_CALL = /^(it|test|describe|bench)$/;

/**
 * A test's title continued on the next line with a backslash (a line continuation: the title's value is the same).
 * Cut into pieces, it would push the test's whole body one level in: the formatter hugs `it('title', () => {`
 * only when the title is one literal.
 */
function continueTitle(src: string, node: Node, lineStart: number): string | null {
  if (src.slice(node.start, node.end).includes('\n')) return null;
  const atoms: Atom[] = [];
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as Node[];
    quasis.forEach((q, i) => {
      atoms.push({ text: src.slice(q.start, q.end), breakable: true });
      if (i + 1 < quasis.length) atoms.push({ text: src.slice(q.end, quasis[i + 1]!.start), breakable: false });
    });
  } else if (node.type === 'StringLiteral')
    atoms.push({ text: src.slice(node.start + 1, node.end - 1), breakable: true });
  else return null;
  const body = atoms.map((a) => a.text).join('');
  const room = MAX_LINE - 1 - (node.start + 1 - lineStart);
  const points = cuts(atoms, Math.min(room, body.length - 10), 'none').slice(0, 1);
  if (!points.length || points[0]! > room) return null;
  const q = src[node.start]!;
  return `${q}${body.slice(0, points[0])}\\\n${body.slice(points[0])}${q}`;
}

/** A test's title: the formatter keeps `it('title', async () => {` on one line, however long. */
function isTestTitle(parent: Node, key: string): boolean {
  if (parent.type !== 'CallExpression' || key !== 'arguments' || (parent.arguments as Node[])[0] === undefined)
    return false;
  let callee = parent.callee as Node;
  while (callee.type === 'MemberExpression') callee = callee.object as Node;
  return callee.type === 'Identifier' && TEST_CALL.test(String(callee.name));
}

/** Concatenations for the string literals that run past the limit. */
function stringEdits(src: string, ast: Node): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: Node, parent: Node | null, key: string) => {
    if (/^TS/.test(node.type) && !VALUE_TS.has(node.type)) return;
    if (parent && /^(StringLiteral|TemplateLiteral|RegExpLiteral)$/.test(node.type) && !literalOnly(parent, key)) {
      const start = lineStartOf(src, node.start);
      const lineEnd = src.indexOf('\n', node.end);
      const lines = src.slice(start, lineEnd < 0 ? src.length : lineEnd).split('\n');
      const onLongLine = lines.some((l) => l.length > MAX_LINE);
      const first = (parent.arguments as Node[] | undefined)?.[0] === node && isTestTitle(parent, key);
      if (onLongLine && (node.end - start > MAX_LINE - 2 || (first && node.end - node.start > 30))) {
        const width = Math.max(40, MAX_LINE - indentAt(src, node.start) - 10);
        const text = first
          ? continueTitle(src, node, start)
          : node.type === 'StringLiteral'
            ? splitString(src, node, width)
            : node.type === 'TemplateLiteral'
              ? splitTemplate(src, node, width)
              : splitRegExp(node, width);
        if (text) {
          const bare = first || node.type === 'RegExpLiteral' || bareConcatenationFits(parent, key);
          edits.push({ start: node.start, end: node.end, text: bare ? text : `(${text})` });
          return;
        }
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (TYPE_KEYS.has(k) || k === 'loc' || k === 'extra' || /Comments$/.test(k)) continue;
      if (Array.isArray(v)) for (const c of v) isNode(c) && visit(c, node, k);
      else if (isNode(v)) visit(v, node, k);
    }
  };
  visit(ast, null, '');
  return edits;
}

function apply(src: string, edits: Edit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function parseFile(src: string, file: string): Node & { comments: Node[] } {
  const ast = parse(src, { sourceType: 'module', plugins: ['typescript'], sourceFilename: file }) as unknown;
  return ast as Node & { comments: Node[] };
}

/** One pass over the files with long lines; the files it changed. */
function pass(files: string[], what: 'strings' | 'comments'): string[] {
  const changed: string[] = [];
  for (const file of files) {
    const path = join(ROOT, file);
    const src = readFileSync(path, 'utf8');
    let next = src;
    if (file.endsWith('.css')) next = what === 'comments' ? wrapCss(wrapCss(src)) : src;
    else if (/\.(ts|mts|mjs|js)$/.test(file)) {
      const ast = parseFile(src, file);
      next =
        what === 'strings'
          ? apply(src, stringEdits(src, ast.program as Node))
          : apply(src, commentEdits(src, ast.comments));
    }
    if (next !== src) {
      writeFileSync(path, next);
      changed.push(file);
    }
  }
  return changed;
}

function format(files: string[]): void {
  const js = files.filter((f) => !f.endsWith('.css'));
  if (!js.length) return;
  const biome = join(ROOT, 'node_modules/.bin/biome');
  execFileSync(biome, ['format', '--write', ...js], { cwd: ROOT, stdio: 'pipe' });
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const named = argv.filter((a) => !a.startsWith('--'));
  const files = named.length ? named : checkedFiles();
  const pending = () => [...new Set(longLines(ROOT, files).map((l) => l.file))];
  if (!check) {
    // Strings first (the formatter then lays the concatenations out), until nothing more can be cut.
    for (let round = 0; round < 4; round++) {
      const changed = pass(pending(), 'strings');
      if (!changed.length) break;
      format(changed);
    }
    const changed = pass(pending(), 'comments');
    format(changed);
  }
  const left = longLines(ROOT, files);
  for (const l of left) process.stdout.write(`${l.file}:${l.line}: ${l.length} characters\n`);
  process.stdout.write(`${left.length} line(s) over ${MAX_LINE} characters${left.length ? ' (to fix by hand)' : ''}\n`);
  return check && left.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
