#!/usr/bin/env bash
# Submit an orgsim experiment to Slurm: its shards as a job array, then what joins them, as jobs that wait
# for the array (--dependency=afterok) and are dropped if it fails (--kill-on-invalid-dep).
#
#   deploy/slurm/submit.sh [options] <command> <its arguments> --out DIR
#
#   sweep, sensitivity  an array of N shards into DIR/shard-0 .. DIR/shard-(N-1), then one job merges them into
#                       DIR/merged (the files one process would write, byte for byte) and draws report.html
#   claims              an array of N shards into DIR (shared), then the same command without --shard writes
#                       claims.csv, claims.json (audit-points.csv with --audit) in DIR, and its summary in the log
#   calibrate           per stage (each generation, then the final runs): an array of N shards into DIR, then
#                       one --advance job; the next stage's array waits for it. The last one draws report.html.
#
# options (before the command):
#   --shards N       array tasks (default 16)
#   --cpus C         CPUs per task, the command's --workers (default 4)
#   --time T         time limit of each task, in Slurm's format (default 04:00:00); a task near its limit
#                    stops cleanly and requeues itself (deploy/slurm/orgsim.sbatch)
#   --mem-per-cpu M  memory per CPU (default 1G)
#   --logs DIR       the jobs' logs (default logs/)
# Partition, account, QOS...: export SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_QOS (sbatch reads them).
#
# Run it from the folder that relative paths are relative to (the jobs start there too), on a file system the
# compute nodes share. To resume after a failure, a cancellation or a crash: run the same command again;
# finished runs are kept and not run again.
#
# Nothing is submitted that every task would refuse: each value is checked here (no newline or control
# character, no value beginning with "-" where a value is expected, Slurm's formats for --time and
# --mem-per-cpu), then the first task's own command line is checked by orgsim itself (ORGSIM_CHECK_ONLY=1:
# the scenario, the options and the --out folder, as the task will, running and writing nothing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STEP=$ROOT/deploy/slurm/orgsim.sbatch

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}
mistake() {
  echo "submit.sh: $*" >&2
  exit 2
}

shards=16 cpus=4 time=04:00:00 mem=1G logs=logs
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards=${2-}; shift 2 || mistake "--shards needs a number" ;;
    --cpus) cpus=${2-}; shift 2 || mistake "--cpus needs a number" ;;
    --time) time=${2-}; shift 2 || mistake "--time needs a time limit, e.g. 04:00:00" ;;
    --mem-per-cpu) mem=${2-}; shift 2 || mistake "--mem-per-cpu needs a size, e.g. 1G" ;;
    --logs) logs=${2-}; shift 2 || mistake "--logs needs a folder" ;;
    -h | --help) usage; exit 0 ;;
    --*) mistake "unknown option $1 (options: --shards, --cpus, --time, --mem-per-cpu, --logs; then the orgsim command)" ;;
    *) break ;;
  esac
done
# A value as the message shows it: on one line, control characters written out ($'...' quoting).
shown() {
  if [[ $1 == *[[:cntrl:]]* ]]; then printf '%q' "$1"; else printf '"%s"' "$1"; fi
}
# Every value on one line, without control characters: a newline would reach sbatch's --comment, an escape a log.
plain() {
  [[ $2 != *[[:cntrl:]]* ]] || mistake "$1 $(shown "$2") is not allowed; expected a value without newlines or control characters"
}
plain --shards "$shards"
plain --cpus "$cpus"
plain --time "$time"
plain --mem-per-cpu "$mem"
plain --logs "$logs"
if ! [[ $shards =~ ^[1-9][0-9]{0,3}$ ]] || [ "$shards" -gt 1000 ]; then mistake "--shards \"$shards\" is not allowed; expected a whole number from 1 to 1000"; fi
[[ $cpus =~ ^[1-9][0-9]{0,3}$ ]] || mistake "--cpus \"$cpus\" is not allowed; expected a whole number of CPUs, e.g. 4"
[ -n "$time" ] || mistake "--time is empty; expected a time limit, e.g. 04:00:00"
[ -n "$mem" ] || mistake "--mem-per-cpu is empty; expected a size, e.g. 1G"
[[ $time =~ ^([0-9]{1,3}-)?[0-9]{1,4}(:[0-9]{1,2}){0,2}$ || $time =~ ^(UNLIMITED|unlimited|infinite|INFINITE)$ ]] ||
  mistake "--time \"$time\" is not allowed; expected a Slurm time limit: minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]], e.g. 04:00:00"
[[ $mem =~ ^[1-9][0-9]{0,8}[KMGTkmgt]?$ ]] || mistake "--mem-per-cpu \"$mem\" is not allowed; expected a size such as 500M or 2G"
[ -n "$logs" ] || mistake "--logs is empty; expected a folder, e.g. logs"
[[ $logs != -* ]] || mistake "--logs \"$logs\" is not allowed; expected a folder (a value beginning with \"-\" would be read as an option: write ./$logs)"
[ $# -gt 0 ] || { usage >&2; exit 2; }

command=$1
shift
case "$command" in
  sweep | sensitivity | claims | calibrate) ;;
  *) mistake "\"$command\" cannot be submitted; expected sweep, sensitivity, claims or calibrate, then its arguments" ;;
esac
out=
outs=0
prev=
n=0
rest=() # the arguments without --out, as orgsim.sbatch passes them to each task
for arg in "$@"; do
  n=$((n + 1))
  plain "argument $n of $command" "$arg"
  if [ "$prev" = --out ]; then
    out=$arg
    [[ $arg != -* ]] || mistake "--out $(shown "$arg") is not allowed; expected a folder (a value beginning with \"-\" is read as an option: write ./$arg)"
    prev=
    continue
  fi
  case "$arg" in
    --out=*) out=${arg#--out=}; outs=$((outs + 1))
      [[ $out != -* ]] || mistake "--out $(shown "$out") is not allowed; expected a folder (a value beginning with \"-\" is read as an option: write ./$out)" ;;
    --out) outs=$((outs + 1)) ;;
    --shard | --shard=* | --advance) mistake "$arg is set by the recipe: give the number of shards with --shards before the command" ;;
    --workers | --workers=*) mistake "$arg is set by the recipe: give the CPUs of each task with --cpus before the command" ;;
    *) rest+=("$arg") ;;
  esac
  prev=$arg
done
[ "$prev" != --out ] || mistake "--out needs a folder, a folder on a file system every node shares"
[ "$outs" -le 1 ] || mistake "--out is given $outs times; give the folder once"
[ -n "$out" ] || mistake "the $command command needs --out DIR, a folder on a file system every node shares"
if [ "$command" = calibrate ]; then
  # One stage per generation, then the final runs: each an array and an --advance job.
  target=${1:-}
  stages=$(node -e '
    const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const g = t && t.method && t.method.generations;
    if (!Number.isInteger(g) || g < 1 || g > 100) process.exit(1);
    console.log(g + 1);' -- "$target" 2>/dev/null) ||
    mistake "cannot read method.generations (a whole number from 1 to 100) in the target file \"$target\": check the file with orgsim calibrate on one machine first"
fi
# The first task's command line, as deploy/slurm/orgsim.sbatch will build it, checked by orgsim itself: what it
# refuses, every task would refuse.
task_out=$out
case "$command" in
  sweep | sensitivity) task_out=$out/shard-0 ;;
esac
if ! refusal=$(ORGSIM_CHECK_ONLY=1 CI=true node "$ROOT/bin/orgsim.mjs" "$command" ${rest[@]+"${rest[@]}"} --workers "$cpus" --shard "0/$shards" --out "$task_out" 2>&1 >/dev/null); then
  refusal=${refusal%%$'\n'*}
  mistake "every task would stop here: ${refusal#orgsim: } (nothing was submitted)"
fi
command -v sbatch >/dev/null 2>&1 || mistake "sbatch not found: run this on a Slurm login node"

# Two submissions into the same folder at once would run the same runs twice: refuse while one is queued or running.
case "$out" in
  /*) where=$out ;;
  *) where=$PWD/$out ;;
esac
plain "the working folder" "$PWD"
tag="orgsim --out $where"
active=$({ squeue -h --me -o '%i %k' 2>/dev/null || true; } | awk -v tag="$tag" 'substr($0, index($0, " ") + 1) == tag { print $1 }' | sort -u | tr '\n' ' ')
if [ -n "${active// /}" ]; then
  mistake "jobs ${active% } of an earlier submission into $out are still queued or running: wait for them to end (squeue --me), or cancel them (scancel ${active% }), then submit again"
fi

mkdir -p "$logs"
# What the jobs inherit (sbatch passes the environment): where orgsim is; nothing left over from the caller.
export ORGSIM_ROOT=$ROOT
unset ORGSIM_SHARDS ORGSIM_REPORT
common=(--parsable --kill-on-invalid-dep=yes --comment="$tag")
task=("${common[@]}" --array="0-$((shards - 1))" --cpus-per-task="$cpus" --mem-per-cpu="$mem" --time="$time")
final=("${common[@]}" --cpus-per-task=1 --mem-per-cpu=2G --time=01:00:00)
jobs=()
each="$cpus CPUs, time limit $time each"
[ "$cpus" -eq 1 ] && each="1 CPU, time limit $time each"

# sbatch; the job id in $id. If Slurm refuses a job, the jobs already submitted are cancelled.
id=
submit() {
  if ! id=$(sbatch "$@"); then
    if [ ${#jobs[@]} -gt 0 ]; then
      scancel "${jobs[@]}" 2>/dev/null
      echo "submit.sh: sbatch failed (above); cancelled the jobs already submitted: ${jobs[*]}" >&2
    else
      echo "submit.sh: sbatch failed (above); nothing was submitted" >&2
    fi
    exit 1
  fi
  jobs+=("$id")
}

case "$command" in
  sweep | sensitivity)
    ORGSIM_SHARDS=$shards submit "${task[@]}" --job-name="orgsim-$command" --output="$logs/%x-%A_%a.out" "$STEP" shard "$command" "$@"
    array=$id
    ORGSIM_REPORT=$out/merged submit "${final[@]}" --dependency="afterok:$array" --job-name=orgsim-merge --output="$logs/%x-%j.out" "$STEP" merge "$out" "$shards"
    merge=$id
    echo "submit: $command in $shards shards ($each): array job $array, into $out/shard-0 .. $out/shard-$((shards - 1))"
    echo "submit: merge: job $merge once every shard has succeeded, into $out/merged (with report.html)"
    ;;
  claims)
    ORGSIM_SHARDS=$shards submit "${task[@]}" --job-name=orgsim-claims --output="$logs/%x-%A_%a.out" "$STEP" shard claims "$@"
    array=$id
    submit "${final[@]}" --dependency="afterok:$array" --job-name=orgsim-claims-results --output="$logs/%x-%j.out" "$STEP" once claims "$@"
    results=$id
    echo "submit: claims in $shards shards ($each): array job $array, into $out"
    echo "submit: results: job $results once every shard has succeeded: claims.csv, claims.json (audit-points.csv with --audit) in $out"
    ;;
  calibrate)
    after=
    for ((s = 0; s < stages; s++)); do
      ORGSIM_SHARDS=$shards submit "${task[@]}" ${after:+--dependency="afterok:$after"} --job-name=orgsim-calibrate \
        --output="$logs/%x-%A_%a.out" "$STEP" shard calibrate "$@"
      array=$id
      last=
      [ "$s" -eq $((stages - 1)) ] && last=$out
      ORGSIM_REPORT=$last submit "${final[@]}" --dependency="afterok:$array" --job-name=orgsim-calibrate-advance \
        --output="$logs/%x-%j.out" "$STEP" once calibrate "$@" --advance
      after=$id
    done
    echo "submit: calibrate in $stages stages ($((stages - 1)) generations, then the final runs), each $shards shards ($each) then one --advance job, in $out"
    echo "submit: the last job ($after) writes fitted.json, targets.csv and report.html in $out"
    ;;
esac
echo "submit: logs in $logs/; watch: squeue --me; cancel: scancel ${jobs[*]}"
echo "jobs: ${jobs[*]}"
