/** Help texts of the research commands: sweep, sensitivity, merge, report (merged into COMMAND_USAGE). */

const experiment = `  --param path=lo:hi  a numeric parameter and its range, within the schema's bounds (repeatable)
  --runs N            replications per point (default 1), on the same seeds at every point (common random
                      numbers): seeds derived from the master seed, listed in manifest.json
  --seed S            master seed (seeds of the replications and of the design's random draws)
  --ticks T           horizon in working days
  --set path=value    fix any other parameter (repeatable)
  --workers W         runs in parallel (default: the number of cores)
  --per-tick          also write DIR/ticks.csv: run,tick,series,value
  --shard k/N         run only the runs with index % N == k (then: orgsim merge)
  --out DIR           the output folder (required)

Resumable: every finished run is saved at once in DIR/parts/; after Ctrl-C (exit 130), a crash or a killed
job, the same command skips the finished runs and ends with the same files as an uninterrupted run. A DIR
holding a different experiment is refused, naming what differs.`;

export const RESEARCH_USAGE: Record<string, string> = {
  sweep: `usage: orgsim sweep <scenario> --param path=lo:hi[:steps] ... --out DIR [options]

Runs the scenario at every point of a design over numeric parameters.

options:
  --design grid|lhs   grid: every combination of steps per parameter (default 3 steps, first parameter
                      slowest); lhs: a Latin hypercube of --samples points drawn from the master seed
  --samples K         points of the Latin hypercube (default 10 per parameter)
${experiment}

Whole-number parameters are rounded on a grid and drawn evenly among lo..hi in a hypercube.
DIR/runs.csv: run,point,replicate,seed,<each parameter>,midActivity,longValue,valuePerCost (one row per run).
DIR/manifest.json: version, git commit, scenario hash, parameters, design, seeds, every point.
`,
  sensitivity: `usage: orgsim sensitivity <scenario> --param path=lo:hi ... --method morris|sobol --out DIR [options]

Sensitivity indices of each outcome (midActivity, longValue, valuePerCost) to the parameters.
The model value of a point is the mean of the outcome over its --runs replications.

options:
  --method morris     elementary effects on r trajectories (--samples r, default 10; --levels L, even,
                      default 4): mu, mu* and sigma, per unit of each parameter's range
  --method sobol      first-order (S1) and total-order (ST) indices by Saltelli sampling (--samples K base
                      rows, default 512, at least 32; K x (parameters + 2) points)
  --bootstrap B       resamples of the trajectories or base rows for 95% intervals (default 1000; 0: none)
${experiment}

DIR/indices.csv: method,outcome,parameter,index,estimate,lo,hi; DIR/runs.csv and manifest.json as for sweep.
`,
  merge: `usage: orgsim merge DIR... --out DIR

Joins the folders of the shards of one sweep or sensitivity analysis (run with --shard k/N) into DIR: the
same files, byte for byte, as a single process would write. Refuses shards of different experiments,
missing, repeated or unfinished shards, naming which.
`,
  report: `usage: orgsim report DIR

Writes DIR/report.html from DIR/runs.csv (and DIR/indices.csv): each outcome against each parameter (runs
and means per level with 95% CIs), heatmaps over pairs of parameters, and sensitivity indices with their
intervals. Self-contained: d3 and the data are inside the file; it opens offline.
`,
};
