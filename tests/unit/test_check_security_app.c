/* test_check_security_app.c - the Security checks about identity,
 * workloads, secrets and audit (src/check/security_app.c): IAM least
 * privilege, container hardening, ECR, secret rotation, encryption of logs
 * and volumes, CloudTrail, GuardDuty; and their results on the examples. */
#include "testutil.h"

#define POLICY(name, doc) R("aws_iam_policy", name, "{'policy':'" doc "'}")

#define TD(name, defs, extra)                                                 \
	R("aws_ecs_task_definition", name,                                     \
	  "{'family':'" name "','container_definitions':'" defs "'" extra "}")

/* ---- SEC-IAM-LEAST-PRIV -------------------------------------------------- */

static void test_iam_policies(void **s)
{
	(void)s;
	fixture f = B(
		POLICY("star", "{`Statement`:[{`Sid`:`MARKER-SID-1`,`Effect`:`Allow`,"
		               "`Action`:[`s3:GetObject`,`*`],`Resource`:`*`}]}")
		"," POLICY("svc", "{`Statement`:{`Effect`:`Allow`,`Action`:`s3:*`,"
		                  "`Resource`:`arn:aws:s3:::b/*`}}")
		"," POLICY("notaction", "{`Statement`:[{`Effect`:`Allow`,"
		                        "`NotAction`:`iam:*`,`Resource`:`*`}]}")
		"," POLICY("anyres", "{`Statement`:[{`Effect`:`Allow`,`Action`:"
		                     "`ecr:GetAuthorizationToken`,`Resource`:`*`},"
		                     "{`Effect`:`Allow`,`Action`:[`s3:GetObject`],"
		                     "`Resource`:[`*`]}]}")
		"," POLICY("unscopable", "{`Statement`:[{`Effect`:`Allow`,`Action`:"
		                         "[`ecr:GetAuthorizationToken`,"
		                         "`ec2:DescribeInstances`],`Resource`:`*`},"
		                         "{`Effect`:`Deny`,`Action`:`*`,"
		                         "`Resource`:`*`}]}")
		"," POLICY("scoped", "{`Version`:`2012-10-17`,`Statement`:[{`Effect`:"
		                    "`Allow`,`Action`:[`s3:GetObject`],`Resource`:"
		                    "[`arn:aws:s3:::b/*`]}]}")
		"," POLICY("cond", "{`Statement`:[{`Effect`:`Allow`,`Action`:"
		                  "`kms:Decrypt`,`Resource`:`*`,`Condition`:{"
		                  "`StringEquals`:{`kms:ViaService`:`s3.sa-east-1."
		                  "amazonaws.com`}}}]}")
		"," POLICY("garbage", "not json at all")
		"," R("aws_iam_role_policy", "inline", "{'policy':7}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;
	char *text;

	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.star");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "policy.Statement[0].Action[1]");
	assert_string_equal(fd->value, "\"*\"");
	assert_non_null(strstr(fd->message, "allows every action"));
	/* the Resource "*" on s3:GetObject is counted, not repeated */
	assert_non_null(strstr(fd->message, "1 more"));
	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.svc");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "policy.Statement.Action");
	assert_string_equal(fd->value, "\"s3:*\"");
	assert_non_null(strstr(fd->message, "every s3 action"));
	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.notaction");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "policy.Statement[0].NotAction");
	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.anyres");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "policy.Statement[1].Resource");
	assert_non_null(strstr(fd->message, "s3:GetObject on every resource"));
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_policy.unscopable"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.scoped");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->value, "[1 item]");
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_policy.cond"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_policy.garbage"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_role_policy.inline"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(summary_of(c, "SEC-IAM-LEAST-PRIV"), TFS_STATUS_FAIL);
	/* the evidence is the statement and the action, never the document */
	text = all_text(c);
	assert_null(strstr(text, "MARKER-SID-1"));
	assert_null(strstr(text, "Statement\":"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

static void test_iam_roles_and_attachments(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_iam_role", "admin",
		  "{'name':'admin','managed_policy_arns':['arn:aws:iam::111111111111:"
		  "policy/x','arn:aws:iam::aws:policy/AdministratorAccess'],"
		  "'inline_policy':[]}")
		"," R("aws_iam_role", "wild",
		      "{'name':'wild','managed_policy_arns':[],'inline_policy':["
		      "{'name':'ok','policy':'{`Statement`:[{`Effect`:`Allow`,"
		      "`Action`:`sqs:SendMessage`,`Resource`:`arn:aws:sqs:sa-east-1:"
		      "111111111111:q`}]}'},{'name':'bad','policy':'{`Statement`:[{"
		      "`Effect`:`Allow`,`Action`:[`dynamodb:*`],`Resource`:"
		      "`arn:aws:dynamodb:sa-east-1:111111111111:table/t`}]}'}]}")
		"," R("aws_iam_role", "fine",
		      "{'name':'fine','managed_policy_arns':['arn:aws:iam::aws:policy/"
		      "service-role/AmazonECSTaskExecutionRolePolicy'],"
		      "'inline_policy':[{'name':'','policy':''}]}")
		"," R("aws_iam_role_policy_attachment", "admin",
		      "{'role':'admin','policy_arn':'arn:aws:iam::aws:policy/"
		      "AdministratorAccess'}")
		"," R("aws_iam_user_policy_attachment", "ro",
		      "{'user':'u','policy_arn':'arn:aws:iam::aws:policy/"
		      "ReadOnlyAccess'}")
		"," R("aws_iam_group_policy_attachment", "none", "{'group':'g'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_role.admin");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "managed_policy_arns[1]");
	fd = finding_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_role.wild");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "inline_policy[1].policy.Statement[0].Action[0]");
	assert_string_equal(fd->value, "\"dynamodb:*\"");
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_role.fine"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_role_policy_attachment.admin"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_user_policy_attachment.ro"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV",
	                           "aws_iam_group_policy_attachment.none"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-ECS-NO-PLAINTEXT-SECRETS ---------------------------------------- */

static void test_plaintext_secrets(void **s)
{
	(void)s;
	fixture f = B(
		TD("leaky", "[{`name`:`api`,`environment`:[{`name`:`PORT`,`value`:"
		            "`8000`},{`name`:`DB_PASSWORD`,`value`:`CANARY-pw-1`},"
		            "{`name`:`STRIPE_API_KEY`,`value`:`CANARY-key-2`}]},"
		            "{`name`:`worker`,`environment`:[{`name`:`DATABASE_URL`,"
		            "`value`:`postgres://app:CANARY-url-3@db:5432/app`}]}]",
		   "")
		"," TD("keyid", "[{`name`:`app`,`environment`:[{`name`:`AWS_KEY`,"
		               "`value`:`AKIAABCDEFGHIJKLMNOP`}]}]", "")
		"," TD("clean", "[{`name`:`api`,`environment`:[{`name`:`SECRET_ARN`,"
		               "`value`:`arn:aws:secretsmanager:sa-east-1:1:secret:x`},"
		               "{`name`:`TOKEN_TTL`,`value`:`3600`},{`name`:"
		               "`DATABASE_URL`,`value`:`postgres://db:5432/app`}],"
		               "`secrets`:[{`name`:`DJANGO_SECRET_KEY`,`valueFrom`:"
		               "`arn:aws:secretsmanager:sa-east-1:1:secret:k`}]}]",
		   "")
		"," TD("broken", "[not json", ""));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;
	char *text;

	fd = finding_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                "aws_ecs_task_definition.leaky");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "container_definitions[api].environment");
	assert_string_equal(fd->value, "DB_PASSWORD, STRIPE_API_KEY, DATABASE_URL");
	fd = finding_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                "aws_ecs_task_definition.keyid");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "AWS_KEY");
	assert_int_equal(status_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                           "aws_ecs_task_definition.clean"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                           "aws_ecs_task_definition.broken"),
	                 TFS_STATUS_UNKNOWN);
	/* names only: no value ever reaches a finding */
	text = all_text(c);
	assert_null(strstr(text, "CANARY"));
	assert_null(strstr(text, "AKIAABCDEFGHIJKLMNOP"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

/* Thousands of secret-like names: the evidence stays short. */
static void test_long_lists_are_cut(void **s)
{
	(void)s;
	tfs_buf b;
	fixture f;
	tfs_checks *c;
	const tfs_finding *fd;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, "{'mode':'managed','type':'aws_ecs_task_definition',"
	                 "'name':'big','instances':[{'attributes':{"
	                 "'container_definitions':'[");
	for (int k = 0; k < 3000; k++)
		tfs_buf_addf(&b, "%s{`name`:`c%d`,`user`:`root`,`environment`:"
		                 "[{`name`:`TOKEN_%d`,`value`:`v`}]}",
		             k ? "," : "", k, k);
	tfs_buf_adds(&b, "]'}}]}");
	f = B(b.data);
	tfs_buf_release(&b);
	c = run_checks(&f, NULL);
	fd = finding_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                "aws_ecs_task_definition.big");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->value, "TOKEN_7 and 2992 more"));
	assert_true(strlen(fd->message) < 400);
	fd = finding_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.big");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "c7 and 2992 more"));
	tfs_checks_free(c);
	release(&f);
}

/* ---- container hardening ----------------------------------------------------- */

static void test_nonroot(void **s)
{
	(void)s;
	fixture f = B(
		TD("root", "[{`name`:`a`,`user`:`1000`},{`name`:`b`,`user`:`root`},"
		           "{`name`:`c`,`user`:`0:0`}]", "")
		"," TD("unset", "[{`name`:`a`,`user`:`1000`},{`name`:`b`}]", "")
		"," TD("ok", "[{`name`:`a`,`user`:`1000:1000`},{`name`:`b`,"
		            "`user`:`app`}]", "")
		"," TD("win", "[{`name`:`a`}]",
		       ",'runtime_platform':[{'operating_system_family':"
		       "'WINDOWS_SERVER_2022_CORE'}]"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.root");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "container_definitions[b].user");
	assert_string_equal(fd->value, "\"root\"");
	assert_non_null(strstr(fd->message, "containers b, c run as root"));
	fd = finding_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.unset");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->attribute, "container_definitions[b].user");
	assert_string_equal(fd->value, "(absent)");
	assert_non_null(strstr(fd->message, "image's USER"));
	fd = finding_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.ok");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "container_definitions[*].user");
	assert_string_equal(fd->value, "\"1000:1000\", \"app\"");
	assert_int_equal(status_of(c, "SEC-ECS-NONROOT",
	                           "aws_ecs_task_definition.win"),
	                 TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_readonly_root(void **s)
{
	(void)s;
	fixture f = B(
		TD("mixed", "[{`name`:`api`,`readonlyRootFilesystem`:true},"
		            "{`name`:`sidecar`}]", "")
		"," TD("ro", "[{`name`:`api`,`readonlyRootFilesystem`:true}]", "")
		"," TD("rw", "[{`name`:`api`,`readonlyRootFilesystem`:false}]", ""));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-ECS-READONLY-ROOT",
	                "aws_ecs_task_definition.mixed");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "container_definitions[sidecar].readonlyRootFilesystem");
	assert_string_equal(fd->value, "(absent)");
	fd = finding_of(c, "SEC-ECS-READONLY-ROOT", "aws_ecs_task_definition.ro");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "container_definitions[api].readonlyRootFilesystem");
	assert_string_equal(fd->value, "true");
	fd = finding_of(c, "SEC-ECS-READONLY-ROOT", "aws_ecs_task_definition.rw");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "false");
	tfs_checks_free(c);
	release(&f);
}

static void test_nonpriv(void **s)
{
	(void)s;
	fixture f = B(
		TD("priv", "[{`name`:`a`},{`name`:`b`,`privileged`:true}]", "")
		"," TD("pid", "[{`name`:`a`}]", ",'pid_mode':'host'")
		"," TD("ok", "[{`name`:`a`,`privileged`:false}]", ",'pid_mode':''"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-ECS-NONPRIV", "aws_ecs_task_definition.priv");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "container_definitions[b].privileged");
	fd = finding_of(c, "SEC-ECS-NONPRIV", "aws_ecs_task_definition.pid");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "pid_mode");
	assert_string_equal(fd->value, "\"host\"");
	assert_int_equal(status_of(c, "SEC-ECS-NONPRIV", "aws_ecs_task_definition.ok"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_no_public_ip(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_ecs_service", "pub",
		  "{'name':'pub','network_configuration':[{'assign_public_ip':true,"
		  "'subnets':['subnet-1']}]}")
		"," R("aws_ecs_service", "priv",
		      "{'name':'priv','network_configuration':[{'assign_public_ip':"
		      "'false','subnets':['subnet-1']}]}")
		"," R("aws_ecs_service", "bridge",
		      "{'name':'bridge','network_configuration':[]}")
		"," R("aws_ecs_service", "odd",
		      "{'name':'odd','network_configuration':[{'subnets':[]}]}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "SEC-ECS-NO-PUBLIC-IP", "aws_ecs_service.pub"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-ECS-NO-PUBLIC-IP",
	                           "aws_ecs_service.priv"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECS-NO-PUBLIC-IP",
	                           "aws_ecs_service.bridge"),
	                 TFS_STATUS_NA);
	assert_int_equal(status_of(c, "SEC-ECS-NO-PUBLIC-IP", "aws_ecs_service.odd"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- ECR ------------------------------------------------------------------------ */

#define REPO(rname, name, extra)                                              \
	R("aws_ecr_repository", rname, "{'name':'" name "'" extra "}")

static void test_ecr(void **s)
{
	(void)s;
	fixture f = B(
		REPO("scanned", "scanned", ",'image_scanning_configuration':[{'scan_on_push':"
		                "true}],'image_tag_mutability':'IMMUTABLE'")
		"," REPO("unscanned", "unscanned", ",'image_scanning_configuration':[{"
		                     "'scan_on_push':false}],'image_tag_mutability':"
		                     "'MUTABLE'")
		"," REPO("team", "team/x", ",'image_scanning_configuration':[{"
		                  "'scan_on_push':false}],'image_tag_mutability':"
		                  "'IMMUTABLE_WITH_EXCLUSION'")
		"," REPO("bare", "bare", "")
		"," R("aws_ecr_registry_scanning_configuration", "reg",
		      "{'scan_type':'ENHANCED','rule':[{'scan_frequency':'MANUAL',"
		      "'repository_filter':[{'filter':'*','filter_type':'WILDCARD'}]},"
		      "{'scan_frequency':'CONTINUOUS_SCAN','repository_filter':[{"
		      "'filter':'team/*','filter_type':'WILDCARD'}]}]}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	assert_int_equal(status_of(c, "SEC-ECR-SCAN",
	                           "aws_ecr_repository.scanned"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-ECR-SCAN", "aws_ecr_repository.unscanned");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "image_scanning_configuration[0].scan_on_push");
	assert_string_equal(fd->value, "false");
	fd = finding_of(c, "SEC-ECR-SCAN", "aws_ecr_repository.team");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_ecr_registry_scanning_configuration.reg.rule[]"
	                    ".repository_filter");
	assert_string_equal(fd->value, "\"team/*\"");
	assert_int_equal(status_of(c, "SEC-ECR-SCAN", "aws_ecr_repository.bare"),
	                 TFS_STATUS_UNKNOWN);

	assert_int_equal(status_of(c, "SEC-ECR-IMMUTABLE",
	                           "aws_ecr_repository.scanned"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECR-IMMUTABLE",
	                           "aws_ecr_repository.unscanned"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-ECR-IMMUTABLE",
	                           "aws_ecr_repository.team"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECR-IMMUTABLE", "aws_ecr_repository.bare"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-SECRETS-KMS-ROTATION ------------------------------------------------ */

#define SECRET(name, extra)                                                   \
	R("aws_secretsmanager_secret", name,                                   \
	  "{'name':'" name "','arn':'arn:aws:secretsmanager:sa-east-1:"         \
	  "111111111111:secret:" name "-AbCdEf'" extra "}")
#define ROTATION(name, rules)                                                 \
	R("aws_secretsmanager_secret_rotation", name,                          \
	  "{'secret_id':'arn:aws:secretsmanager:sa-east-1:111111111111:secret:" \
	  name "-AbCdEf','rotation_enabled':true,'rotation_rules':[" rules "]}")
#define KMS ",'kms_key_id':'arn:aws:kms:sa-east-1:111111111111:key/k'"

static void test_secrets_rotation(void **s)
{
	(void)s;
	fixture f = B(
		SECRET("good", KMS) "," ROTATION("good", "{'automatically_after_days':30}")
		"," SECRET("slow", KMS)
		"," ROTATION("slow", "{'automatically_after_days':'180'}")
		"," SECRET("never", KMS)
		"," SECRET("nokey", "") "," ROTATION("nokey",
		                                     "{'automatically_after_days':7}")
		"," SECRET("rate", KMS) "," ROTATION("rate", "{'schedule_expression':"
		                                             "'rate(10 days)'}")
		"," SECRET("cron", KMS) "," ROTATION("cron", "{'schedule_expression':"
		                                             "'cron(0 8 1 * ? *)'}")
		"," SECRET("hostile", KMS) "," ROTATION("hostile", "'seven'"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-SECRETS-KMS-ROTATION",
	                "aws_secretsmanager_secret.good");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_secretsmanager_secret_rotation.good.rotation_rules"
	                    "[0].automatically_after_days");
	assert_string_equal(fd->value, "30");
	fd = finding_of(c, "SEC-SECRETS-KMS-ROTATION",
	                "aws_secretsmanager_secret.slow");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "180 days, more than the 90"));
	fd = finding_of(c, "SEC-SECRETS-KMS-ROTATION",
	                "aws_secretsmanager_secret.never");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "(absent)");
	fd = finding_of(c, "SEC-SECRETS-KMS-ROTATION",
	                "aws_secretsmanager_secret.nokey");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "kms_key_id");
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           "aws_secretsmanager_secret.rate"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           "aws_secretsmanager_secret.cron"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           "aws_secretsmanager_secret.hostile"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);

	/* the ceiling comes from tfsight.yml */
	c = run_checks(&f, "version: 1\nchecks:\n  thresholds:\n"
	                   "    secret_rotation_max_days: 365\n");
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           "aws_secretsmanager_secret.slow"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

/* ---- encryption at rest ------------------------------------------------------- */

static void test_logs_kms(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_cloudwatch_log_group", "enc",
		  "{'name':'/a'" KMS ",'retention_in_days':30}")
		"," R("aws_cloudwatch_log_group", "plain",
		      "{'name':'/b','kms_key_id':''}")
		"," R("aws_cloudwatch_log_group", "odd", "{'name':'/c'}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "SEC-LOGS-KMS", "aws_cloudwatch_log_group.enc"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-LOGS-KMS",
	                           "aws_cloudwatch_log_group.plain"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-LOGS-KMS", "aws_cloudwatch_log_group.odd"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

#define CLUSTER_ARN "arn:aws:ecs:sa-east-1:111111111111:cluster/"

static void test_ebs(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_ecs_cluster", "c", "{'name':'c','arn':'" CLUSTER_ARN "c',"
		                          "'configuration':[]}")
		"," R("aws_ecs_service", "s", "{'name':'s','cluster':'"
		                              CLUSTER_ARN "c','launch_type':'FARGATE'}")
		"," R("aws_ecs_cluster", "cp", "{'name':'cp','arn':'" CLUSTER_ARN
		                               "cp'}")
		"," R("aws_ecs_cluster_capacity_providers", "cp",
		      "{'cluster_name':'cp','capacity_providers':['FARGATE_SPOT']}")
		"," R("aws_ecs_cluster", "ec2", "{'name':'ec2','arn':'" CLUSTER_ARN
		                                "ec2'}")
		"," R("aws_ecs_service", "e", "{'name':'e','cluster':'" CLUSTER_ARN
		                              "ec2','launch_type':'EC2'}")
		"," R("aws_ecs_cluster", "cmk", "{'name':'cmk','configuration':[{"
		                                "'managed_storage_configuration':[{"
		                                "'fargate_ephemeral_storage_kms_key_id'"
		                                ":'arn:aws:kms:sa-east-1:1:key/k'}]}]}")
		"," R("aws_ebs_volume", "v", "{'encrypted':false}")
		"," R("aws_instance", "i", "{'root_block_device':[{'encrypted':true}]}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-EBS-EPHEMERAL", NULL);
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(fd->message, "no aws_ebs_encryption_by_default"));
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL", "aws_ecs_cluster.c"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL", "aws_ecs_cluster.cp"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-EBS-EPHEMERAL", "aws_ecs_cluster.cmk");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_non_null(strstr(fd->message, "customer KMS key"));
	/* an EC2-backed cluster's storage is the instances' EBS volumes */
	for (size_t k = 0; k < c->count; k++)
		assert_false(c->findings[k].address &&
		             strcmp(c->findings[k].address,
		                    "aws_ecs_cluster.ec2") == 0 &&
		             strcmp(c->findings[k].check->id,
		                    "SEC-EBS-EPHEMERAL") == 0);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL", "aws_ebs_volume.v"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL", "aws_instance.i"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_ebs_encryption_by_default", "on", "{'enabled':true}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL",
	                           "aws_ebs_encryption_by_default.on"),
	                 TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-EBS-EPHEMERAL"), TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_ebs_encryption_by_default", "off", "{'enabled':false}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL",
	                           "aws_ebs_encryption_by_default.off"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- audit and threat detection --------------------------------------------------- */

#define TRAIL(name, extra)                                                    \
	R("aws_cloudtrail", name, "{'name':'" name "','enable_logging':true"   \
	  extra "}")
#define FULL_TRAIL                                                            \
	",'is_multi_region_trail':true,'enable_log_file_validation':true"      \
	KMS ",'cloud_watch_logs_group_arn':'arn:aws:logs:sa-east-1:1:log-group:t'"

static void test_cloudtrail(void **s)
{
	(void)s;
	fixture f = B(R("aws_s3_bucket", "b", "{'bucket':'b'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-CLOUDTRAIL", NULL);
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(fd->message, "organization trail"));
	tfs_checks_free(c);
	release(&f);

	f = B(TRAIL("org", FULL_TRAIL)
	      "," TRAIL("data", ",'is_multi_region_trail':false,"
	                      "'enable_log_file_validation':true" KMS
	                      ",'cloud_watch_logs_group_arn':'arn:x'")
	      "," TRAIL("weak", ",'is_multi_region_trail':true,"
	                      "'enable_log_file_validation':false"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "SEC-CLOUDTRAIL", "aws_cloudtrail.org"),
	                 TFS_STATUS_PASS);
	/* a single-Region trail beside a multi-Region one is fine */
	assert_int_equal(status_of(c, "SEC-CLOUDTRAIL", "aws_cloudtrail.data"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-CLOUDTRAIL", "aws_cloudtrail.weak");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "enable_log_file_validation");
	assert_non_null(strstr(fd->message, "not encrypted"));
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_cloudtrail", "alone", "{'name':'alone','enable_logging':"
	        "false,'is_multi_region_trail':false}"));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "SEC-CLOUDTRAIL", "aws_cloudtrail.alone");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "enable_logging");
	assert_non_null(strstr(fd->message, "one Region only"));
	tfs_checks_free(c);
	release(&f);
}

static void test_guardduty(void **s)
{
	(void)s;
	fixture f = B(R("aws_s3_bucket", "b", "{'bucket':'b'}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "SEC-GUARDDUTY", NULL), TFS_STATUS_UNKNOWN);
	assert_int_equal(summary_of(c, "SEC-GUARDDUTY"), TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_guardduty_detector", "on", "{'id':'d1','enable':true}")
	      "," R("aws_guardduty_detector", "off", "{'id':'d2','enable':false}")
	      "," R("aws_guardduty_detector", "blind", "{'id':'d3','enable':true}")
	      "," R("aws_guardduty_detector_feature", "rt",
	            "{'detector_id':'d3','name':'RUNTIME_MONITORING',"
	            "'status':'DISABLED'}")
	      "," R("aws_guardduty_detector", "odd", "{'id':'d4','enable':[]}")
	      "," R("aws_ecs_service", "svc", "{'name':'svc'}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", "aws_guardduty_detector.on"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", "aws_guardduty_detector.off"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY",
	                           "aws_guardduty_detector.blind"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", "aws_guardduty_detector.odd"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_catalogue_rows(void **s)
{
	(void)s;
	static const char *const IDS[] = {
		"SEC-IAM-LEAST-PRIV",  "SEC-ECS-NO-PLAINTEXT-SECRETS",
		"SEC-ECS-NONROOT",     "SEC-ECS-READONLY-ROOT",
		"SEC-ECS-NONPRIV",     "SEC-ECS-NO-PUBLIC-IP",
		"SEC-ECR-SCAN",        "SEC-ECR-IMMUTABLE",
		"SEC-SECRETS-KMS-ROTATION", "SEC-LOGS-KMS",
		"SEC-EBS-EPHEMERAL",   "SEC-CLOUDTRAIL",
		"SEC-GUARDDUTY",       "SEC-MFA",
	};
	size_t len, i;
	char *seed = read_repo_file("../shared/seeds/000_818cf458b4a96c4f.txt",
	                            &len);
	fixture f = B(R("aws_s3_bucket", "b", "{'bucket':'b'}"));
	tfs_checks *c = run_checks(&f, NULL);

	for (i = 0; i < sizeof(IDS) / sizeof(IDS[0]); i++) {
		const tfs_check_def *d = tfs_check_find(IDS[i]);
		assert_non_null(d);
		assert_int_equal(d->category, TFS_CHECKCAT_SECURITY);
		assert_true(d->title[0] && d->remediation[0]);
		assert_non_null(strchr(d->remediation, '`'));
		assert_true((d->run == NULL) == (d->undecidable != NULL));
		/* the checklist line is quoted verbatim from the seeds */
		if (seed && !strstr(seed, d->checklist))
			fail_msg("%s: '%s' is not in the seeds", d->id, d->checklist);
	}
	assert_int_equal(status_of(c, "SEC-MFA", NULL), TFS_STATUS_UNDECIDABLE);
	assert_int_equal(summary_of(c, "SEC-MFA"), TFS_STATUS_UNDECIDABLE);
	free(seed);
	tfs_checks_free(c);
	release(&f);
}

/* Wrong types everywhere: nothing crashes, nothing passes by accident. */
static void test_hostile_shapes(void **s)
{
	(void)s;
	fixture f = B(
		TD("num", "5", "")
		"," R("aws_ecs_task_definition", "arr",
		      "{'container_definitions':[{'name':'x','user':7,"
		      "'environment':'nope','readonlyRootFilesystem':'true'}]}")
		"," TD("objs", "[1,`two`,{`environment`:[1,{`name`:5},{`value`:`v`}]}]",
		       ",'runtime_platform':'linux'")
		"," POLICY("weird", "{`Statement`:[1,{`Effect`:`Allow`,`Action`:5,"
		                    "`Resource`:{}},{`Effect`:`Allow`}]}")
		"," R("aws_iam_role", "weird", "{'managed_policy_arns':'x',"
		                               "'inline_policy':[{'policy':'[1]'},5]}")
		"," R("aws_ecr_repository", "r",
		      "{'name':'r','image_scanning_configuration':'yes'}")
		"," R("aws_ecr_registry_scanning_configuration", "g",
		      "{'rule':[{'scan_frequency':'SCAN_ON_PUSH','repository_filter':"
		      "[{'filter':5}]},7]}")
		"," SECRET("s", ",'kms_key_id':5,'rotation_enabled':'maybe'")
		"," R("aws_cloudtrail", "t", "{'is_multi_region_trail':'yes'}")
		"," R("aws_guardduty_detector", "d", "{'enable':'true','id':5}")
		"," R("aws_ecs_service", "svc", "{'network_configuration':'x',"
		                                "'volume_configuration':[{"
		                                "'managed_ebs_volume':[{}]}]}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "SEC-ECS-NONROOT",
	                           "aws_ecs_task_definition.num"),
	                 TFS_STATUS_UNKNOWN);
	/* a plan's decoded container definitions are read too */
	assert_int_equal(status_of(c, "SEC-ECS-READONLY-ROOT",
	                           "aws_ecs_task_definition.arr"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECS-NONROOT",
	                           "aws_ecs_task_definition.arr"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-IAM-LEAST-PRIV", "aws_iam_role.weird"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-ECR-SCAN", "aws_ecr_repository.r"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           "aws_secretsmanager_secret.s"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-EBS-EPHEMERAL", "aws_ecs_service.svc"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", "aws_guardduty_detector.d"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

/* ---- the examples ------------------------------------------------------------ */

#define APP "module.app."

static void test_examples(void **s)
{
	(void)s;
	fixture f = build_example("examples/webapp-prod.tfstate");
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;
	char *text;

	assert_int_equal(summary_of(c, "SEC-IAM-LEAST-PRIV"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS"),
	                 TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECS-NONROOT"), TFS_STATUS_PASS);
	/* known prod finding: the web container's root filesystem */
	assert_int_equal(summary_of(c, "SEC-ECS-READONLY-ROOT"), TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-ECS-READONLY-ROOT",
	                           APP "aws_ecs_task_definition.this[\"api\"]"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-ECS-READONLY-ROOT",
	                APP "aws_ecs_task_definition.this[\"web\"]");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "container_definitions[web].readonlyRootFilesystem");
	assert_int_equal(summary_of(c, "SEC-ECS-NONPRIV"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECS-NO-PUBLIC-IP"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECR-SCAN"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECR-IMMUTABLE"), TFS_STATUS_PASS);
	/* known prod finding: the app secrets have no rotation */
	assert_int_equal(summary_of(c, "SEC-SECRETS-KMS-ROTATION"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-SECRETS-KMS-ROTATION",
	                           APP "aws_secretsmanager_secret.app["
	                               "\"DJANGO_SECRET_KEY\"]"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "SEC-LOGS-KMS"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-EBS-EPHEMERAL"), TFS_STATUS_UNKNOWN);
	/* not in this state: unknown, not fail */
	assert_int_equal(status_of(c, "SEC-CLOUDTRAIL", NULL), TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", NULL), TFS_STATUS_UNKNOWN);
	assert_int_equal(summary_of(c, "SEC-MFA"), TFS_STATUS_UNDECIDABLE);
	tfs_checks_free(c);
	release(&f);

	f = build_example("examples/webapp-dev.tfstate");
	c = run_checks(&f, NULL);
	assert_int_equal(summary_of(c, "SEC-IAM-LEAST-PRIV"), TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                APP "aws_ecs_task_definition.this[\"api\"]");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "container_definitions[api].environment");
	assert_string_equal(fd->value, "DJANGO_SECRET_KEY");
	assert_int_equal(status_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	                           APP "aws_ecs_task_definition.this[\"web\"]"),
	                 TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECS-NONROOT"), TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-ECS-READONLY-ROOT",
	                           APP "aws_ecs_task_definition.this[\"api\"]"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "SEC-ECS-NONPRIV"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECS-NO-PUBLIC-IP"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECR-SCAN"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-ECR-IMMUTABLE"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-SECRETS-KMS-ROTATION"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "SEC-LOGS-KMS"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "SEC-EBS-EPHEMERAL"), TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-CLOUDTRAIL", NULL), TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-GUARDDUTY", NULL), TFS_STATUS_UNKNOWN);
	text = all_text(c);
	assert_null(strstr(text, "TFSIGHT-CANARY"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

/* Some provider versions mark all of container_definitions sensitive: the
 * checks still decide from what it holds, and no finding shows a value of
 * it; a definition that is not valid JSON is evidence by its offset only. */
static void test_sensitive_definitions(void **s)
{
	fixture f = build_example("tests/fixtures/states/ecs-sensitive-definitions.tfstate");
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *k;
	size_t i;
	(void)s;

	k = finding_of(c, "SEC-ECS-NO-PLAINTEXT-SECRETS",
	               "aws_ecs_task_definition.api");
	assert_int_equal(k->status, TFS_STATUS_FAIL);
	assert_string_equal(k->value, TFS_REDACTED);
	assert_non_null(strstr(k->message, "DB_PASSWORD"));
	/* decided from the sealed document: user 1000, read-only root */
	assert_int_equal(status_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.api"),
	                 TFS_STATUS_PASS);
	assert_string_equal(finding_of(c, "SEC-ECS-NONROOT",
	                               "aws_ecs_task_definition.api")->value,
	                    TFS_REDACTED);
	assert_int_equal(status_of(c, "SEC-ECS-READONLY-ROOT",
	                           "aws_ecs_task_definition.api"),
	                 TFS_STATUS_PASS);
	k = finding_of(c, "SEC-ECS-NONROOT", "aws_ecs_task_definition.worker");
	assert_int_equal(k->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(k->value, "not valid JSON at offset"));
	for (i = 0; i < c->count; i++) {
		const tfs_finding *g = &c->findings[i];
		assert_null(g->value ? strstr(g->value, "CANARY") : NULL);
		assert_null(strstr(g->message, "CANARY"));
		assert_null(g->value ? strstr(g->value, "settings.prod") : NULL);
	}
	tfs_checks_free(c);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iam_policies),
		cmocka_unit_test(test_iam_roles_and_attachments),
		cmocka_unit_test(test_plaintext_secrets),
		cmocka_unit_test(test_sensitive_definitions),
		cmocka_unit_test(test_long_lists_are_cut),
		cmocka_unit_test(test_nonroot),
		cmocka_unit_test(test_readonly_root),
		cmocka_unit_test(test_nonpriv),
		cmocka_unit_test(test_no_public_ip),
		cmocka_unit_test(test_ecr),
		cmocka_unit_test(test_secrets_rotation),
		cmocka_unit_test(test_logs_kms),
		cmocka_unit_test(test_ebs),
		cmocka_unit_test(test_cloudtrail),
		cmocka_unit_test(test_guardduty),
		cmocka_unit_test(test_catalogue_rows),
		cmocka_unit_test(test_hostile_shapes),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
