/**
 * A Vite plugin that validates the shipped scenarios and reads the parameter list from the schema at build
 * time, in Node, with the same code as the command line (src/scenario/load.ts), and hands the results to the
 * page as plain data (`virtual:orgsim-shipped`). So the page starts without loading the validator (zod,
 * mathjs) on its main thread: what a user brings (files, links, changes) is checked in a worker instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario, parseJson, type Resolver } from '../../src/scenario/load.ts';
import { parameterList } from '../../src/scenario/paths.ts';
import { modelPage, modelSections } from './model-sections.ts';

const ID = 'virtual:orgsim-shipped';
const RESOLVED = `\0${ID}`;

export interface ShippedScenario {
  id: string;
  name: string;
  description: string;
  /** Validated: every default filled in. */
  scenario: unknown;
}

/** Every shipped scenario (but the claims' shared base), validated, the baseline first. */
export function shippedScenarios(dir: string): ShippedScenario[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const resolver: Resolver = (name) => {
    const file = join(dir, name.split('/').pop()!);
    return { raw: parseJson(readFileSync(file, 'utf8'), name), source: name };
  };
  const out: ShippedScenario[] = [];
  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    if (id === 'claim-base') continue;
    // A broken shipped file fails the build, naming the field.
    const scenario = loadScenario(readFileSync(join(dir, file), 'utf8'), { source: file, resolve: resolver });
    out.push({ id, name: scenario.name, description: scenario.description, scenario });
  }
  return out.sort((a, b) =>
    a.id === 'baseline' ? -1 : b.id === 'baseline' ? 1 : a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}

export function shippedPlugin(root = process.cwd()): Plugin {
  const scenarios = resolve(root, 'scenarios');
  const model = resolve(root, 'src/MODEL.md');
  return {
    name: 'orgsim-shipped',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of readdirSync(scenarios)) if (f.endsWith('.json')) this.addWatchFile(join(scenarios, f));
      this.addWatchFile(model);
      const data = {
        SHIPPED: shippedScenarios(scenarios),
        PARAMETERS: parameterList(),
        MODEL_SECTIONS: modelSections(
          readFileSync(model, 'utf8'),
          parameterList().map((p) => p.path),
        ),
      };
      return Object.entries(data)
        .map(([k, v]) => `export const ${k} = JSON.parse(${JSON.stringify(JSON.stringify(v))});`)
        .join('\n');
    },
    // The model description, linked from the parameters panel: model.html beside index.html.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/model.html') return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(modelPage(readFileSync(model, 'utf8')));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'model.html', source: modelPage(readFileSync(model, 'utf8')) });
    },
  };
}
