/**
 * The life of an experiment's output folder, shared by `sweep` and `sensitivity`: check it, open it (or
 * resume it), run what is missing, and, once every run is done, write the final files from the parts. A
 * shard stops after its runs: `orgsim merge` writes the final files from all the shards.
 */
import type { IndexRow } from '../src/research/analysis.ts';
import { shardRuns } from '../src/research/runs.ts';
import { displayPath } from './files.ts';
import { note } from './io.ts';
import type { Setup } from './experiment-setup.ts';
import { execute, EXIT_INTERRUPTED } from './sweep-execute.ts';
import { checkFolder, openFolder } from './sweep-folder.ts';
import { checkPart, partsDir, removeExperimentTemporaries } from './sweep-parts.ts';
import { writeIndices, writeResults } from './sweep-results.ts';

export interface ExperimentResult {
  code: number;
  /** The sensitivity indices, when a sensitivity analysis finished (not for a sweep, a shard or an interruption). */
  indices: IndexRow[] | null;
}

export async function runExperiment(setup: Setup): Promise<ExperimentResult> {
  const { manifest: m, out } = setup;
  const state = checkFolder(out, m, 'repeat the original command to resume it');
  openFolder(out, m, state);
  removeExperimentTemporaries(out);
  for (const w of setup.warnings) note(w);

  const mine = shardRuns(m.totalRuns, m.shard);
  const pending: number[] = [];
  let damaged = 0;
  for (const run of mine) {
    const part = checkPart(out, m, run);
    if (typeof part === 'string') pending.push(run);
    if (part === 'damaged') damaged++;
  }
  const shardText = m.shard ? `shard ${m.shard.index}/${m.shard.count}: ` : '';
  if (state === 'resume')
    note(
      `orgsim: resuming ${displayPath(out)}: ${shardText}${mine.length - pending.length} of ${mine.length} ` +
        `runs already done`,
    );
  if (damaged) {
    note(
      `orgsim: ${damaged} part file${damaged > 1 ? 's' : ''} in ${displayPath(partsDir(out))} ` +
        `${damaged > 1 ? 'were' : 'was'} damaged or edited (content or checksum does not match): ` +
        `${damaged > 1 ? 'those runs are' : 'that run is'} run again`,
    );
  }

  const label = `${m.command} ${m.scenario.name}${m.shard ? ` (shard ${m.shard.index}/${m.shard.count})` : ''}`;
  const exec = await execute(out, m, pending, setup.workers, setup.pointScenario, label);
  if (exec.interrupted) {
    const done = mine.length - pending.length + exec.finished;
    note(
      `orgsim: interrupted (${exec.interrupted}): ${done} of ${mine.length} runs done, kept in ` +
        `${displayPath(partsDir(out))}; run the same command again to resume`,
    );
    return { code: EXIT_INTERRUPTED, indices: null };
  }
  if (m.shard) {
    note(
      `orgsim: ${shardText}${mine.length} runs done in ${displayPath(partsDir(out))}; once every shard is ` +
        `done: orgsim merge <the ${m.shard.count} shard folders> --out DIR`,
    );
    return { code: 0, indices: null };
  }
  const results = await writeResults(out, m, () => out);
  const indices = writeIndices(out, m, results);
  const points = m.points.length;
  note(
    `orgsim: wrote ${results.files.join(', ')} and manifest.json in ${displayPath(out)} (${points} ` +
      `point${points > 1 ? 's' : ''} x ${m.runsPerPoint} run${m.runsPerPoint > 1 ? 's' : ''})`,
  );
  return { code: 0, indices: m.command === 'sensitivity' ? indices : null };
}
