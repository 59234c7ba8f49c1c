/**
 * Writes the posterior file (src/calibrate/posterior.ts) of a calibration folder: its last complete
 * generation's particles and weights. `orgsim calibrate` writes DIR/posterior.json itself when it finishes;
 * this is for a folder made before, or a fit stopped early.
 *
 *   npx tsx scripts/posterior.ts DIR [OUT] [--note TEXT]
 *       OUT defaults to scenarios/calibration/mid.posterior.json (the one `orgsim claims --audit` reads)
 */
import { pathToFileURL } from 'node:url';
import { ScenarioError } from '../src/scenario/errors.ts';
import { posteriorFromFolder, SHIPPED_POSTERIOR, writePosterior } from '../cli/posterior-file.ts';
import { displayPath } from '../cli/files.ts';
import { terminalText } from '../cli/format.ts';

export function main(argv: readonly string[]): number {
  const args = [...argv];
  let note = '';
  const at = args.indexOf('--note');
  if (at >= 0) {
    note = args[at + 1] ?? '';
    args.splice(at, 2);
  }
  const [dir, out = SHIPPED_POSTERIOR, ...rest] = args;
  if (!dir || rest.length || args.some((a) => a.startsWith('--'))) {
    console.error('usage: npx tsx scripts/posterior.ts DIR [OUT] [--note TEXT]');
    return 2;
  }
  try {
    const p = posteriorFromFolder(dir, note);
    writePosterior(out, p);
    console.log(
      `wrote ${displayPath(out)}: ${p.particles.length} particles of ${p.parameters.length} parameters ` +
        `(generation ${p.calibration.generation + 1} of ${p.calibration.generations}, effective sample size ` +
        `${p.calibration.ess.toFixed(1)})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      console.error(terminalText(`orgsim: ${e.message}`));
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
