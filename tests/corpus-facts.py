#!/usr/bin/env python3
"""corpus-facts.py - the facts tests/run-corpus.sh holds each real file to.

For each file given: instance counts, every subnet (its VPC, AZ and tier),
the placement of every subnet-bound resource, edge counts by kind, and the
total with each cost status counted.  Prints them in the layout of
tests/fixtures/real/FACTS, which was written from this output once and then
checked line by line against the input files by hand: when tfsight's
answer changes, read the input again before changing FACTS.
"""
import json
import os
import subprocess
import sys


def run(tf, *args):
    p = subprocess.run([tf, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def facts(tf, path):
    lines = ["== " + os.path.basename(path)]
    rc, out, err = run(tf, "topology", "--format", "json", path)
    if rc != 0:
        first = err.strip().splitlines()[0] if err.strip() else ""
        lines.append("exit %d: %s" % (rc, first.replace(path, "FILE")))
        return lines
    t = json.loads(out)["inputs"][0]
    s, nodes = t["summary"], t["nodes"]
    lines.append("resources %d data %d external %d edges %d" % (
        s["resources"], s["dataSources"], s["external"], s["edges"]))
    for n in nodes:
        if n["kind"] == "subnet":
            vpc = nodes[n["vpc"]]["address"] if n["vpc"] is not None else "-"
            lines.append("subnet %s: vpc %s, az %s, %s" % (
                n["address"], vpc, ",".join(n["azs"]) or "-", n["tier"]))
    for n in nodes:
        if n["placement"] == "subnets":
            lines.append("place %s: %s" % (n["address"], ", ".join(
                nodes[i]["address"] for i in n["subnets"])))
    kinds = {}
    for e in t["edges"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    if kinds:
        lines.append("edges " + " ".join(
            "%s=%d" % kv for kv in sorted(kinds.items())))
    rc, out, err = run(tf, "cost", "--format", "json", path)
    c = json.loads(out)
    status = {}
    for r in c["projects"][0]["breakdown"]["resources"]:
        k = r["metadata"]["tfsight"]["status"]
        status[k] = status.get(k, 0) + 1
    lines.append(("total %s " % c["totalMonthlyCost"] + " ".join(
        "%s=%d" % kv for kv in sorted(status.items()))).rstrip())
    return lines


def main():
    tf = sys.argv[1]
    for path in sys.argv[2:]:
        print("\n".join(facts(tf, path)))


if __name__ == "__main__":
    main()
