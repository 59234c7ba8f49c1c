/**
 * Functions that read in one sitting: no function over 80 lines in src/ and no file over 400 lines in src/, viz/
 * and workers/ (issue 23). Function lengths come from the TypeScript compiler's syntax tree (its API, over the
 * project's tsconfig), so a function is whatever the compiler says is one: declarations, methods, constructors,
 * accessors, function expressions and arrow functions, each counted from its first token (not its doc comment)
 * to its closing brace, nested functions counted inside their parents too. Also: src/model imports nothing from
 * src/metrics (the recorder declares the series it fills).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API } from 'typescript/unstable/sync';
import { SyntaxKind } from 'typescript/unstable/ast';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 400;
/** Folders whose files are held to 400 lines (every folder of code); src/ is also held to 80 lines a function. */
const FILE_FOLDERS = ['src', 'viz', 'workers', 'cli', 'server', 'bench', 'scripts', 'test', 'bin'];

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

const FUNCTION_KINDS = new Set<number>([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

interface Measured {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Every function of the given files with its length in lines, read from the compiler's syntax trees. */
function measureFunctions(files: readonly string[]): Measured[] {
  const api = new API({ cwd: ROOT });
  try {
    const project = api.updateSnapshot({ openProject: join(ROOT, 'tsconfig.json') }).getProjects()[0]!;
    const found: Measured[] = [];
    for (const file of files) {
      const sf = project.program.getSourceFile(join(ROOT, file));
      if (!sf) throw new Error(`${file} is not in tsconfig.json's program`);
      const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
      const visit = (node: Parameters<Parameters<typeof sf.forEachChild>[0]>[0], owner: string): void => {
        let name = owner;
        if (FUNCTION_KINDS.has(node.kind)) {
          const named = (node as { name?: { text?: string } }).name?.text;
          // A function with no name of its own takes its variable's, class's or parent's.
          name = named ?? (node.kind === SyntaxKind.Constructor ? `${owner} constructor` : owner);
          const start = lineOf(node.getStart(sf));
          found.push({ file, name, line: start + 1, lines: lineOf(node.end) - start + 1 });
        } else if (node.kind === SyntaxKind.ClassDeclaration || node.kind === SyntaxKind.VariableDeclaration) {
          name = (node as { name?: { text?: string } }).name?.text ?? owner;
        }
        node.forEachChild((child) => void visit(child, name));
      };
      sf.forEachChild((child) => void visit(child, '(module)'));
    }
    return found;
  } finally {
    api.close();
  }
}

describe('length limits', () => {
  const files = FILE_FOLDERS.flatMap(sources);

  it(`no file in ${FILE_FOLDERS.join(', ')} is over ${MAX_FILE_LINES} lines`, () => {
    const over = files
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(over).toEqual([]);
  });

  it(`no function in src/ is over ${MAX_FUNCTION_LINES} lines (compiler's syntax tree)`, () => {
    const measured = measureFunctions(files.filter((f) => f.startsWith('src/')));
    // The measure itself: it finds functions, and a long one would show (decide.ts has one of tens of lines).
    expect(measured.some((m) => m.file === 'src/model/decide.ts' && m.lines > 40)).toBe(true);
    const over = measured
      .filter((m) => m.lines > MAX_FUNCTION_LINES)
      .map((m) => `${m.file}:${m.line} ${m.name}: ${m.lines} lines`);
    expect(over).toEqual([]);
  });

  it('src/model imports nothing from src/metrics: the arrow runs metrics -> model only', () => {
    const upward = files
      .filter((f) => f.startsWith('src/model/'))
      .filter((f) => /from\s+['"][^'"]*\/metrics\//.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(upward).toEqual([]);
  });

  it('counts a function from its first token to its closing brace, nested ones too', () => {
    const measured = measureFunctions(['test/fixtures/function-lengths.ts']);
    expect(measured.map((m) => [m.name, m.line, m.lines])).toEqual([
      ['outer', 3, 7],
      ['inner', 4, 3],
      ['arrow', 7, 1],
    ]);
  });
});
