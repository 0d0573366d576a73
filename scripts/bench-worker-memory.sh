#!/usr/bin/env bash
# Memory of one `pulse worker` against the number of queued tasks (issue 11: max RSS within 15%
# from 1,000 to 10,000). For each size: a fresh embedded PostgreSQL, 20 loopback hosts whose feeds
# list size/20 items each, the fake LLM of bench-scale.sh (1.0 s, 600 requests/min); one worker of
# 16 threads discovers every feed (every item becomes a task), then works for --memory-s seconds;
# its peak RSS (VmHWM) is read at the end. Prints one line per size.
#
#   scripts/bench-worker-memory.sh [--queued 1000,10000] [--memory-s 120] [--threads 16]
#   WORKER_JVM="-Xmx256m" scripts/bench-worker-memory.sh    # other JVM options for the worker
#
# By default the worker runs with the JVM options of the deployment recipe (JAVA_TOOL_OPTIONS in
# deploy/k8s/worker-deployment.yaml, the same in deploy/systemd/pulse-worker.service). Not part of
# the tests: it takes about 6 minutes (mostly waiting on the fake LLM). Needs Java and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
recipe=$(awk '/name: JAVA_TOOL_OPTIONS/{getline; sub(/.*value: *"/, ""); sub(/".*/, ""); print}' \
  deploy/k8s/worker-deployment.yaml)
export WORKER_JVM="${WORKER_JVM-$recipe}"
echo "worker JVM options: ${WORKER_JVM:-(none)}"
args=("$@")
[[ " $* " == *" --memory-s "* ]] || args+=(--memory-s 120)
exec scripts/bench-scale.sh --memory 1 "${args[@]}"
