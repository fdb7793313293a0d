#!/usr/bin/env python3
"""gen-sg-mesh.py - a security-group mesh, the worst case of the network join.

    bench/gen-sg-mesh.py GROUPS SERVICES > state.tfstate

GROUPS application security groups and GROUPS database security groups;
every database group allows PostgreSQL from every application group, every
ECS service is in every application group, and one database is in every
database group.  The join finds SERVICES edges from GROUPS x GROUPS rules;
before one edge per pair it made GROUPS x GROUPS x SERVICES.  Deterministic:
a function of its arguments.
"""
import json
import sys

groups, services = int(sys.argv[1]), int(sys.argv[2])
prov = 'provider["registry.terraform.io/hashicorp/aws"]'
res = []


def r(type_, name, attrs):
    res.append({"mode": "managed", "type": type_, "name": name,
                "provider": prov,
                "instances": [{"schema_version": 0, "attributes": attrs}]})


for g in range(groups):
    r("aws_security_group", f"app{g}", {"id": f"sg-app{g:05d}",
                                        "vpc_id": "vpc-mesh"})
    r("aws_security_group", f"db{g}", {
        "id": f"sg-db{g:05d}", "vpc_id": "vpc-mesh",
        "ingress": [{"from_port": 5432, "to_port": 5432, "protocol": "tcp",
                     "cidr_blocks": [], "security_groups": [f"sg-app{a:05d}"],
                     "self": False} for a in range(groups)]})
for s in range(services):
    r("aws_ecs_service", f"svc{s}", {
        "name": f"svc{s}", "desired_count": 1, "launch_type": "FARGATE",
        "network_configuration": [{"security_groups":
                                   [f"sg-app{a:05d}" for a in range(groups)],
                                   "subnets": [], "assign_public_ip": False}]})
r("aws_db_instance", "db", {
    "identifier": "mesh", "engine": "postgres", "instance_class": "db.t4g.micro",
    "vpc_security_group_ids": [f"sg-db{g:05d}" for g in range(groups)]})
json.dump({"version": 4, "terraform_version": "1.9.8", "serial": 1,
           "lineage": "00000000-0000-4000-8000-000000000000", "outputs": {},
           "resources": res, "check_results": None}, sys.stdout)
