#!/usr/bin/env python3
"""gen-many.py - one state with many instances of a few things: the worst
case of every per-instance list the human-facing outputs print.

    bench/gen-many.py N [--head] > state.tfstate

N Elastic IPs (aws_eip.ip[0..N-1], every other one idle: a failing
COST-IDLE-EIP finding with a saving each), N/10 log groups that never
expire (two failing checks each), each with an owner of its own (the
cost roll-up by owner gets N/10 lines), and N/10 S3 buckets, each in a
module instance of its own (module.site["sK"]: the roll-up by module and
the diagram's module collapsing).  Every taggable instance lacks the
Project tag (COST-TAGS fails on each).

--head writes the same stack a month later, for `tfsight diff BASE HEAD`:
N/10 more Elastic IPs (added), the log groups kept for 30 days (changed),
the last N/10 buckets gone (removed).

Valid Terraform v4 state, deterministic: a function of its arguments.
"""
import json
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
head = "--head" in sys.argv[1:]
if len(args) != 1 or not args[0].isdigit():
    sys.exit("usage: gen-many.py N [--head]")
n = int(args[0])
tenth = max(n // 10, 1)
prov = 'provider["registry.terraform.io/hashicorp/aws"]'
acct = "123456789012"
out = sys.stdout


def tags(name, owner):
    t = {"Environment": "dev", "Name": name, "Owner": owner}
    return {"tags": t, "tags_all": t}


def eip(i):
    a = {"allocation_id": f"eipalloc-{i:017x}",
         "arn": f"arn:aws:ec2:sa-east-1:{acct}:elastic-ip/eipalloc-{i:017x}",
         "association_id": "" if i % 2 else f"eipassoc-{i:017x}",
         "domain": "vpc", "id": f"eipalloc-{i:017x}", "instance": "",
         "network_border_group": "sa-east-1",
         "network_interface": "" if i % 2 else f"eni-{i:017x}",
         "public_ip": f"18.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",
         "public_ipv4_pool": "amazon", "vpc": True}
    a.update(tags(f"many-eip-{i}", "platform"))
    return {"index_key": i, "schema_version": 0, "attributes": a,
            "sensitive_attributes": []}


def log_group(i):
    a = {"arn": f"arn:aws:logs:sa-east-1:{acct}:log-group:/many/{i}",
         "id": f"/many/{i}", "name": f"/many/{i}", "log_group_class": "STANDARD",
         "kms_key_id": "", "retention_in_days": 30 if head else 0,
         "skip_destroy": False}
    a.update(tags(f"/many/{i}", f"team-{i:07d}"))
    return {"index_key": f"g{i}", "schema_version": 0, "attributes": a,
            "sensitive_attributes": []}


def bucket(i):
    name = f"many-site-{i:07d}-{acct}"
    a = {"arn": f"arn:aws:s3:::{name}", "bucket": name, "id": name,
         "region": "sa-east-1", "lifecycle_rule": [], "policy": "",
         "replication_configuration": [], "versioning": [
             {"enabled": False, "mfa_delete": False}],
         "server_side_encryption_configuration": [],
         "force_destroy": False, "object_lock_enabled": False}
    a.update(tags(name, "web"))
    return {"module": f'module.site["s{i}"]', "mode": "managed",
            "type": "aws_s3_bucket", "name": "this", "provider": prov,
            "instances": [{"schema_version": 0, "attributes": a,
                           "sensitive_attributes": []}]}


def write_instances(gen, count):
    """Instances one at a time: at N = 10^6 the state is 1.5 GB of JSON,
    which a list of dicts would hold several times over."""
    for i in range(count):
        if i:
            out.write(",")
        json.dump(gen(i), out)


out.write('{"version": 4, "terraform_version": "1.9.8", "serial": 1, '
          '"lineage": "00000000-0000-4000-8000-00000000000a", "outputs": {}, '
          '"resources": [')
out.write('{"mode": "managed", "type": "aws_eip", "name": "ip", "provider": '
          + json.dumps(prov) + ', "instances": [')
write_instances(eip, n + (tenth if head else 0))
out.write(']}, {"mode": "managed", "type": "aws_cloudwatch_log_group", '
          '"name": "many", "provider": ' + json.dumps(prov) + ', "instances": [')
write_instances(log_group, tenth)
out.write("]}")
for i in range(tenth - (tenth // 10 if head else 0)):
    out.write(", ")
    json.dump(bucket(i), out)
out.write('], "check_results": null}\n')
