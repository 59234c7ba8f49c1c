/**
 * The Kubernetes manifests of deploy/k8s/, checked against the Kubernetes API schema without a cluster:
 * kubernetes-models (the OpenAPI schema of Kubernetes compiled to validators, with its TypeScript types) checks
 * each document's kind, the type and allowed values of every field and the required ones; the TypeScript
 * compiler, given each document as an object literal of its API type, refuses any field the API does not know
 * (a misspelt one would pass the schema, and kubectl's strict field validation would then refuse the
 * manifest). Then the Jobs agree with each other and with the sweep's sharding.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { ROOT } from './sweep-helpers.ts';

const K8S = join(ROOT, 'deploy/k8s');
/** The kinds the manifests use: their model (schema validator) and their TypeScript type. */
const KINDS: Record<string, { model: new (data: never) => { validate(): void }; type: string; module: string }> = {
  'batch/v1 Job': { model: Job as never, type: 'IJob', module: 'kubernetes-models/batch/v1/Job' },
  'v1 PersistentVolumeClaim': {
    model: PersistentVolumeClaim as never,
    type: 'IPersistentVolumeClaim',
    module: 'kubernetes-models/v1/PersistentVolumeClaim',
  },
};

type Manifest = Record<string, any>;

function documents(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((d) => {
    expect(d.errors, `${file}: ${d.errors.join('; ')}`).toEqual([]);
    return d.toJS() as Manifest;
  });
}

const files = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const manifests = files.flatMap((file) => documents(file).map((doc, i) => ({ name: `${file}#${i}`, doc })));

function kindOf(doc: Manifest) {
  const kind = KINDS[`${doc.apiVersion} ${doc.kind}`];
  if (!kind) throw new Error(`${doc.apiVersion} ${doc.kind} is not a kind this test knows: add it to KINDS`);
  return kind;
}

/** Schema errors of a document ('' if none). */
function schemaErrors(doc: Manifest): string {
  try {
    new (kindOf(doc).model)(structuredClone(doc) as never).validate();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Fields the API does not know, as the TypeScript compiler words them ('' if none). */
async function unknownFields(docs: { name: string; doc: Manifest }[]): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/orgsim-k8s');
  mkdirSync(dir, { recursive: true });
  const imports = [...new Set(docs.map(({ doc }) => kindOf(doc)))].map(
    (k) => `import type { ${k.type} } from '${k.module}';`,
  );
  const body = docs.map(
    ({ name, doc }, i) => `// ${name}\nexport const m${i}: ${kindOf(doc).type} = ${JSON.stringify(doc, null, 1)};`,
  );
  const file = join(dir, `manifests-${process.pid}.ts`);
  writeFileSync(file, [...imports, ...body].join('\n') + '\n');
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  try {
    await promisify(execFile)(
      tsc,
      [
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        '',
        file,
      ],
      { cwd: ROOT },
    );
    return '';
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    return (x.stdout || x.stderr || x.message).trim();
  } finally {
    rmSync(file, { force: true });
  }
}

describe('deploy/k8s manifests', () => {
  it('are valid against the Kubernetes API schema', () => {
    expect(manifests.map((m) => m.name)).toEqual(['merge-job.yaml#0', 'results-pvc.yaml#0', 'sweep-job.yaml#0']);
    for (const { name, doc } of manifests) expect(schemaErrors(doc), name).toBe('');
  });

  it('use no field the API does not know', async () => {
    expect(await unknownFields(manifests)).toBe('');
  });

  it('and the checks catch a misspelt field, a wrong type and a wrong value', async () => {
    const sweep = () => structuredClone(manifests.find((m) => m.name === 'sweep-job.yaml#0')!.doc);
    const container = sweep();
    container.spec.template.spec.containers[0].imagePulPolicy = 'Always';
    const spec = sweep();
    spec.spec.backoffLimitPerIndx = 3;
    const found = await unknownFields([
      { name: 'container', doc: container },
      { name: 'spec', doc: spec },
    ]);
    expect(found).toMatch(/'"imagePulPolicy"' does not exist in type 'IContainer'/);
    expect(found).toMatch(/'"backoffLimitPerIndx"' does not exist in type 'IJobSpec'/);
    const typed = sweep();
    typed.spec.completions = 'eight';
    expect(schemaErrors(typed)).toMatch(/spec\/completions must be integer/);
    typed.spec.completions = 8;
    typed.spec.completionMode = 'Indexd';
    expect(schemaErrors(typed)).toMatch(/completionMode must be equal to one of the allowed values/);
  });

  it('shard the sweep over its completion indexes and merge what it wrote', () => {
    const sweep = manifests.find((m) => m.name === 'sweep-job.yaml#0')!.doc;
    const merge = manifests.find((m) => m.name === 'merge-job.yaml#0')!.doc;
    const pvc = manifests.find((m) => m.name === 'results-pvc.yaml#0')!.doc;
    const container = sweep.spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: Manifest) => [e.name, e.value]));
    expect(sweep.spec.completionMode).toBe('Indexed');
    expect(Number(env.SHARDS)).toBe(sweep.spec.completions);
    expect(sweep.spec.parallelism).toBeLessThanOrEqual(sweep.spec.completions);
    const arg = (flag: string) => container.args[container.args.indexOf(flag) + 1];
    expect(arg('--shard')).toBe('$(JOB_COMPLETION_INDEX)/$(SHARDS)');
    expect(arg('--out')).toBe('/results/sweep/shard-$(JOB_COMPLETION_INDEX)');
    // Both Jobs mount the claim at /results, and the merge reads the folders the shards write.
    for (const job of [sweep, merge]) {
      const spec = job.spec.template.spec;
      expect(spec.restartPolicy).toBe('Never');
      expect(spec.volumes[0].persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
      expect(spec.containers[0].volumeMounts[0]).toEqual({ name: spec.volumes[0].name, mountPath: '/results' });
    }
    expect(pvc.spec.accessModes).toContain('ReadWriteMany');
    expect(merge.spec.template.spec.containers[0].args.join(' ')).toMatch(
      /^orgsim merge \/results\/sweep\/shard-\* --out \/results\/sweep\/merged/,
    );
  });
});
