#!/bin/bash
# Submit a sharded sweep and its merge: deploy/slurm/submit.sh [shards] (default 16).
# Extra environment (SCENARIO, OUT, TICKS) is passed to both jobs by sbatch's default --export=ALL.
set -euo pipefail
SHARDS=${1:-16}
cd "$(dirname "$0")/../.."
mkdir -p logs
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --export=ALL,SHARDS="$SHARDS" deploy/slurm/sweep.sbatch)
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" deploy/slurm/merge.sbatch)
echo "sweep: array job $array ($SHARDS shards); merge: job $merge (runs when every shard succeeded)"
