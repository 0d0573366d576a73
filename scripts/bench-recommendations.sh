#!/usr/bin/env bash
# Recommended Readings against labelled news: for each similarity floor, recommendations per entry,
# entries left with none, and the share of recommendations in the entry's own gold category
# (RecommendationFloorBenchmark). Argument: the categories file (default: the dev split in
# ../shared/eval/analysis). Set MVN_OFFLINE= (empty) to let Maven go online.
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD="${1:-}"
if [[ -z "$GOLD" ]]; then
  for d in ../shared/eval/analysis ../../shared/eval/analysis; do
    [[ -f "$d/categories.dev.jsonl" ]] && GOLD="$d/categories.dev.jsonl" && break
  done
fi
[[ -f "${GOLD:-}" ]] || { echo "no categories file (expected ../shared/eval/analysis/categories.dev.jsonl)" >&2; exit 3; }
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.pulse.publish.RecommendationFloorBenchmark "$GOLD"
