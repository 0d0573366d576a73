#!/usr/bin/env bash
# Throughput of `pulse run` against its bound, all on loopback (127.0.0.x): news sites with RSS
# feeds and pages, and a fake OpenAI-compatible server with a latency and a requests-per-minute
# limit. Runs the real CLI in child processes: an LLM run, an unchanged rerun, an embedded run.
# Prints wall time, the bound, the ratio, LLM requests in flight (peak, mean), 429s, max RSS and the
# largest heap after a GC, for each.
#
#   scripts/bench-throughput.sh [--n 1000] [--hosts 20] [--latency-ms 1000] [--rpm 600]
#                               [--concurrent 10] [--host-delay-ms 1000] [--page-kb 150]
#                               [--runs llm,rerun,embedded]
#
# Set MVN_OFFLINE= (empty) to let Maven go online. Needs only Java and Maven; no network.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Xmx512m -Dsun.net.httpserver.nodelay=true -Dbench.cp="target/classes:$(cat target/bench-classpath.txt)" -cp "$CP" \
  dev.pulse.pipeline.ThroughputBench "$@"
