#!/usr/bin/env python3
"""Junk share of topic tags on the judged set (scripts/eval/tags-judged.tsv).

Usage: tag-junk.py JUDGED.tsv PREDICTIONS.jsonl
Prints, for cased (BBC, id starting "bbc") and lower-cased (CNN/DailyMail) articles, the tags given,
how many the judged set covers, and the share of covered tags judged junk. Tags the set does not
cover are listed so they can be judged (by the rule in docs/analysis.md) and added.
"""
import json
import sys

judged = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    tag, verdict = line.rstrip("\n").split("\t")
    judged[tag] = verdict
stats = {"cased": [0, 0, 0], "lower-cased": [0, 0, 0]}
unjudged = []
for line in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(line)
    kind = "cased" if o["id"].startswith("bbc") else "lower-cased"
    for t in o.get("topics") or []:
        s = stats[kind]
        s[0] += 1
        if t in judged:
            s[1] += 1
            s[2] += judged[t] == "junk"
        elif t not in unjudged:
            unjudged.append(t)
for kind, (given, covered, junk) in stats.items():
    share = junk / covered if covered else 0.0
    print(f"tags {kind:12s} given {given:4d}  judged {covered:4d}  junk {junk:4d}  junk share {share:.3f}")
if unjudged:
    print("not in the judged set: " + " | ".join(unjudged))
