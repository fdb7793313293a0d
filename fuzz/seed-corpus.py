#!/usr/bin/env python3
"""seed-corpus.py - (re)write the seed corpora of fuzz/corpus/.

Run from the repository root: python3 fuzz/seed-corpus.py
  state, pipeline: the repository's examples (cut down to a few
      resources), tests/bad and tests/hostile (files up to 64 KiB), seeds
      with TFSIGHT-CANARY secrets, and a few small real fixtures from
      ../shared/fixtures/real (licences in fuzz/corpus/SOURCES.md);
  usage, config: examples/usage.yml, examples/tfsight.yml and variants.
"""
import glob
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
REAL = os.path.join(ROOT, "..", "shared", "fixtures", "real")
REAL_SEEDS = [  # small, MIT / Apache-2.0 / MPL-2.0, see SOURCES.md
    "inframap__aws_state_sg.json",
    "driftctl__aws_vpc.tfstate",
    "infracost__sync_usage_file_nat.json",
    "checkov__tfplan_after_unknown_cloudfront.json",
    "tfjson__110_sensitive_values_state.json",
    "opentofu__v4-foreach.in.tfstate",
    "terradozer__version3.tfstate",
]
TOPOLOGY_TYPES = {
    "aws_vpc", "aws_subnet", "aws_security_group", "aws_lb",
    "aws_lb_listener", "aws_lb_target_group", "aws_ecs_cluster",
    "aws_ecs_service", "aws_ecs_task_definition", "aws_db_instance",
    "aws_secretsmanager_secret", "aws_cloudfront_distribution",
    "aws_route53_record", "aws_s3_bucket", "aws_internet_gateway",
    "aws_nat_gateway", "aws_route_table", "aws_cloudwatch_log_group",
}


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode) as f:
        f.write(data)


def cut_example(path, types, per_type):
    with open(path) as f:
        d = json.load(f)
    seen, keep = {}, []
    for r in d["resources"]:
        k = (r["mode"], r["type"])
        if types and r["type"] not in types:
            continue
        if seen.get(k, 0) >= per_type:
            continue
        seen[k] = seen.get(k, 0) + 1
        r = dict(r)
        r["instances"] = r["instances"][:1]
        keep.append(r)
    d["resources"] = keep
    d.pop("check_results", None)
    return json.dumps(d, separators=(",", ":"))


CANARY_STATE = {
    "version": 4, "terraform_version": "1.9.8", "serial": 3,
    "lineage": "fuzz",
    "resources": [
        {"mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
         "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{"schema_version": 1, "attributes": {
             "arn": "arn:aws:ecs:sa-east-1:123456789012:task-definition/t:1",
             "family": "t", "cpu": "256", "memory": "512",
             "container_definitions": json.dumps([{
                 "name": "app", "image": "nginx",
                 "environment": [{"name": "API_TOKEN",
                                  "value": "TFSIGHT-CANARY-env"}],
                 "secrets": [{"name": "DB", "valueFrom": "arn:x"}]}]),
             "tags": {"Name": "<b>t</b>", "Owner": "=HYPERLINK(\"x\")"}},
             "sensitive_attributes": [[{"type": "get_attr",
                                        "value": "tags"},
                                       {"type": "index", "value": {
                                           "value": "Secret",
                                           "type": "string"}}]]}]},
        {"mode": "managed", "type": "aws_db_instance", "name": "db",
         "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{"attributes": {
             "id": "db-1", "engine": "postgres", "instance_class":
             "db.t3.micro", "allocated_storage": 20, "multi_az": False,
             "password": "TFSIGHT-CANARY-password",
             "master_user_secret": [{"secret_arn": "arn:x",
                                     "kms_key_id": "TFSIGHT-CANARY-nested"}],
             "tags": {"Environment": "prod"}},
             "sensitive_attributes": [[{"type": "get_attr",
                                        "value": "master_user_secret"}]]}]},
        {"mode": "data", "type": "aws_secretsmanager_secret_version",
         "name": "s",
         "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{"attributes": {
             "secret_string": "TFSIGHT-CANARY-data"}}]},
        {"mode": "managed", "type": "tls_private_key", "name": "k",
         "provider": "provider[\"registry.terraform.io/hashicorp/tls\"]",
         "instances": [{"attributes": {
             "private_key_pem": "TFSIGHT-CANARY-pem", "algorithm": "RSA"}}]},
    ],
}

CANARY_PLAN = {
    "format_version": "1.2", "terraform_version": "1.9.8",
    "planned_values": {"root_module": {"resources": [
        {"address": "aws_db_instance.db", "mode": "managed",
         "type": "aws_db_instance", "name": "db",
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "values": {"engine": "mysql", "instance_class": "db.t3.small",
                    "password": "TFSIGHT-CANARY-plan", "tags": {"a": "b"}},
         "sensitive_values": {"password": True}}]}},
    "resource_changes": [
        {"address": "aws_db_instance.db", "mode": "managed",
         "type": "aws_db_instance", "name": "db",
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["update"],
                    "before": {"engine": "mysql",
                               "instance_class": "db.t3.micro",
                               "password": "TFSIGHT-CANARY-before"},
                    "after": {"engine": "mysql",
                              "instance_class": "db.t3.small",
                              "password": "TFSIGHT-CANARY-after"},
                    "after_unknown": {"id": True},
                    "before_sensitive": {"password": True},
                    "after_sensitive": {"password": True}}}],
    "prior_state": {"format_version": "1.0", "values": {"root_module": {
        "resources": [{"address": "aws_db_instance.db", "mode": "managed",
                       "type": "aws_db_instance", "name": "db",
                       "provider_name":
                       "registry.terraform.io/hashicorp/aws",
                       "values": {"engine": "mysql",
                                  "instance_class": "db.t3.micro",
                                  "password": "TFSIGHT-CANARY-prior"},
                       "sensitive_values": {"password": True}}]}}},
}

USAGE_EXTRA = """version: 0.1
resource_usage:
  aws_nat_gateway.this[*]:
    monthly_data_processed_gb: 250
  module.m[*].aws_s3_bucket.*:
    standard:
      storage_gb: 40
      monthly_tier_1_requests: 1e6
    storage_class: "GLACIER"
resource_type_default_usage:
  aws_cloudwatch_log_group:
    monthly_data_ingested_gb: 5
    storage_gb: ~
"""

CONFIG_EXTRA = """version: 1
environments:
  tag_keys: [Environment, env]
  accounts:
    "123456789012": dev
checks:
  required_tags: [owner]
  prod_environments: [prod]
  thresholds:
    backup_retention_min_days: 7
    prod_min_tasks: 2
  severity:
    SEC-LOGS-KMS: info
  waivers:
    - check: SEC-WAF
      address: "module.cdn.*"
      reason: "attached elsewhere"
      expires: 2027-03-31
"""


def main():
    for t in ("state", "pipeline", "usage", "config"):
        shutil.rmtree(os.path.join(OUT, t), ignore_errors=True)
    seeds = {}
    for ex in sorted(glob.glob(os.path.join(ROOT, "examples", "*.tfstate"))):
        base = os.path.basename(ex).rsplit(".", 1)[0]
        seeds["ex-%s-topology.json" % base] = cut_example(ex, TOPOLOGY_TYPES, 2)
        seeds["ex-%s-one-per-type.json" % base] = cut_example(ex, None, 1)
    seeds["canary-state.json"] = json.dumps(CANARY_STATE, indent=1)
    seeds["canary-plan.json"] = json.dumps(CANARY_PLAN, indent=1)
    for sub in ("bad", "hostile"):
        for p in sorted(glob.glob(os.path.join(ROOT, "tests", sub, "*"))):
            if os.path.getsize(p) <= 65536:
                with open(p, "rb") as f:
                    seeds["%s-%s" % (sub, os.path.basename(p))] = f.read()
    for name in REAL_SEEDS:
        p = os.path.join(REAL, name)
        if os.path.exists(p):
            with open(p, "rb") as f:
                seeds["real-" + name] = f.read()
    for t in ("state", "pipeline"):
        for name, data in seeds.items():
            write(t, name, data)
    with open(os.path.join(ROOT, "examples", "usage.yml")) as f:
        write("usage", "example-usage.yml", f.read())
    write("usage", "wildcards.yml", USAGE_EXTRA)
    write("usage", "empty.yml", "version: 0.1\n")
    with open(os.path.join(ROOT, "examples", "tfsight.yml")) as f:
        write("config", "example-tfsight.yml", f.read())
    write("config", "full.yml", CONFIG_EXTRA)
    write("config", "minimal.yml", "version: 1\n")
    for p in glob.glob(os.path.join(ROOT, "tests", "golden", "*", "*.yml")):
        with open(p) as f:
            text = f.read()
        name = os.path.basename(os.path.dirname(p)) + ".yml"
        write("usage" if "usage" in p else "config", name, text)


if __name__ == "__main__":
    main()
