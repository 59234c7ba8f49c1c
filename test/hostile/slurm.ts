/**
 * The hostile corpus of deploy/slurm/submit.sh (issue 22, family 8): command lines that every task of the
 * job would refuse, or that would smuggle an option or a newline into sbatch. Each must be refused by
 * submit.sh, in one line, exit 2, before anything is submitted (test/hostile-slurm.test.ts puts a stand-in
 * sbatch, squeue and scancel first on the PATH and checks that none was called).
 *
 * In `args`, "@name" is the path of "name" in the case's folder (the folder the command runs in).
 */
import { fileURLToPath } from 'node:url';

const TARGETS = fileURLToPath(new URL('../fixtures/calibrate/targets.json', import.meta.url));

export interface SlurmCase {
  id: string;
  args: string[];
  /** Files made in the case's folder first: name -> text ("/" in a name makes the folders). */
  files?: Record<string, string>;
  expect: RegExp;
}

const SWEEP = ['sweep', 'small', '--param', 'smm.count=0:2'];
const cases: SlurmCase[] = [];
const add = (c: SlurmCase) => cases.push(c);

// Values that would be read as options, by sbatch or by the task.
add({
  id: '--out=--dependency=afterok:1',
  args: [...SWEEP, '--out=--dependency=afterok:1'],
  expect: /--out "--dependency=afterok:1" is not allowed; expected a folder/,
});
add({ id: '--out -o', args: [...SWEEP, '--out', '-o'], expect: /--out "-o" is not allowed; expected a folder/ });
add({
  id: '--out --parsable (an sbatch option as the folder)',
  args: ['claims', 'C1', '--out', '--parsable'],
  expect: /--out "--parsable" is not allowed/,
});
add({ id: '--out without a value at the end', args: [...SWEEP, '--out'], expect: /--out needs a folder/ });
add({
  id: '--out given twice',
  args: ['claims', 'C1', '--out', 'a', '--out=b'],
  expect: /--out is given 2 times; give the folder once/,
});
add({
  id: '--logs -x',
  args: ['--logs', '-x', ...SWEEP, '--out', 'x'],
  expect: /--logs "-x" is not allowed; expected a folder/,
});
add({
  id: '--mem-per-cpu -1G',
  args: ['--mem-per-cpu', '-1G', ...SWEEP, '--out', 'x'],
  expect: /--mem-per-cpu "-1G" is not allowed; expected a size/,
});
add({
  id: '--time with an sbatch option inside',
  args: ['--time', '1:00 --dependency=afterok:1', ...SWEEP, '--out', 'x'],
  expect: /--time "1:00 --dependency=afterok:1" is not allowed; expected a Slurm time limit/,
});
add({
  id: '--time as words',
  args: ['--time', 'four hours', ...SWEEP, '--out', 'x'],
  expect: /--time "four hours" is not allowed/,
});
add({
  id: '--seed -1 (read as an option by the task)',
  args: [...SWEEP, '--seed', '-1', '--out', 'x'],
  expect: /every task would stop here: the value of --seed starts with "-"/,
});
// Newlines and control characters.
add({
  id: 'a newline in --out (it would reach --comment)',
  args: [...SWEEP, '--out', 'res\nults'],
  expect: /argument 5 of sweep \$'res\\nults' is not allowed; expected a value without newlines or control characters/,
});
add({
  id: 'a newline in --out=',
  args: [...SWEEP, '--out=a\nb'],
  expect: /argument 4 of sweep .* is not allowed; expected a value without newlines/,
});
add({
  id: 'an escape sequence in --set',
  args: [...SWEEP, '--set', 'name=\u001b]0;pwned\u0007', '--out', 'x'],
  expect: /argument 5 of sweep .*is not allowed; expected a value without newlines or control characters/,
});
add({
  id: 'a newline in --logs',
  args: ['--logs', 'lo\ngs', ...SWEEP, '--out', 'x'],
  expect: /--logs \$'lo\\ngs' is not allowed/,
});
add({
  id: 'a carriage return in a parameter',
  args: ['sweep', 'small', '--param', 'smm.count=0:2\r', '--out', 'x'],
  expect: /argument 3 of sweep .* is not allowed; expected a value without newlines/,
});
// What orgsim itself refuses, checked as the first task will run it.
add({
  id: 'an unknown scenario',
  args: ['sweep', 'no-such-scenario', '--param', 'smm.count=0:2', '--out', 'x'],
  expect: /every task would stop here: scenario "no-such-scenario" not found/,
});
add({
  id: 'an unknown parameter',
  args: ['sweep', 'small', '--param', 'smm.cuont=0:2', '--out', 'x'],
  expect: /every task would stop here: .*unknown parameter "smm\.cuont"; did you mean "smm\.count"\?/,
});
add({
  id: '--runs 0',
  args: [...SWEEP, '--runs', '0', '--out', 'x'],
  expect: /every task would stop here: --runs = "0" is not allowed/,
});
add({
  id: '--runs given twice',
  args: [...SWEEP, '--runs', '2', '--runs', '3', '--out', 'x'],
  expect: /every task would stop here: --runs is given twice/,
});
add({
  id: 'an unknown option',
  args: [...SWEEP, '--bogus', '--out', 'x'],
  expect: /every task would stop here: unknown option --bogus for "sweep"/,
});
add({
  id: 'sensitivity without --method',
  args: ['sensitivity', 'small', '--param', 'smm.count=0:2', '--out', 'x'],
  expect: /every task would stop here: .*--method/,
});
add({
  id: 'an unknown claim',
  args: ['claims', 'C99', '--out', 'x'],
  expect: /every task would stop here: unknown claim "C99"/,
});
add({
  id: 'a claim named twice',
  args: ['claims', 'C1', 'c1', '--out', 'x'],
  expect: /every task would stop here: claim C1 is named twice/,
});
add({
  id: '--out in /dev',
  args: [...SWEEP, '--out', '/dev/orgsim-results'],
  expect: /every task would stop here: --out \/dev\/orgsim-results\/shard-0: \/dev holds the system's devices/,
});
add({
  id: 'claims into a sweep folder',
  files: { 'sw/manifest.json': JSON.stringify({ command: 'sweep', points: [[0]], seeds: [1] }) },
  args: ['claims', 'C1', '--out', '@sw'],
  expect: /every task would stop here: --out .*sw holds a sweep \(manifest\.json\), not claims runs/,
});
add({
  id: 'calibrate into a claims folder',
  files: { 'cl/claims-manifest.json': JSON.stringify({ command: 'claims', settings: {} }) },
  args: ['calibrate', TARGETS, '--out', '@cl'],
  expect: /every task would stop here: --out .*cl holds claims runs \(claims-manifest\.json\), not a calibration/,
});
add({
  id: 'an option calibrate does not take',
  args: ['calibrate', TARGETS, '--set', 'smm.count=1', '--out', 'x'],
  expect: /every task would stop here: unknown option --set for "calibrate"/,
});

export const SLURM_CASES: readonly SlurmCase[] = cases;
