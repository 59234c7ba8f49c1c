/**
 * orgsim merge DIR... --out DIR: join the shards of one experiment (run with --shard k/N, on one machine or
 * many) into the folder a single process would have written, byte for byte: the manifest without shard,
 * every part, runs.csv, ticks.csv and indices.csv. Refuses shards of different experiments, missing or
 * repeated shards and unfinished ones, naming which.
 */
import { join, resolve } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { makeDesign } from '../../src/research/design.ts';
import { manifestDifferences, withShard, type Manifest } from '../../src/research/manifest.ts';
import { shardRuns, type Shard } from '../../src/research/runs.ts';
import { parseCommand, positionals, usageError } from '../args.ts';
import { displayPath, writeAtomic } from '../files.ts';
import { checkOutFolder } from '../experiment-setup.ts';
import { checkFolderKind, folderKind } from '../experiment-kind.ts';
import { indicesTable } from '../indices-table.ts';
import { checkFolder, MANIFEST, openFolder, readManifest } from '../sweep-folder.ts';
import { checkPart, partPath, removeExperimentTemporaries } from '../sweep-parts.ts';
import { INPUTS, readInput } from '../input.ts';
import { writeIndices, writeResults } from '../sweep-results.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { note, print } from '../io.ts';

const OPTIONS = { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

interface ShardFolder {
  dir: string;
  manifest: Manifest;
  shard: Shard;
}

function readShard(dir: string): ShardFolder {
  const kind = folderKind(dir);
  if (kind && kind.kind !== 'sweep' && kind.kind !== 'sensitivity')
    throw new ScenarioError(
      `${displayPath(dir)} holds ${kind.kind === 'claims' ? 'claims runs' : 'a calibration'} (${kind.file}), ` +
        `not a shard of a sweep or a sensitivity analysis: merge joins those only`,
    );
  const m = readManifest(dir);
  if (!m)
    throw new ScenarioError(`${displayPath(dir)} holds no ${MANIFEST}: not the folder of a sweep (or of a shard)`);
  return { dir, manifest: m as Manifest, shard: m.shard ?? { index: 0, count: 1 } };
}

/** The same experiment in every folder, and each shard 0..N-1 exactly once. */
function checkShards(folders: readonly ShardFolder[]): void {
  const first = folders[0]!;
  for (const f of folders.slice(1)) {
    const diff = manifestDifferences(f.manifest, first.manifest, true);
    if (diff.length)
      throw new ScenarioError(
        `${displayPath(f.dir)} is not a shard of the same experiment as ${displayPath(first.dir)}: ${diff.join('; ')}`,
      );
  }
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const f of folders) {
    if (f.shard.count !== count)
      throw new ScenarioError(
        `${displayPath(f.dir)} is shard ${f.shard.index}/${f.shard.count}, ${displayPath(first.dir)} is ` +
          `shard ${first.shard.index}/${count}: the shards of one merge are cut the same way`,
      );
    const other = seen.get(f.shard.index);
    if (other !== undefined)
      throw new ScenarioError(
        `shard ${f.shard.index}/${count} is given twice (${displayPath(other)} and ${displayPath(f.dir)})`,
      );
    seen.set(f.shard.index, f.dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length)
    throw new ScenarioError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')}: give ` +
        `the folders of all ${count} shards`,
    );
}

/** Every run of every shard is done; else name the shard, and how to finish it. */
function checkComplete(f: ShardFolder): void {
  const runs = shardRuns(f.manifest.totalRuns, f.manifest.shard);
  const states = runs.map((run) => checkPart(f.dir, f.manifest, run));
  const missing = states.filter((p) => typeof p === 'string').length;
  const damaged = states.filter((p) => p === 'damaged').length;
  if (missing) {
    const why = damaged ? ` (${damaged} of them damaged or edited: content or checksum does not match)` : '';
    throw new ScenarioError(
      `shard ${f.shard.index}/${f.shard.count} in ${displayPath(f.dir)} is not finished: ${missing} of ` +
        `${runs.length} runs missing${why}; run its command again (it resumes and redoes them), then merge`,
    );
  }
}

export async function merge(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('merge', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.merge!);
    return 0;
  }
  const dirs = positionals('merge', given, 'the shard folders to merge (orgsim merge DIR... --out DIR)', 1, true);
  const out = checkOutFolder('merge', values.out);
  if (dirs.some((d) => resolve(d) === resolve(out)))
    throw usageError('merge', `--out ${out} is one of the shard folders; merge into a new folder`);

  const folders = dirs.map(readShard);
  checkShards(folders);
  const merged = withShard(folders[0]!.manifest, null);
  // The analysis regenerates the design: it must be the design the shards ran.
  const design = makeDesign(merged.parameters, merged.design, merged.seed);
  if (JSON.stringify(design.values) !== JSON.stringify(merged.points)) {
    throw new ScenarioError(
      `the points in ${displayPath(join(folders[0]!.dir, MANIFEST))} do not follow from its design with this ` +
        `orgsim (${merged.orgsim} there): merge with the version that ran the shards`,
    );
  }
  folders.forEach(checkComplete);
  checkFolderKind(out, merged.command);
  const state = checkFolder(out, merged, 'merge into another folder');

  openFolder(out, merged, state);
  const owner = (run: number) => folders.find((f) => run % f.shard.count === f.shard.index)!.dir;
  for (let run = 0; run < merged.totalRuns; run++)
    writeAtomic(partPath(out, run), [readInput(partPath(owner(run), run), INPUTS.part)]);
  removeExperimentTemporaries(out);
  const results = await writeResults(out, merged, () => out);
  const indices = writeIndices(out, merged, results);
  note(
    `orgsim: merged ${folders.length} shard${folders.length > 1 ? 's' : ''} into ${displayPath(out)}: ` +
      `${results.files.join(', ')} and ${MANIFEST} (${merged.totalRuns} runs)`,
  );
  if (merged.command === 'sensitivity') print(indicesTable(indices, merged.design.bootstrap));
  return 0;
}
