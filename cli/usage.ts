/** Help texts: the general usage and one per command. */
import { RESEARCH_USAGE } from './research-usage.ts';
import { agentColumnsText } from '../src/metrics/agents.ts';

export const USAGE = `orgsim: agent-based simulator of communities in organizations

usage:
  orgsim run <scenario> [options]          run a scenario (replications, CSV/JSON output, summary)
  orgsim compare <a> <b> [<c>...] [opts]   compare scenarios on the same seeds, with 95% CIs
  orgsim validate <scenario>...            check scenario files
  orgsim sweep <scenario> [options]        a grid or Latin hypercube over parameters (resumable)
  orgsim sensitivity <scenario> [options]  Morris or Sobol sensitivity indices, with bootstrap CIs
  orgsim claims [C1 ...] [options]         the seeds' claims at each size, with --audit their robustness,
                                           with --patterns every statement of the essays
  orgsim merge <dir>... --out <dir>        join the shards of a sweep (--shard k/N)
  orgsim calibrate <targets.json> [opts]   fit parameters to target statistics (ABC-SMC; resumable)
  orgsim report <dir>                      <dir>/report.html: charts of a sweep, sensitivity or calibration
  orgsim serve [<scenario>] [options]      a workshop: the room's phones join a live run and vote
  orgsim list                              the scenarios of the project
  orgsim help [<command>]                  this text, or the options of one command

A <scenario> is a JSON file, or a bare name from the project's scenarios/ folder (baseline).
Exit codes: 0 success, 2 a mistake in the input (the message says which), 1 an internal error.
Set ORGSIM_DEBUG=1 to see the stack trace of an internal error.
`;

const common = `  --seed S            master seed (overrides the scenario's "seed")
  --ticks T           horizon in working days (overrides the scenario's "ticks")
  --set path=value    override any parameter, e.g. --set smm.count=3 (repeatable)
  --workers W         runs in parallel (default: the number of cores)
  --out file          write the results to file.csv or file.json (whole or not at all); not the input
                      nor another output of the command, nor in /dev, /proc or /sys`;

export const COMMAND_USAGE: Record<string, string> = {
  run: `usage: orgsim run <scenario> [options]
       orgsim run --replay FILE [--out file] [--summary]

Runs the scenario and prints a summary of its outcomes (mean and 95% CI over runs).
With --replay, runs a workshop's replay file (written by orgsim serve): its scenario, its seed and every
decision of the room on the day it took effect, so the numbers are those the room saw, bit for bit.

options:
  --runs N            replications (default 1; with N > 1 the seeds are derived from the master seed)
${common}
  --summary           print the summary even with --out
  --agents FILE       also write every agent at the end of each run, one row each, to FILE.csv (employees
                      and the external community's customers: a run of 2,000 employees and 1,000
                      customers has 3,000 rows)
  --replay FILE       run a workshop's replay file (no <scenario>, --runs, --seed, --ticks or --set); its
                      digest is checked first: a file changed after the room wrote it is refused

CSV: one row per run x tick x series: run,seed,tick,series,value (run and tick from 0).
JSON: { orgsim, scenario, runs: [{ run, seed, outcomes, interventions, series: { name: [values] } }] }.
--agents CSV: one row per run x agent, with these columns:
${agentColumnsText('  ')}
Memory is checked before running (ORGSIM_MAX_MEMORY_MB, default 8192).
`,
  compare: `usage: orgsim compare <a> <b> [<c>...] [options]

Runs every scenario on the same list of seeds (common random numbers) and prints, per outcome, each
scenario's mean with its 95% CI, then each scenario against the first: difference, Welch 95% CI, p-value.

options:
  --runs N            replications per scenario (default 20, at least 2)
${common}

CSV: one row per scenario x run x outcome: scenario,run,seed,outcome,value.
`,
  validate: `usage: orgsim validate <scenario>... [--set path=value ...]
       orgsim validate --story <story file>...

Checks each scenario (JSON syntax, extends, known fields, types and ranges, interventions, metrics), or
with --story each story file (its steps, their shipped scenarios and measures).
Prints "ok: <name> (...)" per file; exit 2 with the first problem of each invalid file.
`,
  serve: `usage: orgsim serve [<scenario>] [options]

A workshop: serves the built page (npm run build first; npm run serve does both) and a room on the local
network. Participants scan the QR code and join from their phones (no install, no account); the
facilitator's page (its link is printed, with its key) shows the run on the shared screen, plays and
pauses it, and opens votes on the next intervention. The run lives in this process, on a worker thread.
Each decision of the room is a change of live parameters on the day the vote opened, recorded as an
intervention; the replay file (scenario, seed, decisions) is rewritten after each decision, and
orgsim run --replay FILE reproduces the run bit for bit.

options:
  <scenario>          the scenario to run (default: baseline)
  --seed S, --ticks T, --set path=value   as for orgsim run (a workshop run has at most 5000 ticks)
  --port P            the port (default 8787; 0 takes any free port)
  --host H            where to listen (default 0.0.0.0: the local network; 127.0.0.1: this machine only)
  --address A         the address phones use, in the join link and QR code (default: this machine's
                      address on the local network)
  --participants N    at most N participants (default 60, at most 200)
  --replay-out FILE   the replay file (default out/rooms/room-<code>.replay.json under the current folder)
  --site DIR          the built page to serve (default: the project's dist/)
`,
  list: `usage: orgsim list [--all]

The scenario files of the project's scenarios/ folder, with their name and description, in natural order
(c1, c2, ..., c10). Files that other scenarios extend (claim-base) are bases, left out unless --all.
`,
  claims: `usage: orgsim claims [C1 C2 ...] [options]

Runs each claim's scenarios (all claims by default) on common seeds at each organization size, and applies
its statistical test. Arms are scaled to each size as an organization of that size would staff them
(customers and SMMs in proportion to employees; the CM's own staff beyond 5,000 employees). Name each claim
and each size once: a repetition (C1 C1, --sizes 200,200) is refused rather than written as duplicate rows.

options:
  --sizes N,N,...     employees (default 200,2000,20000)
  --runs R            replications per arm and size (default 20)
  --seed S            master seed of the seed list (default 2026)
  --set path=value    override a parameter in every arm (repeatable)
  --workers W         runs in parallel (default: the number of cores)
  --out DIR           save every run as it finishes (resumable: run the same command again) and write
                      claims.csv and claims.json (with --audit, also audit-points.csv); orgsim report DIR
                      draws them. A new or empty folder, or one of the same claims runs: another
                      experiment's folder (a sweep's, a calibration's) is refused
  --audit             also: would each claim hold in other plausible organizations? Each organization
                      is a particle of the calibration's posterior (drawn by weight) crossed with every
                      assumed parameter over its plausible range, on a Latin hypercube (--points P,
                      default 64; --audit-runs R replications per point, default 8; at --audit-size N
                      employees, default 400): the share where it holds (below 80%: not robust), the 90%
                      range of its effect, what flips it; the premise is moved to where it no longer
                      distinguishes the arms (--premise-steps K, default 6); each ablation switches a
                      mechanism off; with --out, also claims-audit.json (scripts/claims-audit-fill.ts)
  --posterior FILE    the posterior the audit draws from (default
                      scenarios/calibration/mid.posterior.json; none: the calibrated defaults)
  --shard k/N         run only the runs with index % N == k, into --out DIR (a folder every shard shares);
                      once every shard is done, run the same command without --shard to write the results
  --patterns [R04 I12 ...]
                      instead of the claims: every statement of the two essays, one line each, with its
                      status (holds, does not hold, not modelled, or the claim it is) and, when measured,
                      its effect with its interval (default 16 runs at 2,000 employees; takes --sizes,
                      --runs, --seed, --set, --workers). A status that differs from the documented one is
                      marked. The catalogue: src/PATTERNS.md
`,
  help: `usage: orgsim help [<command>]
`,
  ...RESEARCH_USAGE,
};
