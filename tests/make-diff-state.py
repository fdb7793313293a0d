#!/usr/bin/env python3
"""make-diff-state.py - derive a changed state from the dev example, for
the diff tests: the dev example with one change a pull request would make
(the serial grows by one, as Terraform's would).

  python3 tests/make-diff-state.py SCENARIO OUT
  python3 tests/make-diff-state.py huge N OUT     (N extra buckets, for the
                                                   truncation tests)

Run from the repository root (the golden cases' setup scripts do).
"""
import copy
import json
import sys

BASE = "examples/webapp-dev.tfstate"


def load():
    with open(BASE, encoding="utf-8") as f:
        return json.load(f)


def find(st, module, typ, name):
    for r in st["resources"]:
        if r.get("module", "") == module and r["type"] == typ and r["name"] == name:
            return r
    raise KeyError((module, typ, name))


def save(st, path):
    st["serial"] += 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(st, f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write("\n")


def added_service(st):
    """module.app.aws_ecs_service.this["worker"], a copy of "api"."""
    svc = find(st, "module.app", "aws_ecs_service", "this")
    api = next(i for i in svc["instances"] if i["index_key"] == "api")
    worker = copy.deepcopy(api)
    worker["index_key"] = "worker"
    a = worker["attributes"]
    a["name"] = "webapp-dev-worker"
    a["id"] = a["id"].replace("webapp-dev-api", "webapp-dev-worker")
    a["load_balancer"] = []
    a["desired_count"] = 2
    svc["instances"].append(worker)


def multi_az(st):
    db = find(st, "module.database", "aws_db_instance", "this")
    db["instances"][0]["attributes"]["multi_az"] = True


def removed_nat(st):
    st["resources"] = [r for r in st["resources"]
                       if not (r["type"] in ("aws_nat_gateway",) or
                               (r["type"] == "aws_eip" and r["name"] == "nat"))]
    rt = find(st, "module.network", "aws_route_table", "private")
    for inst in rt["instances"]:
        inst["attributes"]["route"] = []


def fixed_and_broken(st):
    """RDS storage gets encrypted (a fix); ECR stops scanning on push (a
    new failure)."""
    db = find(st, "module.database", "aws_db_instance", "this")
    db["instances"][0]["attributes"]["storage_encrypted"] = True
    repo = find(st, "module.app", "aws_ecr_repository", "this")
    for inst in repo["instances"]:
        inst["attributes"]["image_scanning_configuration"] = [
            {"scan_on_push": False}]


def hostile(st):
    """Names and tags a reviewer's Markdown must show as text."""
    svc = find(st, "module.app", "aws_ecs_service", "this")
    api = next(i for i in svc["instances"] if i["index_key"] == "api")
    evil = copy.deepcopy(api)
    evil["index_key"] = "<script>alert(1)</script> @here | `rm` [x](javascript:alert(1))"
    evil["attributes"]["tags"] = {"Project": "<img src=x onerror=alert(1)>|@octocat",
                                  "Environment": "dev"}
    evil["attributes"]["tags_all"] = dict(evil["attributes"]["tags"])
    svc["instances"].append(evil)


def huge(st, n):
    """n more buckets with long names: a change too long for any comment."""
    for i in range(n):
        st["resources"].append({
            "module": "module.data_lake_with_a_rather_long_module_name",
            "mode": "managed", "type": "aws_s3_bucket",
            "name": "partition_%05d_of_the_bucket_family_for_truncation_tests" % i,
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [{"schema_version": 0, "attributes": {
                "bucket": "webapp-dev-partition-%05d" % i,
                "id": "webapp-dev-partition-%05d" % i,
                "region": "sa-east-1",
                "tags_all": {"Environment": "dev", "Project": "webapp",
                             "Owner": "data"}}}]})


SCENARIOS = {
    "dev-added-service": added_service,
    "dev-multi-az": multi_az,
    "dev-removed-nat": removed_nat,
    "dev-fixed-and-broken": fixed_and_broken,
    "dev-hostile": hostile,
}

if __name__ == "__main__":
    st = load()
    if len(sys.argv) == 4 and sys.argv[1] == "huge":
        huge(st, int(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] in SCENARIOS:
        SCENARIOS[sys.argv[1]](st)
    else:
        sys.exit("usage: make-diff-state.py SCENARIO OUT | huge N OUT "
                 "(scenarios: %s)" % ", ".join(SCENARIOS))
    save(st, sys.argv[-1])
