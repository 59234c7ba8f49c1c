#!/usr/bin/env node
/**
 * `npm run build:node`: the node side as the package ships it, compiled JavaScript in dist-node/ (no TypeScript
 * loader at run time). Run by `prepare` (npm install / npm ci in a checkout), by `prepack` (npm pack) and before
 * the tests (test/build.global.ts). Plain JavaScript, so that it runs with node alone.
 *
 * - dist-node/cli.mjs: the command line and the workshop server (cli/package-entry.ts), what bin/orgsim.mjs runs;
 * - dist-node/node-worker.mjs: a worker thread (workers/node-entry.ts). workers/pool.ts starts
 *   `new URL('./node-worker.mjs', import.meta.url)`: beside the sources that is workers/node-worker.mjs (tsx,
 *   for the tests that import the pool), beside the bundle it is this file;
 * - dist-node/report-charts.js: the chart script of `orgsim report` (viz/research/report-entry.ts, with the parts
 *   of d3 it draws with), one classic script that the report inlines;
 * - dist-node/inputs.json: the sources each output was built from (bin/orgsim.mjs rebuilds when one is newer).
 *
 * The packages in `dependencies` stay imports (npm installs them beside the package); everything else is bundled.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = join(ROOT, 'dist-node');
const INPUTS = join(OUT, 'inputs.json');

/** Every output, written whole or not at all (a test run and a command may build at the same time). */
function writeOutputs(files) {
  mkdirSync(OUT, { recursive: true });
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
  const node = await esbuild({
    ...common,
    entryPoints: { cli: 'cli/package-entry.ts', 'node-worker': 'workers/node-entry.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // One copy of a module shared by the two entries would need a third file; each entry stands alone instead.
    splitting: false,
  });
  const charts = await esbuild({
    ...common,
    entryPoints: { 'report-charts': 'viz/research/report-entry.ts' },
    outdir: OUT,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
  });
  const outputs = [...node.outputFiles, ...charts.outputFiles];
  const inputs = [...new Set([...Object.keys(node.metafile.inputs), ...Object.keys(charts.metafile.inputs)])]
    .filter((p) => !p.startsWith('node_modules/'))
    .sort();
  writeOutputs([
    ...outputs,
    { path: INPUTS, contents: `${JSON.stringify({ inputs: [...inputs, 'package.json'] }, null, 1)}\n` },
  ]);
  return outputs.map((f) => f.path);
}

/** The build is missing, or a source it was built from changed since (a checkout only: the package has none). */
export function stale() {
  let built;
  let inputs;
  try {
    built = statSync(INPUTS).mtimeMs;
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8')).inputs;
  } catch {
    return true;
  }
  for (const p of inputs) {
    try {
      if (statSync(join(ROOT, p)).mtimeMs > built) return true;
    } catch {
      return true; // a source was removed or renamed
    }
  }
  return false;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await build();
  process.stdout.write(`build-node: wrote ${written.map((p) => p.slice(ROOT.length)).join(', ')}\n`);
}
