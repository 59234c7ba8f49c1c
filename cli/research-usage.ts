/** Help texts of the research commands: sweep, sensitivity, merge, report, calibrate (merged into COMMAND_USAGE). */

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
On the folder of a finished calibration: each target's band against the simulated one at the fitted values,
each parameter's posterior (weighted histogram over its prior range), and epsilon per generation.
`,
  calibrate:
    `usage: orgsim calibrate <targets.json> --out DIR [--workers N] [--shard k/N | --advance]

Fits parameters of a scenario to target statistics by approximate Bayesian computation with sequential
Monte Carlo (ABC-SMC, population Monte Carlo form of Beaumont et al. 2009).

The target file (JSON; unknown fields are refused):
  {
    "name": "mid, last six months",
    "scenario": "mid",                 a shipped name, or a file relative to the target file
    "set": { "ticks": 500 },           fixed overrides (optional)
    "runs": 10,                        replications per proposal, on common seeds
    "seed": 1,                         master seed (optional: the scenario's)
    "parameters": [ { "path": "behaviour.baseline", "lo": -4, "hi": 0 } ],   numeric, within the schema
    "targets": [
      { "statistic": "activeOnce", "window": { "from": -125, "to": 0 },
        "value": 0.82, "band": [0.8, 0.85], "weight": 1, "source": "SWOOP 2022/23: 80-85% access" },
      { "series": "activeOnce", "csv": "monthly.csv", "every": 20, "from": 0,
        "tolerance": 0.1, "weight": 1, "source": "our analytics export" }
    ],
    "method": { "particles": 200, "generations": 5, "keep": 0.5, "point": "mean" }
  }
  statistic   monthlyContributors, monthlyPosts, activeOnce, readOnlyShare, contributorShare, observerShare,
              openTop1, openTop10, openGini, openSilence, topPersistence, webLink, dailyContributors, teamOverOpen, ` +
    `openChurn,
              or mean|last|sum|growth:<series>
  window      [from, to) in ticks; negative bounds count from the horizon, to = 0 is the horizon
  value, band the target (default value: the band's middle) and the tolerance band [lo, hi]
  series      a statistic computed over each period of the CSV (or a reported series: its mean)
  csv         header line, then period,value per line (e.g. month,activeOnce), relative to the target file
  every       ticks per period; from: the tick where the first period starts (default 0)
  tolerance   the error, as a share of the mean observed value, that counts as the edge of a band
  name        a label for the target in the files and the report (optional)

Method: generation 0 draws particles / keep proposals uniformly in the box; each proposal runs "runs"
replications; its discrepancy is the weighted root mean square over targets of (simulated mean - value) /
(distance from the value to the band's edge on that side: 1 at either edge) (for a series, over its
periods); the best "particles" are kept (epsilon: the largest kept discrepancy) and weighted; the next generation ` +
    `moves them with a Gaussian kernel. With a noisy model
epsilon stops falling once the proposals' spread matches the noise: more runs or a smaller keep lower it.
The point estimate ("point") is the weighted posterior mean ("mean", the default) or the kept particle with
the smallest discrepancy ("best"), which stays inside a posterior with several modes.
Whole-number parameters move on a continuous axis and the model takes the nearest whole number.

options:
  --out DIR       the folder of the calibration (required); the same command resumes it after Ctrl-C,
                  a crash or a killed job; a DIR made by another target file is refused, naming what differs
  --workers W     runs in parallel (default: the number of cores); results do not depend on it
  --shard k/N     run only this shard's runs (run % N == k) of the current stage, into DIR, then stop
  --advance       once every run of the current stage is in DIR: write its population and the next
                  proposals (or, after the final runs, the result files); runs nothing

On one machine:   orgsim calibrate targets.json --out DIR
On a cluster, DIR on a shared file system, for each stage (generations 1..G, then the final runs):
                  orgsim calibrate targets.json --out DIR --shard k/N     (k = 0 .. N-1, in parallel)
                  orgsim calibrate targets.json --out DIR --advance       (once all shards are done)
Each command says what comes next; --advance on a finished calibration does nothing.

DIR/calibration.json        the validated target file, observed series, seeds, orgsim version, git commit
DIR/gen-<g>/proposals.json  the proposals of generation g; gen-<g>/parts/ one file per finished run
DIR/gen-<g>/population.json the kept particles, weights, discrepancies, epsilon
DIR/final/                  the runs at the point estimate, on fresh seeds
DIR/fitted.json             per parameter: the point estimate (mean or best), weighted median, 95% interval
DIR/posterior.csv           generation,particle,proposal,weight,discrepancy,<each parameter>
DIR/targets.csv             per target (and period): value, band, source, simulated mean, sd, 95% CI, inside
DIR/fitted-scenario.json    the input scenario (extends) with the fitted values: orgsim run it as is
`,
};
