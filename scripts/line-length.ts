/**
 * The files whose lines must stay within MAX_LINE characters, and the lines that do not: what
 * test/line-length.test.ts checks and scripts/wrap-long-lines.ts fixes. The same folders as biome.jsonc's
 * `files.includes`, less the data (fixtures, goldens, snapshots, viz/importance.json) and the files npm writes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MAX_LINE = 120;
export const ROOT = new URL('..', import.meta.url).pathname;

const FOLDERS = ['src', 'cli', 'server', 'workers', 'viz', 'bench', 'scripts', 'test', 'bin'];
const CONFIG_FILES = ['vite.config.ts', 'tsconfig.json', 'biome.jsonc'];
const EXTENSIONS = /\.(ts|mts|mjs|js|css)$/;
const EXCLUDED = [
  /(^|\/)node_modules\//,
  /(^|\/)dist[^/]*\//,
  /(^|\/)test-results\//,
  /^test\/__golden__\//,
  /^test\/__snapshots__\//,
  /^test\/fixtures\//,
  /\.min\.js$/,
];

/** Paths relative to the root, sorted: every checked file. */
export function checkedFiles(root = ROOT): string[] {
  const out: string[] = CONFIG_FILES.filter((f) => existsSync(join(root, f)));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (statSync(path).isDirectory()) {
        if (!EXCLUDED.some((re) => re.test(`${rel}/`))) walk(path);
      } else if (EXTENSIONS.test(name) && !EXCLUDED.some((re) => re.test(rel))) out.push(rel);
    }
  };
  for (const folder of FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  return out.sort();
}

export interface LongLine {
  file: string;
  line: number;
  length: number;
}

/** Every line over MAX_LINE characters (counted in UTF-16 code units, as editors and Biome count them). */
export function longLines(root = ROOT, files = checkedFiles(root)): LongLine[] {
  const out: LongLine[] = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.length > MAX_LINE) out.push({ file, line: i + 1, length: text.length });
    });
  }
  return out;
}
