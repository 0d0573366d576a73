#!/usr/bin/env bash
# Measures the embedded analyzer on the public dev splits in ../shared/eval/analysis:
# summaries (CNN/DailyMail, ROUGE vs the lead baseline), categories (BBC News, AG News),
# sentiment (Financial PhraseBank AllAgree and 50Agree), summary shape (scripts/eval/summary-shape.py),
# topic-tag junk on the judged set, and speed on ~600-word articles.
# Usage: scripts/bench-analysis.sh [EVAL_DIR]  (or PULSE_EVAL=DIR)     (run from anywhere; writes under target/bench/)
# Env: ANALYZER (default embedded), SKIP_BUILD=1 to reuse target/classes.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# ../shared from the main checkout, ../../shared from a worktree under wt/
EVAL="${1:-${PULSE_EVAL:-}}"
if [[ -z "$EVAL" ]]; then
  for d in "$ROOT/../shared/eval/analysis" "$ROOT/../../shared/eval/analysis"; do
    [[ -f "$d/score.py" ]] && EVAL="$d" && break
  done
fi
EVAL="${EVAL:-$ROOT/../shared/eval/analysis}"
ANALYZER="${ANALYZER:-embedded}"
OUT="$ROOT/target/bench"
MAPS="$ROOT/scripts/eval/label-maps.json"
mkdir -p "$OUT"
cd "$ROOT"

if [[ ! -f "$EVAL/score.py" ]]; then
  echo "no evaluation data at $EVAL (expected score.py and *.dev.jsonl)" >&2
  exit 3
fi

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/cp.txt ]]; then
  mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
fi
CP="target/classes:$(cat target/cp.txt)"

pulse() { java -Xmx1g -cp "$CP" dev.pulse.cli.PulseCli "$@"; }

# --- inputs in the `pulse analyze` format --------------------------------------------------------
python3 - "$EVAL" "$OUT" <<'PY'
import json, sys, os
ev, out = sys.argv[1], sys.argv[2]
def conv(src, dst, title=True):
    with open(os.path.join(ev, src)) as f, open(os.path.join(out, dst), "w") as g:
        for line in f:
            if line.strip():
                o = json.loads(line)
                d = {"id": o["id"], "text": o.get("text", "")}
                if title and o.get("title"):
                    d["title"] = o["title"]
                g.write(json.dumps(d) + "\n")
conv("summaries_cnndm.dev.jsonl", "in-summaries.jsonl")
conv("categories.dev.jsonl", "in-categories.jsonl")
conv("sentiment.dev.jsonl", "in-sentiment.jsonl", title=False)
conv("sentiment_fpb50.dev.jsonl", "in-sentiment50.jsonl", title=False)
# topic tags: the sample the judged set (scripts/eval/tags-judged.tsv) was built from, the first 80
# BBC articles (cased) and the first 80 CNN/DailyMail articles (lower-cased) of the dev files
with open(os.path.join(out, "in-tags.jsonl"), "w") as g:
    bbc = cnn = 0
    for line in open(os.path.join(ev, "categories.dev.jsonl")):
        o = json.loads(line)
        if o["dataset"] == "bbc" and bbc < 80:
            g.write(json.dumps({"id": o["id"], "title": o["title"], "text": o["text"]}) + "\n")
            bbc += 1
    for line in open(os.path.join(ev, "summaries_cnndm.dev.jsonl")):
        o = json.loads(line)
        if cnn < 80:
            g.write(json.dumps({"id": o["id"], "text": o["text"]}) + "\n")
            cnn += 1
# speed: CNN/DM articles cut to about 600 words at a sentence end, restored to sentence case
n = 0
with open(os.path.join(ev, "summaries_cnndm.dev.jsonl")) as f, open(os.path.join(out, "in-speed.jsonl"), "w") as g:
    for line in f:
        o = json.loads(line)
        sents, words = [], 0
        for s in o.get("sentences") or [o["text"]]:
            if words >= 600:
                break
            s = s.strip()
            sents.append(s[:1].upper() + s[1:])
            words += len(s.split())
        if words >= 500:
            g.write(json.dumps({"id": o["id"], "text": " ".join(sents)}) + "\n")
            n += 1
        if n == 300:
            break
PY
python3 -c "import json,sys; m=json.load(open('$MAPS')); [json.dump(m[k], open('$OUT/map-'+k+'.json','w')) for k in m]"

run() { # name
  local name="$1"
  pulse analyze --analyzer "$ANALYZER" --in "$OUT/in-$name.jsonl" --out "$OUT/pred-$name.jsonl" \
    | tee "$OUT/log-$name.txt"
}
for n in summaries categories sentiment sentiment50 tags speed; do run "$n"; done
LOAD="$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) after the runs"

S="$EVAL/score.py"
python3 "$S" summary --gold "$EVAL/summaries_cnndm.dev.jsonl" --pred "$OUT/pred-summaries.jsonl" --no-lsum > "$OUT/score-summaries.json"
python3 "$S" category --gold "$EVAL/categories.dev.jsonl" --pred "$OUT/pred-categories.jsonl" --dataset bbc --label-map "$OUT/map-bbc.json" > "$OUT/score-bbc.json"
python3 "$S" category --gold "$EVAL/categories.dev.jsonl" --pred "$OUT/pred-categories.jsonl" --dataset agnews --label-map "$OUT/map-agnews.json" > "$OUT/score-agnews.json"
python3 "$S" sentiment --gold "$EVAL/sentiment.dev.jsonl" --pred "$OUT/pred-sentiment.jsonl" > "$OUT/score-sentiment.json"
python3 "$S" sentiment --gold "$EVAL/sentiment_fpb50.dev.jsonl" --pred "$OUT/pred-sentiment50.jsonl" > "$OUT/score-sentiment50.json"

python3 - "$OUT" "$LOAD" <<'PY'
import json, re, sys, os
out = sys.argv[1]
j = lambda n: json.load(open(os.path.join(out, n)))
s = j("score-summaries.json")["metrics"]
print()
print("summary  CNN/DM   ROUGE-1 F1 %.3f (lead same budget %.3f)  ROUGE-2 F1 %.3f (lead %.3f)  ROUGE-L F1 %.3f (lead %.3f)  avg words %.1f"
      % (s["rouge1_f"], s["lead_same_budget_f"]["rouge1"], s["rouge2_f"], s["lead_same_budget_f"]["rouge2"],
         s["rougeL_f"], s["lead_same_budget_f"]["rougeL"], s["avg_pred_words"]))
for name, label in (("bbc", "BBC"), ("agnews", "AG News")):
    m = j("score-%s.json" % name)["metrics"]
    print("category %-8s accuracy %.3f  macro-F1 %.3f  (n=%d, unmapped %d)" % (label, m["accuracy"], m["macro_f1"], m["n"], m["n_invalid_label"]))
for name, label in (("sentiment", "AllAgree"), ("sentiment50", "50Agree")):
    m = j("score-%s.json" % name)["metrics"]
    print("sentiment %-8s macro-F1 %.3f  accuracy %.3f  (n=%d)" % (label, m["macro_f1"], m["accuracy"], m["n"]))
# summary length and sentence counts (sentences ended by . ! ? before a space or the end)
counts, words = {}, []
for line in open(os.path.join(out, "pred-summaries.jsonl")):
    o = json.loads(line)
    text = o.get("summary") or ""
    n = len([x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x])
    counts[n] = counts.get(n, 0) + 1
    words.append(len(text.split()))
total = max(1, len(words))
in_band = sum(1 for w in words if 50 <= w <= 90)
print("summary  lengths  %d-%d words, %.0f%% within 50-90; sentences: %s"
      % (min(words or [0]), max(words or [0]), 100.0 * in_band / total,
         ", ".join("%d: %d" % (k, counts[k]) for k in sorted(counts))))
log = open(os.path.join(out, "log-speed.txt")).read()
m = re.search(r"analyzed (\d+) articles .* in ([\d.]+) s \(([\d.]+) articles/s\); setup ([\d.]+) s", log)
if m:
    print("speed    %s articles of ~600 words: %s articles/s (%s s); model load and setup %s s; %s"
          % (m.group(1), m.group(3), m.group(2), m.group(4), sys.argv[2]))
PY
# summary shape (issue 14): sentences, words, and what a reader notices, on lower-cased CNN/DM and
# on the cased BBC articles (their summaries come from the category run)
grep '"id": *"bbc-' "$OUT/pred-categories.jsonl" > "$OUT/pred-bbc-summaries.jsonl" || true
python3 "$ROOT/scripts/eval/summary-shape.py" "CNN/DM" "$OUT/pred-summaries.jsonl"
python3 "$ROOT/scripts/eval/summary-shape.py" "BBC" "$OUT/pred-bbc-summaries.jsonl"
python3 "$ROOT/scripts/eval/tag-junk.py" "$ROOT/scripts/eval/tags-judged.tsv" "$OUT/pred-tags.jsonl" \
  | sed 's/^tags /topics   /'
