#!/usr/bin/env python3
"""gen-vpc.py - bench-gen's companion: one VPC holding N resources.

    bench/gen-vpc.py N > state.tfstate

A v4 state with one VPC over three AZs (a public and a private subnet
each, an internet gateway, a NAT gateway per AZ, an internet-facing ALB)
and N resources inside it, spread over the private subnets: EC2 instances
(count), ECS services (for_each, one task definition each), RDS
instances and Lambda functions in the VPC.  Deterministic: a function of N.
"""
import json
import sys

n = int(sys.argv[1])
azs = ["sa-east-1a", "sa-east-1b", "sa-east-1c"]
res = []


def r(type_, name, instances, module=None):
    d = {"mode": "managed", "type": type_, "name": name,
         "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
         "instances": instances}
    if module:
        d["module"] = module
    res.append(d)


def inst(attrs, key=None):
    i = {"schema_version": 0, "attributes": attrs}
    if key is not None:
        i["index_key"] = key
    return i


acct = "123456789012"
r("aws_vpc", "main", [inst({"id": "vpc-1", "cidr_block": "10.0.0.0/16",
                            "tags": {"Name": "big-vpc"}})])
r("aws_internet_gateway", "igw", [inst({"id": "igw-1", "vpc_id": "vpc-1"})])
r("aws_route_table", "public", [inst({"id": "rtb-pub", "vpc_id": "vpc-1",
  "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "igw-1"}]})])
r("aws_subnet", "public", [inst({"id": "subnet-pub-%d" % i, "vpc_id": "vpc-1",
  "availability_zone": az, "cidr_block": "10.0.%d.0/24" % i}, i)
  for i, az in enumerate(azs)])
r("aws_subnet", "private", [inst({"id": "subnet-prv-%d" % i, "vpc_id": "vpc-1",
  "availability_zone": az, "cidr_block": "10.0.%d.0/24" % (10 + i)}, i)
  for i, az in enumerate(azs)])
r("aws_route_table_association", "public", [inst({"subnet_id": "subnet-pub-%d" % i,
  "route_table_id": "rtb-pub"}, i) for i in range(3)])
r("aws_nat_gateway", "nat", [inst({"id": "nat-%d" % i, "subnet_id": "subnet-pub-%d" % i,
  "tags": {"Name": "nat-%s" % az}}, i) for i, az in enumerate(azs)])
lb_arn = "arn:aws:elasticloadbalancing:sa-east-1:%s:loadbalancer/app/big/1" % acct
r("aws_lb", "web", [inst({"id": lb_arn, "arn": lb_arn, "name": "big-alb",
  "load_balancer_type": "application", "internal": False,
  "dns_name": "big-alb-1.sa-east-1.elb.amazonaws.com",
  "subnets": ["subnet-pub-%d" % i for i in range(3)]})])
r("aws_security_group", "app", [inst({"id": "sg-app", "vpc_id": "vpc-1", "ingress": [], "egress": []})])
r("aws_security_group", "db", [inst({"id": "sg-db", "vpc_id": "vpc-1", "egress": [],
  "ingress": [{"from_port": 5432, "to_port": 5432, "protocol": "tcp",
               "security_groups": ["sg-app"], "cidr_blocks": []}]})])
r("aws_db_subnet_group", "db", [inst({"id": "db", "name": "db",
  "subnet_ids": ["subnet-prv-%d" % i for i in range(3)]})])

k_ec2 = n * 4 // 10
k_ecs = n * 3 // 10
k_rds = n // 10
k_lambda = n - k_ec2 - k_ecs - k_rds
r("aws_instance", "worker", [inst({"id": "i-%06d" % i, "instance_type": "t3.small",
  "subnet_id": "subnet-prv-%d" % (i % 3), "vpc_security_group_ids": ["sg-app"],
  "tags": {"Name": "worker-%d" % i}}, i) for i in range(k_ec2)])
tgs, svcs, tds = [], [], []
for i in range(k_ecs):
    key = "svc%04d" % i
    tg = "arn:aws:elasticloadbalancing:sa-east-1:%s:targetgroup/%s/%d" % (acct, key, i)
    tgs.append(inst({"id": tg, "arn": tg, "name": key, "vpc_id": "vpc-1", "port": 8000}, key))
    td = "arn:aws:ecs:sa-east-1:%s:task-definition/%s:1" % (acct, key)
    tds.append(inst({"id": key, "arn": td, "family": key, "cpu": "256", "memory": "512",
                     "container_definitions": "[]"}, key))
    svcs.append(inst({"id": key, "name": key, "launch_type": "FARGATE", "desired_count": 2,
                      "task_definition": td,
                      "network_configuration": [{"subnets": ["subnet-prv-%d" % j for j in range(3)],
                                                 "security_groups": ["sg-app"]}],
                      "load_balancer": [{"target_group_arn": tg, "container_port": 8000}]}, key))
r("aws_lb_target_group", "svc", tgs)
r("aws_ecs_task_definition", "svc", tds)
r("aws_ecs_service", "svc", svcs)
r("aws_db_instance", "db", [inst({"id": "db-%d" % i, "identifier": "db-%d" % i,
  "engine": "postgres", "instance_class": "db.t4g.micro", "multi_az": False, "port": 5432,
  "db_subnet_group_name": "db", "vpc_security_group_ids": ["sg-db"],
  "availability_zone": azs[i % 3]}, i) for i in range(k_rds)])
r("aws_lambda_function", "fn", [inst({"id": "fn-%d" % i, "function_name": "fn-%d" % i,
  "arn": "arn:aws:lambda:sa-east-1:%s:function:fn-%d" % (acct, i),
  "vpc_config": [{"subnet_ids": ["subnet-prv-%d" % (i % 3)], "security_group_ids": ["sg-app"]}]},
  i) for i in range(k_lambda)])

json.dump({"version": 4, "terraform_version": "1.9.0", "serial": 1,
           "lineage": "bench-vpc", "outputs": {}, "resources": res},
          sys.stdout, indent=2, sort_keys=False)
sys.stdout.write("\n")
