#!/usr/bin/env bash
# A real one-node Slurm on this machine, to run the recipes of deploy/slurm/ for real (the tests do, in
# test/slurm.test.ts): munge, slurmctld and slurmd, with a minimal configuration in a folder of their own.
#
#   deploy/slurm/local-cluster.sh start    install the Debian packages if missing (apt-get), then start
#   deploy/slurm/local-cluster.sh status   exit 0 if the cluster answers, 1 if not
#   deploy/slurm/local-cluster.sh env      the line that points Slurm's commands at it: eval "$(... env)"
#   deploy/slurm/local-cluster.sh stop     cancel its jobs, stop the daemons, remove the folder
#
# Needs root (slurmd starts jobs as their user). The folder is $ORGSIM_SLURM_DIR (default /tmp/orgsim-slurm):
# slurm.conf, the munge key and socket, state, spool and logs; nothing is written to /etc. Slurm's commands
# find the cluster through SLURM_CONF=<folder>/slurm.conf (`env` prints it). One node with the machine's
# cores; no cgroups (proctrack/linuxproc, task/none), so it runs in a container too. Exit status: 0 done,
# 1 it cannot run here (the message says why, in one line).
set -uo pipefail

DIR=${ORGSIM_SLURM_DIR:-/tmp/orgsim-slurm}
CONF=$DIR/slurm.conf
CTLD_PORT=${ORGSIM_SLURMCTLD_PORT:-6817}
SLURMD_PORT=${ORGSIM_SLURMD_PORT:-6818}
export SLURM_CONF=$CONF

say() { echo "local-cluster: $*"; }
fail() {
  echo "local-cluster: $*" >&2
  exit 1
}

pid_of() { # the pid in a pid file, if that process is alive
  local file=$DIR/$1.pid pid
  [ -r "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

answers() { # slurmctld answers and the node takes jobs
  [ -r "$CONF" ] || return 1
  local state
  state=$(timeout 10 sinfo -h -N -o '%t' 2>/dev/null | head -n1) || return 1
  [[ $state =~ ^(idle|mix|alloc|comp) ]]
}

install_packages() {
  local missing=()
  command -v munged >/dev/null 2>&1 || missing+=(munge)
  command -v slurmctld >/dev/null 2>&1 || missing+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || missing+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || missing+=(slurm-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "cannot start Slurm: ${missing[*]} not installed and no apt-get to install them"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"${TMPDIR:-/tmp}/orgsim-slurm-apt.log" 2>&1; then
    fail "cannot start Slurm: apt-get could not install ${missing[*]} (see ${TMPDIR:-/tmp}/orgsim-slurm-apt.log)"
  fi
}

write_config() {
  local host cpus mem_mb
  host=$(hostname -s)
  cpus=$(nproc)
  # Leave a tenth of the memory to the system; jobs ask for memory (--mem-per-cpu), so the node must have some.
  mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  mkdir -p "$DIR"/{munge,state,spool,log}
  chmod 755 "$DIR/munge"
  cat >"$CONF" <<EOF
# Written by deploy/slurm/local-cluster.sh: a one-node cluster for tests. Not for production.
ClusterName=orgsim-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
# cred_expire: a requeued job may start again 10 s later (default 120 s).
AuthInfo=socket=$DIR/munge/munge.socket.2,cred_expire=10
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
JobRequeue=1
# The scheduler looks at pending jobs every 5 s (default 60 s, 30 s for backfill): a requeued task starts soon.
SchedulerParameters=sched_interval=5,bf_interval=5
# Finished jobs stay visible to squeue and scontrol for 10 minutes; a job told to stop is killed 5 s later.
MinJobAge=600
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  [ "$(id -u)" -eq 0 ] || fail "cannot start Slurm: needs root (slurmd starts jobs as their user); run as root, or skip the Slurm tests"
  if answers; then
    say "already running ($CONF)"
    return 0
  fi
  install_packages
  # Whatever a previous start left (a crash, a kill -9): stop it first.
  stop_daemons quiet
  rm -rf "$DIR"
  write_config
  mungekey --create --keyfile="$DIR/munge/munge.key" >/dev/null 2>&1 ||
    { dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1 count=1024 2>/dev/null && chmod 400 "$DIR/munge/munge.key"; } ||
    fail "cannot start Slurm: could not create a munge key in $DIR/munge"
  munged --force --key-file="$DIR/munge/munge.key" --socket="$DIR/munge/munge.socket.2" \
    --pid-file="$DIR/munged.pid" --log-file="$DIR/log/munged.log" --seed-file="$DIR/munge/munged.seed" \
    >>"$DIR/log/start.log" 2>&1 || fail "cannot start munged: $(tail -n1 "$DIR/log/start.log")"
  slurmctld -f "$CONF" >>"$DIR/log/start.log" 2>&1 || fail "cannot start slurmctld: see $DIR/log/slurmctld.log"
  slurmd -f "$CONF" >>"$DIR/log/start.log" 2>&1 || fail "cannot start slurmd: see $DIR/log/slurmd.log"
  for _ in $(seq 1 60); do
    if answers; then
      say "running: one node, $(nproc) CPUs; Slurm's commands need: export SLURM_CONF=$CONF"
      return 0
    fi
    sleep 0.5
  done
  fail "Slurm did not come up within 30 s: see $DIR/log/slurmctld.log and $DIR/log/slurmd.log"
}

stop_daemons() {
  local name pid
  for name in slurmd slurmctld munged; do
    pid=$(pid_of "$name") || continue
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    [ "${1:-}" = quiet ] || say "stopped $name ($pid)"
  done
}

stop() {
  if answers; then
    # Jobs run in slurmstepd processes that outlive slurmd: end them first.
    local jobs
    jobs=$(squeue -h -o '%A' 2>/dev/null | sort -u | tr '\n' ' ')
    if [ -n "${jobs// /}" ]; then
      say "cancelling jobs $jobs"
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null
      for _ in $(seq 1 60); do
        [ -z "$(squeue -h -t running,completing -o '%A' 2>/dev/null)" ] && break
        sleep 0.5
      done
    fi
  fi
  stop_daemons
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if answers; then
      say "running ($CONF)"
    else
      say "not running"
      exit 1
    fi
    ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *)
    echo "usage: deploy/slurm/local-cluster.sh start|stop|status|env" >&2
    exit 2
    ;;
esac
