/**
 * The house's floors (README, Layout): arrows only run down. src/ is the pure core: it imports nothing from
 * Node (`node:` or a built-in module), the command line, the server, the page or the workers. The page never
 * imports the node side. Only the commands (cli/commands/, cli/main.ts and the package's entry) start the workshop
 * server, and the server uses the command line's file helpers, never a command.
 *
 * The graph is read from the sources (every `import`/`export ... from`, `import(...)` and
 * `new URL(..., import.meta.url)`, type-only imports included: a type pulled up a floor is an arrow too).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Rooms, each on a floor; a file imports its own room or any room on a lower floor. */
const ROOMS: { room: string; floor: number; holds: (path: string) => boolean }[] = [
  { room: 'src', floor: 0, holds: (p) => p.startsWith('src/') },
  { room: 'workers', floor: 1, holds: (p) => p.startsWith('workers/') },
  { room: 'viz', floor: 2, holds: (p) => p.startsWith('viz/') },
  { room: 'cli', floor: 2, holds: (p) => p.startsWith('cli/') && !isCommand(p) },
  { room: 'server', floor: 3, holds: (p) => p.startsWith('server/') },
  { room: 'commands', floor: 4, holds: isCommand },
];
function isCommand(p: string): boolean {
  return p.startsWith('cli/commands/') || p === 'cli/main.ts' || p === 'cli/package-entry.ts';
}
const roomOf = (p: string) => ROOMS.find((r) => r.holds(p));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"])([^'"\n]+)\1/g;

/** Every specifier a file names, comments left out (a comment may quote an old path). */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPECIFIER)].map((m) => m[2]!);
}

interface Arrow {
  from: string;
  to: string;
}
function arrows(files: readonly string[]): Arrow[] {
  const out: Arrow[] = [];
  for (const from of files) {
    for (const spec of specifiers(readFileSync(join(ROOT, from), 'utf8'))) {
      const to = spec.startsWith('.') ? normalize(join(dirname(from), spec)) : spec;
      out.push({ from, to });
    }
  }
  return out;
}

const isNode = (to: string) => to.startsWith('node:') || builtinModules.includes(to.split('/')[0]!);
const FILES = ['src', 'workers', 'viz', 'cli', 'server'].flatMap(sources);
const ARROWS = arrows(FILES);

describe('the layers', () => {
  it('reads the graph (the test sees the arrows it checks)', () => {
    expect(FILES.length).toBeGreaterThan(150);
    expect(ARROWS.some((a) => a.from === 'cli/commands/serve.ts' && a.to === 'server/workshop.ts')).toBe(true);
    expect(ARROWS.some((a) => a.from === 'viz/worker.ts' && a.to === 'workers/sim.worker.ts')).toBe(true);
    expect(ARROWS.some((a) => a.from.startsWith('src/') && a.to === 'zod')).toBe(true);
  });

  it('the core imports nothing from Node', () => {
    expect(ARROWS.filter((a) => a.from.startsWith('src/') && isNode(a.to)).map((a) => `${a.from} -> ${a.to}`)).toEqual(
      [],
    );
  });

  it('no arrow runs up a floor or across to another room of the same floor', () => {
    const up = ARROWS.filter((a) => {
      const from = roomOf(a.from);
      const to = roomOf(a.to);
      if (!from || !to || from === to) return false;
      return to.floor >= from.floor;
    });
    expect(up.map((a) => `${a.from} -> ${a.to}`)).toEqual([]);
  });

  it('catches an arrow running up (the check is not vacuous)', () => {
    const text =
      "import type { X } from '../../cli/commands/claims.ts';\nexport { y } from \"node:fs\";\n// from '../viz/x.ts'";
    expect(specifiers(text)).toEqual(['../../cli/commands/claims.ts', 'node:fs']);
  });
});
