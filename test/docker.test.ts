/**
 * deploy/Dockerfile, checked without Docker (there is none in CI): the image is the package as `npm pack` makes
 * it, installed with its run-time dependencies only, and its build stage copies every input of that build.
 * test/package.test.ts packs from exactly the files this build stage copies and runs `orgsim report` (and five
 * other commands) from the installed tarball, which is what the image's `orgsim` is.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './sweep-helpers.ts';
import { copied, dockerStages } from './dockerfile.ts';

const [build, image] = dockerStages();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  files: string[];
  engines: { node: string };
};

describe('deploy/Dockerfile', () => {
  it('has a build stage that packs the package and an image that installs the tarball, nothing else', () => {
    expect(dockerStages()).toHaveLength(2);
    // prepare would build before the sources are in
    expect(build!.runs.join('\n')).toMatch(/^npm ci --ignore-scripts\b/m);
    expect(build!.runs.join('\n')).toMatch(/\bnpm pack\b/);
    expect(image!.from).toBe(build!.from);
    // a Node the package accepts
    expect(pkg.engines.node).toMatch(new RegExp(`\\^${/node:(\d+)/.exec(image!.from)![1]}\\.`));
    expect(image!.copies).toEqual([{ from: build!.name, sources: ['/tmp/orgsim.tgz'], dest: '/tmp/orgsim.tgz' }]);
    expect(image!.runs.join('\n')).toMatch(/npm install --global --omit=dev .*\/tmp\/orgsim\.tgz/);
    expect(image!.entrypoint).toEqual(['orgsim']);
    expect(image!.user).toBe('node');
    expect(image!.env.join(' ')).toMatch(/ORGSIM_GIT_COMMIT=\$GIT_COMMIT/);
  });

  it('copies into the build stage every source the build reads and every file the package ships', () => {
    // The node side's inputs as the last build recorded them (test/build.global.ts builds before the tests).
    const inputs = (JSON.parse(readFileSync(join(ROOT, 'dist-node/inputs.json'), 'utf8')) as { inputs: string[] })
      .inputs;
    expect(inputs).toContain('cli/main.ts');
    expect(inputs.filter((p) => !copied(build!, p))).toEqual([]);
    // The page: vite's config, its entries, and what its build plugin reads.
    for (const p of [
      'vite.config.ts',
      'index.html',
      'room.html',
      'join.html',
      'viz/main.ts',
      'src/MODEL.md',
      'scripts/build-node.mjs',
    ])
      expect(copied(build!, p), p).toBe(true);
    // What ships and is not built: copied as it is.
    const built = ['dist/', 'dist-node/'];
    for (const f of pkg.files.filter((f) => !built.some((b) => f.startsWith(b))))
      expect(copied(build!, f.replace(/\/$/, '')), f).toBe(true);
    expect(copied(build!, 'test/cli.test.ts')).toBe(false);
  });

  it('is what the Kubernetes jobs run: orgsim from the PATH, the entry point of the image', () => {
    const job = (file: string) =>
      parseAllDocuments(readFileSync(join(ROOT, 'deploy/k8s', file), 'utf8'))[0]!.toJS().spec.template.spec
        .containers[0];
    const sweep = job('sweep-job.yaml');
    expect(sweep.command).toBeUndefined();
    expect(sweep.args[0]).toBe('sweep');
    const merge = job('merge-job.yaml').args.join(' ');
    expect(merge).toMatch(/^orgsim merge .* && orgsim report \/results\/sweep\/merged$/);
    expect(merge).not.toMatch(/bin\/orgsim|tsx|node /);
  });
});
