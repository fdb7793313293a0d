/* test_check_delivery.c - the delivery rules of seeds 002
 * (src/check/delivery.c): GitHub Actions OIDC trust, the Terraform state
 * bucket and its locking, one state per environment; and what they added
 * to PRE-REGION and PRE-ACCOUNT (src/check/predeploy.c). */
#include "testutil.h"

/* JSON inside a string attribute (trust policies) is written with
 * backquotes, which become \" here; build() then turns the single quotes
 * into double quotes. */
static char *S_unquote(const char *text)
{
	tfs_buf b;
	const char *p;

	tfs_buf_init(&b);
	for (p = text; *p; p++) {
		if (*p == '`')
			tfs_buf_adds(&b, "\\\"");
		else
			tfs_buf_addc(&b, *p);
	}
	return tfs_buf_detach(&b, NULL);
}


/* Resources given one by one (NULL-terminated), since C caps a string
 * literal's length. */
static fixture B_parts(const char *const *parts)
{
	tfs_buf b;
	fixture f;
	size_t k;

	tfs_buf_init(&b);
	for (k = 0; parts[k]; k++) {
		if (k)
			tfs_buf_addc(&b, ',');
		tfs_buf_adds(&b, parts[k]);
	}
	f = B(b.data);
	tfs_buf_release(&b);
	return f;
}

/* A fixture from a whole document (a state with terraform_version, a
 * plan), read under a file name of our choosing. */
static fixture B_doc(const char *name, const char *doc)
{
	char *s = S_unquote(doc), *json = q(s);
	tfs_model_options opt;
	tfs_error err;
	fixture f;

	free(s);
	tfs_error_init(&err);
	if (tfs_state_load_buffer(&f.st, name, json, strlen(json), &err) != 0)
		fail_msg("%s: %s", name, err.text);
	free(json);
	f.inv = tfs_inventory_build(f.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	f.m = tfs_model_build(f.st, f.inv, &opt);
	assert_null(tfs_model_check(f.m));
	return f;
}

static fixture B_named(const char *name, const char *resources)
{
	tfs_buf b;
	fixture f;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, "{'version':4,'resources':[");
	tfs_buf_adds(&b, resources);
	tfs_buf_adds(&b, "]}");
	f = B_doc(name, b.data);
	tfs_buf_release(&b);
	return f;
}

#define D(type, name, attrs)                                                  \
	"{'mode':'data','type':'" type "','name':'" name "','instances':"      \
	"[{'attributes':" attrs "}]}"

/* Whether check id recorded anything on address. */
static bool has_finding(const tfs_checks *c, const char *id,
                        const char *address)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->findings[i].check->id, id) == 0 &&
		    c->findings[i].address &&
		    strcmp(c->findings[i].address, address) == 0)
			return true;
	return false;
}

static void assert_contains(const char *s, const char *part)
{
	if (!s || !strstr(s, part))
		fail_msg("'%s' does not contain '%s'", s ? s : "(null)", part);
}

/* ---- GitHub trust policies ------------------------------------------------ */

#define GH_ARN "arn:aws:iam::111111111111:oidc-provider/" \
	"token.actions.githubusercontent.com"
#define GH_STMT(fed, cond)                                                    \
	"{`Effect`:`Allow`,`Principal`:{`Federated`:`" fed "`},`Action`:"      \
	"`sts:AssumeRoleWithWebIdentity`,`Condition`:{" cond "}}"
#define TRUST(stmts) "{`Version`:`2012-10-17`,`Statement`:[" stmts "]}"
#define ROLE_DOC(name, env, doc)                                              \
	R("aws_iam_role", name,                                                \
	  "{'name':'" name "','arn':'arn:aws:iam::111111111111:role/" name     \
	  "','tags_all':{'Environment':'" env "'},'assume_role_policy':'"      \
	  doc "'}")
#define ROLE(name, env, cond) ROLE_DOC(name, env, TRUST(GH_STMT(GH_ARN, cond)))
#define AUD "`token.actions.githubusercontent.com:aud`:`sts.amazonaws.com`"
#define SUB(v) "`token.actions.githubusercontent.com:sub`:" v
#define EQ(...) "`StringEquals`:{" __VA_ARGS__ "}"
#define LIKE(...) "`StringLike`:{" __VA_ARGS__ "}"

static const char SUB_LIKE[] = "assume_role_policy.Statement[0].Condition."
                               "StringLike[\"token.actions.githubusercontent"
                               ".com:sub\"]";
static const char SUB_EQ[] = "assume_role_policy.Statement[0].Condition."
                             "StringEquals[\"token.actions.githubusercontent"
                             ".com:sub\"]";

static void test_oidc_sub(void **s)
{
	static const char *const RES[] = {
		ROLE("star", "dev", EQ(AUD) "," LIKE(SUB("`repo:*`"))),
		ROLE("org", "dev", EQ(AUD) "," LIKE(SUB("`repo:octo-org/*`"))),
		ROLE("prefix", "dev", EQ(AUD) "," LIKE(SUB("`repo:octo-org/app*`"))),
		ROLE("bare", "dev", LIKE(SUB("`*`"))),
		ROLE("nosub", "dev", EQ(AUD)),
		ROLE("ok", "dev",
		     EQ(AUD "," SUB("`repo:octo-org/app:environment:dev`"))),
		ROLE("list", "dev",
		     EQ(AUD) "," LIKE(SUB("[`repo:octo-org/app:ref:refs/heads/"
		                          "main`,`repo:octo-org/*`]"))),
		ROLE("ids", "dev",
		     EQ(AUD "," SUB("`repo:octo-org@123/app@456:ref:refs/heads/"
		                    "main`"))),
		ROLE("literal", "dev", EQ(AUD "," SUB("`repo:*`"))),
		ROLE("repokey", "dev",
		     EQ(AUD ",`token.actions.githubusercontent.com:repository`:"
		            "`octo-org/app`")),
		ROLE("anycase", "dev",
		     EQ("`Token.Actions.GithubUserContent.com:SUB`:"
		        "`repo:octo-org/app:pull_request`")),
		ROLE("narrow", "dev",
		     LIKE(SUB("`repo:*`")) ","
		     EQ(SUB("`repo:octo-org/app:ref:refs/heads/main`"))),
		ROLE_DOC("ent", "dev",
		         TRUST(GH_STMT(GH_ARN "/acme",
		                       EQ("`token.actions.githubusercontent.com/"
		                          "acme:sub`:`repo:acme/api:environment:"
		                          "dev`")))),
		ROLE_DOC("service", "dev",
		         "{`Statement`:[{`Effect`:`Allow`,`Principal`:{`Service`:"
		         "`ecs-tasks.amazonaws.com`},`Action`:`sts:AssumeRole`}]}"),
		ROLE_DOC("gitlab", "dev",
		         TRUST(GH_STMT("arn:aws:iam::111111111111:oidc-provider/"
		                       "gitlab.com", ""))),
		ROLE_DOC("two", "dev",
		         TRUST(GH_STMT(GH_ARN, EQ(SUB("`repo:o/r:ref:refs/heads/"
		                                      "main`"))) ","
		               GH_STMT(GH_ARN, LIKE(SUB("`repo:o/*`"))))),
		ROLE_DOC("denied", "dev",
		         "{`Statement`:[{`Effect`:`Deny`,`Principal`:{`Federated`:`"
		         GH_ARN "`},`Action`:`sts:*`}]}"),
		NULL,
	};
	(void)s;
	fixture f = B_parts(RES);
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.star");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_int_equal(fd->severity, TFS_SEV_CRITICAL);
	assert_string_equal(fd->attribute, SUB_LIKE);
	assert_string_equal(fd->value, "\"repo:*\"");
	assert_contains(fd->message, "any GitHub repository, of any owner");

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.org");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"repo:octo-org/*\"");
	assert_contains(fd->message, "every repository of one GitHub owner");
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.prefix");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_contains(fd->message, "every repository of one GitHub owner");
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.bare");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"*\"");

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.nosub");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[0].Condition");
	assert_string_equal(fd->value, "{...}");
	assert_contains(fd->message, "no token.actions.githubusercontent.com:sub "
	                             "condition");

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.ok");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, SUB_EQ);
	assert_string_equal(fd->value, "\"repo:octo-org/app:environment:dev\"");
	assert_contains(fd->message, "only repository octo-org/app can assume");

	/* a list is as wide as its widest value */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.list");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[0].Condition.StringLike"
	                    "[\"token.actions.githubusercontent.com:sub\"][1]");
	assert_string_equal(fd->value, "\"repo:octo-org/*\"");

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.ids");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "octo-org@123/app@456");
	/* StringEquals takes * literally: nobody gets in */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.literal");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "no token GitHub issues matches");
	/* AWS STS's repository claim restricts as well as sub */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.repokey");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->attribute, ":repository\"]");
	/* condition keys are case-insensitive in IAM */
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.anycase"),
	                 TFS_STATUS_PASS);
	/* every condition must hold: the narrowest decides */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.narrow");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, SUB_EQ);
	/* an enterprise's own issuer names its claims after itself */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.ent");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "acme/api");

	/* statements add up: the widest decides */
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.two");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[1].Condition.StringLike"
	                    "[\"token.actions.githubusercontent.com:sub\"]");

	/* not GitHub, or not an Allow: not this check's business */
	assert_false(has_finding(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.service"));
	assert_false(has_finding(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.gitlab"));
	assert_false(has_finding(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.denied"));
	assert_int_equal(summary_of(c, "SEC-OIDC-GITHUB-SUB"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);

	/* no role trusts GitHub: not applicable */
	f = B(ROLE_DOC("service", "dev", "{`Statement`:[{`Effect`:`Allow`,"
	                                 "`Principal`:{`Service`:`ecs-tasks."
	                                 "amazonaws.com`},`Action`:`sts:AssumeRole`}]}"));
	c = run_checks(&f, NULL);
	assert_int_equal(summary_of(c, "SEC-OIDC-GITHUB-SUB"), TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

/* The provider of this input by its ARN, whatever the ARN's tail. */
static void test_oidc_provider_join(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_iam_openid_connect_provider", "gh",
		  "{'arn':'arn:aws:iam::111111111111:oidc-provider/custom',"
		  "'url':'https://token.actions.githubusercontent.com/',"
		  "'client_id_list':['sts.amazonaws.com']}")
		"," ROLE_DOC("deploy", "dev", TRUST(GH_STMT(
		        "arn:aws:iam::111111111111:oidc-provider/custom",
		        LIKE(SUB("`repo:*`"))))));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.deploy"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_oidc_prod_ref(void **s)
{
	static const char *const RES[] = {
		ROLE("any", "prod", EQ(AUD) "," LIKE(SUB("`repo:octo-org/app:*`"))),
		ROLE("env", "prod",
		     EQ(AUD "," SUB("`repo:octo-org/app:environment:prod`"))),
		ROLE("branch", "prod",
		     EQ(AUD "," SUB("`repo:octo-org/app:ref:refs/heads/main`"))),
		ROLE("anybranch", "prod",
		     LIKE(SUB("`repo:octo-org/app:ref:refs/heads/*`"))),
		ROLE("pr", "prod", EQ(SUB("`repo:octo-org/app:pull_request`"))),
		ROLE("envkey", "prod",
		     LIKE(SUB("`repo:octo-org/app:*`")) ","
		     EQ("`token.actions.githubusercontent.com:environment`:`prod`")),
		ROLE("nosub", "production", EQ(AUD)),
		ROLE("dev", "dev", LIKE(SUB("`repo:octo-org/app:*`"))),
		NULL,
	};
	(void)s;
	fixture f = B_parts(RES);
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.any");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, SUB_LIKE);
	assert_string_equal(fd->value, "\"repo:octo-org/app:*\"");
	assert_contains(fd->message, "names no GitHub environment or branch");
	/* the repository itself is fine */
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.any"),
	                 TFS_STATUS_PASS);

	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.env");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->value, "\"repo:octo-org/app:environment:prod\"");
	assert_contains(fd->message, "environment prod");
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.branch");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "branch main");
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-PROD-REF",
	                           "aws_iam_role.anybranch"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.pr"),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.envkey");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->attribute, ":environment\"]");
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.nosub");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[0].Condition");
	assert_contains(fd->message, "no condition on sub, environment or ref");
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", "aws_iam_role.dev");
	assert_int_equal(fd->status, TFS_STATUS_NA);
	assert_contains(fd->message, "production only");
	tfs_checks_free(c);
	release(&f);
}

static void test_oidc_aud(void **s)
{
	(void)s;
	fixture f = B(
		ROLE("ok", "dev", EQ(AUD "," SUB("`repo:o/r:environment:dev`")))
		"," ROLE("none", "dev", EQ(SUB("`repo:o/r:environment:dev`")))
		"," ROLE("other", "dev", EQ("`token.actions.githubusercontent.com:aud`:"
		                            "[`sts.amazonaws.com`,`https://github.com/o`]"))
		"," ROLE("like", "dev", LIKE("`token.actions.githubusercontent.com:aud`:"
		                             "`sts.*`")));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-OIDC-GITHUB-AUD", "aws_iam_role.ok");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[0].Condition.StringEquals"
	                    "[\"token.actions.githubusercontent.com:aud\"]");
	assert_string_equal(fd->value, "\"sts.amazonaws.com\"");
	assert_contains(fd->message, "only tokens issued for sts.amazonaws.com");
	fd = finding_of(c, "SEC-OIDC-GITHUB-AUD", "aws_iam_role.none");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "assume_role_policy.Statement[0].Condition");
	assert_contains(fd->message, "no token.actions.githubusercontent.com:aud "
	                             "condition");
	fd = finding_of(c, "SEC-OIDC-GITHUB-AUD", "aws_iam_role.other");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"https://github.com/o\"");
	assert_contains(fd->message, "an audience other than sts.amazonaws.com");
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-AUD", "aws_iam_role.like"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_oidc_provider(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_iam_openid_connect_provider", "ok",
		  "{'url':'https://token.actions.githubusercontent.com',"
		  "'client_id_list':['https://github.com/o','sts.amazonaws.com']}")
		"," R("aws_iam_openid_connect_provider", "bad",
		      "{'url':'token.actions.githubusercontent.com',"
		      "'client_id_list':['https://github.com/o']}")
		"," R("aws_iam_openid_connect_provider", "bare",
		      "{'url':'https://token.actions.githubusercontent.com/acme'}")
		"," R("aws_iam_openid_connect_provider", "gitlab",
		      "{'url':'https://gitlab.com','client_id_list':['x']}")
		"," R("aws_iam_openid_connect_provider", "lookalike",
		      "{'url':'https://token.actions.githubusercontent.com.evil.example',"
		      "'client_id_list':['x']}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-OIDC-GITHUB-PROVIDER",
	                "aws_iam_openid_connect_provider.ok");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "client_id_list[1]");
	assert_string_equal(fd->value, "\"sts.amazonaws.com\"");
	assert_contains(fd->message, "and 1 other audience)");
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROVIDER",
	                "aws_iam_openid_connect_provider.bad");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "client_id_list");
	assert_string_equal(fd->value, "[1 item]");
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-PROVIDER",
	                           "aws_iam_openid_connect_provider.bare"),
	                 TFS_STATUS_UNKNOWN);
	assert_false(has_finding(c, "SEC-OIDC-GITHUB-PROVIDER",
	                         "aws_iam_openid_connect_provider.gitlab"));
	assert_false(has_finding(c, "SEC-OIDC-GITHUB-PROVIDER",
	                         "aws_iam_openid_connect_provider.lookalike"));
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_sqs_queue", "q", "{'name':'q'}"));
	c = run_checks(&f, NULL);
	assert_int_equal(summary_of(c, "SEC-OIDC-GITHUB-PROVIDER"), TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

/* aws_iam_policy_document data sources: checked when no role of the input
 * uses the document, and then reported for the stack, by address. */
static void test_oidc_policy_documents(void **s)
{
	(void)s;
	fixture f = B(
		D("aws_iam_policy_document", "orphan",
		  "{'json':'" TRUST(GH_STMT(GH_ARN, EQ(AUD) "," LIKE(SUB("`repo:*`"))))
		  "'}")
		"," D("aws_iam_policy_document", "used",
		      "{'json':'" TRUST(GH_STMT(GH_ARN, EQ(AUD) "," LIKE(SUB(
		              "`repo:octo-org/*`")))) "'}")
		"," ROLE("used", "dev", EQ(AUD) "," LIKE(SUB("`repo:octo-org/*`"))));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;
	size_t i, n = 0;

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", NULL);
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "data.aws_iam_policy_document.orphan.json.Statement[0]"
	                    ".Condition.StringLike[\"token.actions.githubusercontent"
	                    ".com:sub\"]");
	assert_string_equal(fd->value, "\"repo:*\"");
	assert_contains(fd->message, "data.aws_iam_policy_document.orphan: any "
	                             "GitHub repository");
	/* the document the role uses is reported once, on the role */
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.used"),
	                 TFS_STATUS_FAIL);
	for (i = 0; i < c->count; i++)
		if (strcmp(c->findings[i].check->id, "SEC-OIDC-GITHUB-SUB") == 0)
			n++;
	assert_int_equal(n, 2);
	/* a data source takes the stack's environment: dev here */
	fd = finding_of(c, "SEC-OIDC-GITHUB-PROD-REF", NULL);
	assert_int_equal(fd->status, TFS_STATUS_NA);
	assert_contains(fd->message, "orphan: applies to production only; this "
	                             "stack is dev");
	tfs_checks_free(c);
	release(&f);
}

/* A trust the state cannot show: unreadable, or a plan's, known after
 * apply. */
static void test_oidc_unknown(void **s)
{
	(void)s;
	fixture f = B(R("aws_iam_role", "broken",
	                "{'name':'broken','assume_role_policy':'{not json: "
	                "token.actions.githubusercontent.com'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.broken");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_contains(fd->message, "cannot be read as a policy document");
	/* evidence by what it is, never by its text */
	assert_non_null(strstr(fd->value, "(not valid JSON at offset "));
	tfs_checks_free(c);
	release(&f);

	f = B_doc("plan.json",
	          "{'format_version':'1.2','terraform_version':'1.9.0',"
	          "'planned_values':{'root_module':{'resources':["
	          "{'address':'aws_iam_openid_connect_provider.gh','mode':'managed',"
	          "'type':'aws_iam_openid_connect_provider','name':'gh',"
	          "'values':{'url':'https://token.actions.githubusercontent.com',"
	          "'client_id_list':['sts.amazonaws.com']}},"
	          "{'address':'aws_iam_role.deploy','mode':'managed',"
	          "'type':'aws_iam_role','name':'deploy','values':{'name':'deploy'}}"
	          "]}},'resource_changes':["
	          "{'address':'aws_iam_openid_connect_provider.gh','mode':'managed',"
	          "'type':'aws_iam_openid_connect_provider','name':'gh','change':"
	          "{'actions':['create'],'before':null,'after':{'url':'https://"
	          "token.actions.githubusercontent.com','client_id_list':"
	          "['sts.amazonaws.com']},'after_unknown':{'arn':true}}},"
	          "{'address':'aws_iam_role.deploy','mode':'managed','type':"
	          "'aws_iam_role','name':'deploy','change':{'actions':['create'],"
	          "'before':null,'after':{'name':'deploy'},'after_unknown':"
	          "{'assume_role_policy':true,'arn':true}}}]}");
	c = run_checks(&f, NULL);
	fd = finding_of(c, "SEC-OIDC-GITHUB-SUB", "aws_iam_role.deploy");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->attribute, "assume_role_policy");
	assert_contains(fd->message, "known only after apply");
	assert_int_equal(status_of(c, "SEC-OIDC-GITHUB-AUD", "aws_iam_role.deploy"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* A trust the input marks sensitive is decided from, never shown. */
static void test_oidc_sensitive_trust(void **s)
{
	(void)s;
	fixture f = B(
		"{'mode':'managed','type':'aws_iam_role','name':'sealed','instances':"
		"[{'sensitive_attributes':[[{'type':'get_attr','value':"
		"'assume_role_policy'}]],'attributes':{'name':'sealed',"
		"'assume_role_policy':'" TRUST(GH_STMT(GH_ARN, LIKE(SUB(
		        "`repo:SECRET-ORG/*`")))) "'}}]}");
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd = finding_of(c, "SEC-OIDC-GITHUB-SUB",
	                                   "aws_iam_role.sealed");

	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, TFS_REDACTED);
	for (size_t i = 0; i < c->count; i++) {
		const tfs_finding *g = &c->findings[i];
		assert_null(strstr(g->message, "SECRET-ORG"));
		assert_true(!g->value || !strstr(g->value, "SECRET-ORG"));
	}
	tfs_checks_free(c);
	release(&f);
}

/* ---- the Terraform state bucket -------------------------------------------- */

#define BUCKET(res, name, extra) \
	R("aws_s3_bucket", res, "{'bucket':'" name "','id':'" name "'" extra "}")
#define VERSIONING(res, bucket, status)                                       \
	R("aws_s3_bucket_versioning", res,                                     \
	  "{'bucket':'" bucket "','versioning_configuration':[{'status':'"     \
	  status "'}]}")
#define SSE(res, bucket, alg)                                                 \
	R("aws_s3_bucket_server_side_encryption_configuration", res,          \
	  "{'bucket':'" bucket "','rule':[{'apply_server_side_encryption_by_"   \
	  "default':[{'sse_algorithm':'" alg "'}]}]}")
#define BPA(res, bucket, policy)                                              \
	R("aws_s3_bucket_public_access_block", res,                            \
	  "{'bucket':'" bucket "','block_public_acls':true,"                   \
	  "'block_public_policy':" policy ",'ignore_public_acls':true,"        \
	  "'restrict_public_buckets':true}")
#define LOCKS(res, type)                                                      \
	R("aws_dynamodb_table", res,                                           \
	  "{'name':'tf-locks','hash_key':'LockID','attribute':[{'name':"       \
	  "'LockID','type':'" type "'}]}")

static void test_state_bucket(void **s)
{
	(void)s;
	fixture f = B(
		BUCKET("good", "acme-tfstate-prod", "")
		"," VERSIONING("good", "acme-tfstate-prod", "Enabled")
		"," SSE("good", "acme-tfstate-prod", "AES256")
		"," BPA("good", "acme-tfstate-prod", "true")
		"," BUCKET("bare", "acme-terraform-state", "")
		"," VERSIONING("bare", "acme-terraform-state", "Suspended")
		"," BUCKET("tagged", "acme-infra",
		           ",'tags':{'Purpose':'Terraform State'},"
		           "'versioning':[{'enabled':true}],"
		           "'server_side_encryption_configuration':[{'rule':[{"
		           "'apply_server_side_encryption_by_default':[{"
		           "'sse_algorithm':'aws:kms'}]}]}]")
		"," BPA("tagged", "acme-infra", "false")
		"," BUCKET("unrecorded", "x-tf-state", "")
		"," SSE("unrecorded", "x-tf-state", "aws:kms")
		"," BPA("unrecorded", "x-tf-state", "true")
		"," BUCKET("assets", "acme-assets", "")
		"," BUCKET("statements", "acme-tf-statements", ""));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-STATE-BUCKET", "aws_s3_bucket.good");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "aws_s3_bucket_versioning.good."
	                                   "versioning_configuration[0].status");
	assert_string_equal(fd->value, "\"Enabled\"");
	assert_contains(fd->message, "(named like a Terraform state bucket) is "
	                             "versioned, encrypted by default with AES256 "
	                             "and blocks public access");

	fd = finding_of(c, "PRE-STATE-BUCKET", "aws_s3_bucket.bare");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_s3_bucket_versioning.bare."
	                                   "versioning_configuration[0].status");
	assert_string_equal(fd->value, "\"Suspended\"");
	assert_contains(fd->message, "not versioned");
	assert_contains(fd->message, "no default encryption is declared");
	assert_contains(fd->message, "no Block Public Access is declared");

	/* the legacy blocks count; a flag that is off does not */
	fd = finding_of(c, "PRE-STATE-BUCKET", "aws_s3_bucket.tagged");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_s3_bucket_public_access_block."
	                                   "tagged.block_public_policy");
	assert_string_equal(fd->value, "false");
	assert_contains(fd->message, "(tagged Purpose = Terraform State)");
	assert_contains(fd->message, "block_public_policy is off");
	assert_null(strstr(fd->message, "not versioned"));

	fd = finding_of(c, "PRE-STATE-BUCKET", "aws_s3_bucket.unrecorded");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->attribute, "versioning");
	assert_contains(fd->message, "versioning is not recorded");

	assert_false(has_finding(c, "PRE-STATE-BUCKET", "aws_s3_bucket.assets"));
	assert_false(has_finding(c, "PRE-STATE-BUCKET",
	                         "aws_s3_bucket.statements"));
	/* the shared reading agrees with the S3 checks */
	assert_int_equal(status_of(c, "HA-DR-S3-VERSIONING", "aws_s3_bucket.bare"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-S3-BPA", "aws_s3_bucket.tagged"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "PRE-STATE-BUCKET"), TFS_STATUS_FAIL);
	tfs_checks_free(c);

	/* named in tfsight.yml: the list replaces the guess */
	c = run_checks(&f, "version: 1\nchecks:\n  state_buckets: [acme-assets]\n");
	fd = finding_of(c, "PRE-STATE-BUCKET", "aws_s3_bucket.assets");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_contains(fd->message, "named in tfsight.yml checks.state_buckets");
	assert_false(has_finding(c, "PRE-STATE-BUCKET", "aws_s3_bucket.good"));
	tfs_checks_free(c);
	c = run_checks(&f, "version: 1\nchecks:\n  state_buckets: [elsewhere]\n");
	fd = finding_of(c, "PRE-STATE-BUCKET", NULL);
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->attribute, "checks.state_buckets");
	assert_string_equal(fd->value, "elsewhere");
	assert_contains(fd->message, "none is in this input");
	tfs_checks_free(c);
	release(&f);

	f = B(BUCKET("assets", "acme-assets", ""));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-BUCKET", NULL);
	assert_int_equal(fd->status, TFS_STATUS_NA);
	assert_contains(fd->message, "recognised by a name with tfstate");
	assert_int_equal(summary_of(c, "PRE-STATE-BUCKET"), TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "PRE-STATE-LOCK"), TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_state_lock(void **s)
{
	(void)s;
	fixture f = B(BUCKET("state", "acme-tfstate", "") "," LOCKS("locks", "S"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-STATE-LOCK", "aws_s3_bucket.state");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "aws_dynamodb_table.locks.hash_key");
	assert_string_equal(fd->value, "\"LockID\"");
	assert_contains(fd->message, "can hold the state locks");
	tfs_checks_free(c);
	release(&f);

	f = B(BUCKET("state", "acme-tfstate", "") "," LOCKS("locks", "N"));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-LOCK", "aws_s3_bucket.state");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"N\"");
	assert_contains(fd->message, "keys LockID as N");
	tfs_checks_free(c);
	release(&f);

	/* no lock table: S3 native locking cannot be seen in a state */
	f = B(BUCKET("state", "acme-tfstate", ""));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-LOCK", "aws_s3_bucket.state");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->attribute, "aws_dynamodb_table");
	assert_contains(fd->message, "use_lockfile = true");
	tfs_checks_free(c);
	release(&f);

	f = B_doc("old.tfstate",
	          "{'version':4,'terraform_version':'1.5.7','resources':["
	          BUCKET("state", "acme-tfstate", "") "]}");
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-LOCK", "aws_s3_bucket.state");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_contains(fd->message, "Terraform 1.5.7 wrote this input, older "
	                             "than 1.10");
	tfs_checks_free(c);
	release(&f);
}

/* ---- one state per environment --------------------------------------------- */

#define Q(name, acct, env)                                                    \
	R("aws_sqs_queue", name,                                               \
	  "{'arn':'arn:aws:sqs:sa-east-1:" acct ":" name "'" env "}")
#define ENV(e) ",'tags_all':{'Environment':'" e "'}"

static const char ACCOUNTS[] =
	"version: 1\nenvironments:\n  accounts:\n"
	"    '125611408459': dev\n    '283165662494': prod\n";

static void test_state_per_env(void **s)
{
	(void)s;
	fixture f = B(Q("a", "283165662494", ENV("prod")) ","
	              Q("b", "283165662494", ENV("prod")) ","
	              Q("c", "125611408459", ENV("dev")));
	tfs_checks *c = run_checks(&f, NULL), *c2;
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "environment");
	assert_string_equal(fd->value, "prod, dev");
	assert_contains(fd->message, "resources of 2 environments: prod (2, e.g. "
	                             "aws_sqs_queue.a), dev (1, e.g. "
	                             "aws_sqs_queue.c)");
	tfs_checks_free(c);
	release(&f);

	/* prod and production are one environment */
	f = B(Q("a", "283165662494", ENV("prod")) ","
	      Q("b", "283165662494", ENV("production")));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->value, "prod");
	assert_string_equal(fd->message, "one environment in this state: prod");
	tfs_checks_free(c);
	release(&f);

	/* untagged: two accounts are two environments, unless mapped to one */
	f = B(Q("a", "283165662494", "") "," Q("b", "125611408459", ""));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "arn (account)");
	assert_contains(fd->message, "2 AWS accounts");
	assert_contains(fd->message, "; map the accounts in tfsight.yml");
	c2 = run_checks(&f, ACCOUNTS);
	fd = finding_of(c2, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "283165662494, 125611408459");
	assert_contains(fd->message, "2 AWS accounts: 283165662494 (prod) (1, e.g. "
	                             "aws_sqs_queue.a), 125611408459 (dev)");
	assert_null(strstr(fd->message, "map the accounts"));
	tfs_checks_free(c2);
	tfs_checks_free(c);
	release(&f);
	f = B(Q("a", "283165662494", "") "," Q("b", "283165662494", ""));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "one AWS account in this state: 283165662494");
	tfs_checks_free(c);
	release(&f);

	/* nothing names an environment or an account */
	f = B(R("aws_sqs_queue", "q", "{'name':'q'}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "PRE-STATE-PER-ENV", NULL),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* The input's path names the backend it came from. */
static void test_state_path(void **s)
{
	(void)s;
	fixture f = B_named("infra/environments/dev/terraform.tfstate",
	                    Q("a", "283165662494", ENV("prod")));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "source");
	assert_string_equal(fd->value,
	                    "\"infra/environments/dev/terraform.tfstate\"");
	assert_contains(fd->message, "under environments/dev/, but its resources "
	                             "are prod's");
	tfs_checks_free(c);
	release(&f);

	f = B_named("backend/prod/terraform.tfstate",
	            Q("a", "283165662494", ENV("prod")));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-STATE-PER-ENV", NULL);
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->message, "one environment in this state: prod, "
	                                 "kept under backend/prod/");
	tfs_checks_free(c);
	release(&f);
}

/* ---- PRE-REGION: what resources name elsewhere ------------------------------ */

#define CERT "arn:aws:acm:us-east-1:111111111111:certificate/cdn"
#define EDGE "arn:aws:lambda:us-east-1:111111111111:function:edge"
#define USE1_TOPIC "arn:aws:sns:us-east-1:111111111111:billing"

static void test_region_names(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_cloudwatch_metric_alarm", "cpu",
		  "{'arn':'arn:aws:cloudwatch:sa-east-1:111111111111:alarm:cpu',"
		  "'namespace':'AWS/ECS','alarm_actions':["
		  "'arn:aws:sns:sa-east-1:111111111111:ops','arn:aws:sns:us-east-1:"
		  "111111111111:ops']}")
		"," R("aws_rds_cluster", "db",
		      "{'arn':'arn:aws:rds:sa-east-1:111111111111:cluster:db',"
		      "'availability_zones':['sa-east-1a','us-east-1b']}")
		"," R("aws_dynamodb_table", "t",
		      "{'arn':'arn:aws:dynamodb:sa-east-1:111111111111:table/t',"
		      "'replica':[{'region_name':'us-east-1'}]}")
		"," R("aws_sqs_queue", "ok",
		      "{'arn':'arn:aws:sqs:sa-east-1:111111111111:ok',"
		      "'policy':'{`Resource`:`arn:aws:sqs:us-east-1:1:x`}',"
		      "'kms_master_key_id':'arn:aws:kms:*:111111111111:key/k'}")
		/* what CloudFront and billing metrics need in us-east-1 */
		"," R("aws_cloudfront_distribution", "cdn",
		      "{'arn':'arn:aws:cloudfront::111111111111:distribution/E1',"
		      "'web_acl_id':'arn:aws:wafv2:us-east-1:111111111111:global/"
		      "webacl/cdn/1','viewer_certificate':[{'acm_certificate_arn':'"
		      CERT "'}],'default_cache_behavior':[{'lambda_function_"
		      "association':[{'lambda_arn':'" EDGE ":3'}]}]}")
		"," R("aws_acm_certificate", "cdn", "{'arn':'" CERT "'}")
		"," R("aws_acm_certificate_validation", "cdn",
		      "{'certificate_arn':'" CERT "'}")
		"," R("aws_lambda_function", "edge",
		      "{'arn':'" EDGE "','qualified_arn':'" EDGE ":3'}")
		"," R("aws_cloudwatch_metric_alarm", "bill",
		      "{'arn':'arn:aws:cloudwatch:us-east-1:111111111111:alarm:bill',"
		      "'namespace':'AWS/Billing','alarm_actions':['" USE1_TOPIC "']}")
		"," R("aws_sns_topic", "billing", "{'arn':'" USE1_TOPIC "'}")
		"," R("aws_sns_topic_subscription", "billing",
		      "{'arn':'" USE1_TOPIC ":0b1c','topic_arn':'" USE1_TOPIC "'}")
		/* ... but not an ordinary resource that uses them */
		"," R("aws_lb_listener", "use1",
		      "{'arn':'arn:aws:elasticloadbalancing:us-east-1:111111111111:"
		      "listener/app/x/1/2','certificate_arn':'" CERT "'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-REGION", "aws_cloudwatch_metric_alarm.cpu");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "alarm_actions[1]");
	assert_string_equal(fd->value,
	                    "\"arn:aws:sns:us-east-1:111111111111:ops\"");
	assert_string_equal(fd->message, "names an ARN in us-east-1, outside "
	                                 "sa-east-1");
	fd = finding_of(c, "PRE-REGION", "aws_rds_cluster.db");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "availability_zones[1]");
	assert_string_equal(fd->value, "\"us-east-1b\"");
	assert_contains(fd->message, "an availability zone in us-east-1");
	fd = finding_of(c, "PRE-REGION", "aws_dynamodb_table.t");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "replica[0].region_name");
	assert_contains(fd->message, "a Region in us-east-1");
	/* documents and wildcard regions are not places */
	assert_false(has_finding(c, "PRE-REGION", "aws_sqs_queue.ok"));

	assert_false(has_finding(c, "PRE-REGION",
	                         "aws_cloudfront_distribution.cdn"));
	assert_false(has_finding(c, "PRE-REGION", "aws_acm_certificate.cdn"));
	assert_false(has_finding(c, "PRE-REGION",
	                         "aws_acm_certificate_validation.cdn"));
	assert_false(has_finding(c, "PRE-REGION", "aws_lambda_function.edge"));
	assert_false(has_finding(c, "PRE-REGION",
	                         "aws_cloudwatch_metric_alarm.bill"));
	assert_false(has_finding(c, "PRE-REGION", "aws_sns_topic.billing"));
	assert_false(has_finding(c, "PRE-REGION",
	                         "aws_sns_topic_subscription.billing"));
	fd = finding_of(c, "PRE-REGION", "aws_lb_listener.use1");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "us-east-1");
	assert_int_equal(summary_of(c, "PRE-REGION"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);

	f = B(R("aws_cloudfront_distribution", "cdn",
	        "{'viewer_certificate':[{'acm_certificate_arn':'" CERT "'}]}")
	      "," R("aws_acm_certificate", "cdn", "{'arn':'" CERT "'}")
	      "," Q("q", "111111111111", ""));
	c = run_checks(&f, NULL);
	fd = finding_of(c, "PRE-REGION", NULL);
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "all 2 resources that record a region are in "
	                             "sa-east-1 or, where AWS requires it for "
	                             "CloudFront");
	tfs_checks_free(c);
	release(&f);
}

/* A plan's certificate is joined by the text both ends hold. */
static void test_region_plan_values(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_cloudfront_distribution", "cdn",
		  "{'viewer_certificate':[{'acm_certificate_arn':'(known after "
		  "apply: aws_acm_certificate.cdn.arn)'}]}")
		"," R("aws_acm_certificate", "cdn",
		      "{'region':'us-east-1','arn':'(known after apply: "
		      "aws_acm_certificate.cdn.arn)'}")
		"," R("aws_acm_certificate", "other",
		      "{'region':'us-east-1','arn':'(known after apply: "
		      "aws_acm_certificate.other.arn)'}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_false(has_finding(c, "PRE-REGION", "aws_acm_certificate.cdn"));
	assert_int_equal(status_of(c, "PRE-REGION", "aws_acm_certificate.other"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- PRE-ACCOUNT: environments and the accounts they name --------------- */

#define DEV_ROLE "arn:aws:iam::125611408459:role/exec"

static void test_account_names(void **s)
{
	(void)s;
	fixture f = B(
		Q("ok", "283165662494", ENV("prod"))
		"," Q("alias", "283165662494", ENV("production"))
		"," Q("misplaced", "125611408459", ENV("prod"))
		"," R("aws_ecs_task_definition", "api",
		      "{'arn':'arn:aws:ecs:sa-east-1:283165662494:task-definition/"
		      "api:1','execution_role_arn':'" DEV_ROLE "','task_role_arn':'"
		      "arn:aws:iam::283165662494:role/task','tags_all':{"
		      "'Environment':'prod'}}")
		"," R("aws_iam_role_policy_attachment", "x",
		      "{'role':'r','policy_arn':'arn:aws:iam::125611408459:policy/p',"
		      "'tags_all':{'Environment':'prod'}}")
		"," R("aws_iam_role_policy_attachment", "managed",
		      "{'role':'r','policy_arn':'arn:aws:iam::aws:policy/"
		      "ReadOnlyAccess','tags_all':{'Environment':'prod'}}"));
	tfs_checks *c = run_checks(&f, ACCOUNTS);
	const tfs_finding *fd;

	fd = finding_of(c, "PRE-ACCOUNT", "aws_sqs_queue.misplaced");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "arn (account)");
	assert_string_equal(fd->value, "125611408459");
	assert_string_equal(fd->message, "tagged prod but in account 125611408459, "
	                                 "which is dev's");
	fd = finding_of(c, "PRE-ACCOUNT", "aws_ecs_task_definition.api");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "execution_role_arn");
	assert_string_equal(fd->value, "\"" DEV_ROLE "\"");
	assert_string_equal(fd->message, "a prod resource that names an ARN in "
	                                 "account 125611408459, which is dev's");
	fd = finding_of(c, "PRE-ACCOUNT", "aws_iam_role_policy_attachment.x");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "policy_arn");
	assert_false(has_finding(c, "PRE-ACCOUNT",
	                         "aws_iam_role_policy_attachment.managed"));
	assert_false(has_finding(c, "PRE-ACCOUNT", "aws_sqs_queue.ok"));
	/* prod and production are one environment */
	assert_false(has_finding(c, "PRE-ACCOUNT", "aws_sqs_queue.alias"));
	assert_int_equal(summary_of(c, "PRE-ACCOUNT"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);

	f = B(Q("ok", "283165662494", ENV("prod")));
	c = run_checks(&f, ACCOUNTS);
	fd = finding_of(c, "PRE-ACCOUNT", NULL);
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_contains(fd->message, "all 1 resources with an ARN");
	tfs_checks_free(c);
	release(&f);
}

/* tfsight.yml checks.state_buckets: a list of names, like the others. */
static void test_state_buckets_setting(void **s)
{
	static const char OK[] = "version: 1\nchecks:\n  state_buckets: [a, b]\n";
	static const char BAD[] = "version: 1\nchecks:\n  state_buckets: a\n";
	tfs_config *cfg = NULL;
	tfs_error err;
	tfs_buf b;

	(void)s;
	tfs_error_init(&err);
	assert_int_equal(tfs_config_load_buffer(&cfg, "tfsight.yml", OK,
	                                        strlen(OK), &err),
	                 0);
	assert_int_equal(cfg->n_state_buckets, 2);
	assert_string_equal(cfg->state_buckets[1], "b");
	tfs_config_free(cfg);
	cfg = NULL;
	assert_int_not_equal(tfs_config_load_buffer(&cfg, "tfsight.yml", BAD,
	                                            strlen(BAD), &err),
	                     0);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	assert_contains(b.data, "tfsight.yml:3:18");
	assert_contains(b.data, "checks.state_buckets: expected a list");
	tfs_buf_release(&b);
}

/* ---- the catalogue ----------------------------------------------------------- */

static void test_catalogue_rows(void **s)
{
	static const char *const PRE[] = {"PRE-STATE-BUCKET", "PRE-STATE-LOCK",
	                                  "PRE-STATE-PER-ENV"};
	static const char *const SEC[] = {
		"SEC-OIDC-GITHUB-SUB", "SEC-OIDC-GITHUB-PROD-REF",
		"SEC-OIDC-GITHUB-AUD", "SEC-OIDC-GITHUB-PROVIDER"};
	size_t k;

	(void)s;
	for (k = 0; k < 3; k++) {
		const tfs_check_def *d = tfs_check_find(PRE[k]);
		assert_non_null(d);
		assert_int_equal(d->category, TFS_CHECKCAT_PREDEPLOY);
		assert_non_null(d->run);
		assert_non_null(strchr(d->remediation, '`'));
	}
	for (k = 0; k < 4; k++) {
		const tfs_check_def *d = tfs_check_find(SEC[k]);
		assert_non_null(d);
		assert_int_equal(d->category, TFS_CHECKCAT_SECURITY);
		assert_non_null(strstr(d->refs, "seeds 002"));
	}
	assert_int_equal(tfs_check_find("SEC-OIDC-GITHUB-SUB")->severity,
	                 TFS_SEV_CRITICAL);
	assert_non_null(strstr(tfs_check_find("SEC-OIDC-GITHUB-SUB")->refs,
	                       "CKV_AWS_358"));
	assert_int_equal(tfs_check_find("SEC-OIDC-GITHUB-PROD-REF")->scope,
	                 TFS_SCOPE_PROD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oidc_sub),
		cmocka_unit_test(test_oidc_provider_join),
		cmocka_unit_test(test_oidc_prod_ref),
		cmocka_unit_test(test_oidc_aud),
		cmocka_unit_test(test_oidc_provider),
		cmocka_unit_test(test_oidc_policy_documents),
		cmocka_unit_test(test_oidc_unknown),
		cmocka_unit_test(test_oidc_sensitive_trust),
		cmocka_unit_test(test_state_bucket),
		cmocka_unit_test(test_state_lock),
		cmocka_unit_test(test_state_per_env),
		cmocka_unit_test(test_state_path),
		cmocka_unit_test(test_state_buckets_setting),
		cmocka_unit_test(test_region_names),
		cmocka_unit_test(test_region_plan_values),
		cmocka_unit_test(test_account_names),
		cmocka_unit_test(test_catalogue_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
