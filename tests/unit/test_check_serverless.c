/* test_check_serverless.c - the checks over the serverless half
 * (src/check/serverless.c): Lambda, API Gateway, DynamoDB, SNS and SQS,
 * Cognito; each with a passing, a failing and an undecided case, the
 * evidence they name, plans that leave values to the apply, inputs that
 * mark environments sensitive, and secrets that must never be shown. */
#include "testutil.h"

#define EXPECT(id, address, st)                                               \
	assert_int_equal(status_of(c, (id), (address)), TFS_STATUS_##st)

/* A whole document (a plan, a state with sensitivity marks) in single
 * quotes, as a fixture. */
static fixture doc(const char *single_quoted)
{
	fixture f;
	tfs_model_options opt;
	char *json = q(single_quoted);

	f.st = load_ok(json);
	free(json);
	f.inv = tfs_inventory_build(f.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	f.m = tfs_model_build(f.st, f.inv, &opt);
	assert_null(tfs_model_check(f.m));
	return f;
}

static void has(const tfs_finding *f, const char *attr, const char *value,
                const char *in_message)
{
	if (attr)
		assert_string_equal(f->attribute, attr);
	if (value)
		assert_string_equal(f->value, value);
	if (in_message && !strstr(f->message, in_message))
		fail_msg("'%s' not in '%s'", in_message, f->message);
}

#define ACCT "111122223333"
#define FN_ARN(n) "arn:aws:lambda:sa-east-1:" ACCT ":function:" n
#define SQS_ARN(n) "arn:aws:sqs:sa-east-1:" ACCT ":" n
#define SQS_URL(n) "https://sqs.sa-east-1.amazonaws.com/" ACCT "/" n
#define SNS_ARN(n) "arn:aws:sns:sa-east-1:" ACCT ":" n
#define FN(name, extra)                                                       \
	R("aws_lambda_function", name,                                         \
	  "{'function_name':'" name "','arn':'" FN_ARN(name) "'" extra "}")
#define DEV ",'tags_all':{'Environment':'dev'}"
/* with a dev resource in the fixture, "dev" is the stack's environment:
 * production resources say so */
#define PROD ",'tags_all':{'Environment':'prod'}"

/* ---- SEC-LAMBDA-RUNTIME -------------------------------------------------- */

static void test_runtime(void **s)
{
	(void)s;
	fixture f = build(FN("old", ",'runtime':'python3.8','package_type':'Zip'")
	                  "," FN("new", ",'runtime':'python3.13'")
	                  "," FN("soon", ",'runtime':'ruby3.3'")
	                  "," FN("edge", ",'runtime':'dotnet8'")
	                  "," FN("img", ",'package_type':'Image'")
	                  "," FN("odd", ",'runtime':'cobol1.x'")
	                  "," FN("none", ",'package_type':'Zip'"));
	tfs_checks *c = run_checks(&f, NULL); /* today: 2026-11-23 */
	const char *id = "SEC-LAMBDA-RUNTIME";

	has(finding_of(c, id, "aws_lambda_function.old"), "runtime",
	    "\"python3.8\"", "deprecated since 2024-10-14");
	EXPECT(id, "aws_lambda_function.old", FAIL);
	EXPECT(id, "aws_lambda_function.new", PASS);
	has(finding_of(c, id, "aws_lambda_function.new"), "runtime",
	    "\"python3.13\"", "until 2029-06-30");
	/* 2027-03-31 is within six months: still a pass, with a warning */
	EXPECT(id, "aws_lambda_function.soon", PASS);
	has(finding_of(c, id, "aws_lambda_function.soon"), NULL, NULL,
	    "plan the upgrade");
	/* deprecated 2026-11-10, thirteen days before the run */
	EXPECT(id, "aws_lambda_function.edge", FAIL);
	EXPECT(id, "aws_lambda_function.img", NA);
	EXPECT(id, "aws_lambda_function.odd", UNKNOWN);
	has(finding_of(c, id, "aws_lambda_function.odd"), "runtime", NULL,
	    "not in tfsight's table");
	EXPECT(id, "aws_lambda_function.none", UNKNOWN);
	assert_int_equal(summary_of(c, id), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-LAMBDA-ENV-SECRETS ---------------------------------------------- */

static void test_env_secrets(void **s)
{
	(void)s;
	fixture f = build(
		FN("leaky", ",'environment':[{'variables':{'DB_PASSWORD':"
		            "'CANARY-X','LOG_LEVEL':'info'}}]")
		"," FN("url", ",'environment':[{'variables':{'DATABASE_URL':"
		              "'postgres://app:CANARY-Y@db:5432/app'}}]")
		"," FN("clean", ",'environment':[{'variables':{'LOG_LEVEL':'info',"
		                "'DB_PASSWORD_ARN':'arn:aws:secretsmanager:sa-east-1:"
		                ACCT ":secret:db'}}]")
		"," FN("bare", ",'environment':[]"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-LAMBDA-ENV-SECRETS";
	char *text;

	EXPECT(id, "aws_lambda_function.leaky", FAIL);
	has(finding_of(c, id, "aws_lambda_function.leaky"),
	    "environment[0].variables", "DB_PASSWORD", "DB_PASSWORD looks like");
	EXPECT(id, "aws_lambda_function.url", FAIL);
	has(finding_of(c, id, "aws_lambda_function.url"), NULL, "DATABASE_URL",
	    "DATABASE_URL");
	EXPECT(id, "aws_lambda_function.clean", PASS);
	has(finding_of(c, id, "aws_lambda_function.clean"),
	    "environment[0].variables", "2 variables", NULL);
	EXPECT(id, "aws_lambda_function.bare", PASS);
	text = all_text(c);
	assert_null(strstr(text, "CANARY-X"));
	assert_null(strstr(text, "CANARY-Y"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

/* The canary: a plaintext DB_PASSWORD fails by name, and its value is in
 * no finding of any check. */
static void test_canary(void **s)
{
	(void)s;
	fixture f = build(FN("api", ",'runtime':'python3.12','environment':"
	                            "[{'variables':{'DB_PASSWORD':'CANARY-X'}}]"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *k = finding_of(c, "SEC-LAMBDA-ENV-SECRETS",
	                                  "aws_lambda_function.api");
	char *text = all_text(c);

	assert_int_equal(k->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(k->message, "DB_PASSWORD"));
	assert_string_equal(k->value, "DB_PASSWORD");
	assert_null(strstr(text, "CANARY-X"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

#define SEALED(name, vars, marks)                                             \
	"{'mode':'managed','type':'aws_lambda_function','name':'" name "',"    \
	"'instances':[{'attributes':{'function_name':'" name "',"              \
	"'environment':[{'variables':" vars "}]},'sensitive_attributes':["    \
	marks "]}]}"
#define WHOLE "[{'type':'get_attr','value':'environment'}]"
#define NESTED                                                                \
	"[{'type':'get_attr','value':'environment'},{'type':'index','value':"  \
	"{'value':0,'type':'number'}},{'type':'get_attr','value':'variables'}]"

/* An environment the input marks sensitive (whole, or its variables map)
 * is decided from the sealed copy: names read, values never shown. */
static void test_env_sealed(void **s)
{
	(void)s;
	fixture f = doc(
		"{'version':4,'resources':["
		SEALED("whole", "{'API_TOKEN':'CANARY-Z','MODE':'x'}", WHOLE) ","
		SEALED("nested", "{'STRIPE_KEY':'sk_live_CANARY-W',"
		                 "'SIGNING_KEY':'CANARY-V'}", NESTED) ","
		SEALED("calm", "{'MODE':'CANARY-U'}", NESTED) "]}");
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-LAMBDA-ENV-SECRETS";
	const tfs_finding *k;
	char *text;

	k = finding_of(c, id, "aws_lambda_function.whole");
	assert_int_equal(k->status, TFS_STATUS_FAIL);
	has(k, "environment[0].variables", TFS_REDACTED, "API_TOKEN");
	k = finding_of(c, id, "aws_lambda_function.nested");
	assert_int_equal(k->status, TFS_STATUS_FAIL);
	has(k, NULL, TFS_REDACTED, "SIGNING_KEY");
	/* STRIPE_KEY says nothing by its name: not flagged, not shown */
	assert_null(strstr(k->message, "STRIPE_KEY"));
	k = finding_of(c, id, "aws_lambda_function.calm");
	assert_int_equal(k->status, TFS_STATUS_PASS);
	assert_string_equal(k->value, TFS_REDACTED);
	text = all_text(c);
	assert_null(strstr(text, "CANARY"));
	free(text);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-LAMBDA-URL-AUTH ------------------------------------------------- */

static void test_url_auth(void **s)
{
	(void)s;
	fixture f = build(
		FN("fn", "")
		"," R("aws_lambda_function_url", "open",
		      "{'function_name':'fn','authorization_type':'NONE'}")
		"," R("aws_lambda_function_url", "iam",
		      "{'function_name':'fn','authorization_type':'AWS_IAM'}")
		"," R("aws_lambda_function_url", "blank", "{'function_name':'fn'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-LAMBDA-URL-AUTH";

	EXPECT(id, "aws_lambda_function_url.open", FAIL);
	has(finding_of(c, id, "aws_lambda_function_url.open"),
	    "authorization_type", "\"NONE\"", "anyone on the internet");
	EXPECT(id, "aws_lambda_function_url.iam", PASS);
	EXPECT(id, "aws_lambda_function_url.blank", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- HA-LAMBDA-DLQ ------------------------------------------------------- */

static void test_dlq(void **s)
{
	(void)s;
	fixture f = build(
		FN("a", "") "," FN("b", ",'dead_letter_config':[{'target_arn':'"
		                        SQS_ARN("dlq") "'}]")
		"," FN("c", "") "," FN("d", "")
		"," R("aws_sqs_queue", "dlq", "{'name':'dlq','arn':'" SQS_ARN("dlq")
		      "','url':'" SQS_URL("dlq") "'}")
		"," R("aws_sns_topic", "t", "{'name':'t','arn':'" SNS_ARN("t") "'}")
		"," R("aws_sns_topic_subscription", "a",
		      "{'topic_arn':'" SNS_ARN("t") "','protocol':'lambda',"
		      "'endpoint':'" FN_ARN("a") "'}")
		"," R("aws_sns_topic_subscription", "b",
		      "{'topic_arn':'" SNS_ARN("t") "','protocol':'lambda',"
		      "'endpoint':'" FN_ARN("b") "'}")
		"," R("aws_cloudwatch_event_rule", "r",
		      "{'name':'r','arn':'arn:aws:events:sa-east-1:" ACCT
		      ":rule/r'}")
		"," R("aws_cloudwatch_event_target", "c",
		      "{'rule':'r','arn':'" FN_ARN("c") "'}")
		"," R("aws_lambda_function_event_invoke_config", "c",
		      "{'function_name':'c','destination_config':[{'on_failure':"
		      "[{'destination':'" SQS_ARN("dlq") "'}]}]}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "HA-LAMBDA-DLQ";

	EXPECT(id, "aws_lambda_function.a", FAIL);
	has(finding_of(c, id, "aws_lambda_function.a"), "dead_letter_config",
	    "(absent)", "aws_sns_topic.t (an SNS subscription)");
	EXPECT(id, "aws_lambda_function.b", PASS);
	has(finding_of(c, id, "aws_lambda_function.b"),
	    "dead_letter_config[0].target_arn", "\"" SQS_ARN("dlq") "\"",
	    "aws_sqs_queue.dlq");
	EXPECT(id, "aws_lambda_function.c", PASS);
	has(finding_of(c, id, "aws_lambda_function.c"),
	    "aws_lambda_function_event_invoke_config.c.destination_config[0]"
	    ".on_failure[0].destination",
	    NULL, NULL);
	EXPECT(id, "aws_lambda_function.d", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- MON-LAMBDA-LOGS ----------------------------------------------------- */

#define LG(name, group, days)                                                 \
	R("aws_cloudwatch_log_group", name,                                    \
	  "{'name':'" group "','arn':'arn:aws:logs:sa-east-1:" ACCT            \
	  ":log-group:" group "','retention_in_days':" days "}")

static void test_logs(void **s)
{
	(void)s;
	fixture f = build(
		FN("lg", "") "," LG("lg", "/aws/lambda/lg", "14")
		"," FN("forever", "") "," LG("forever", "/aws/lambda/forever", "0")
		"," FN("short", "") "," LG("short", "/aws/lambda/short", "3")
		"," FN("custom", ",'logging_config':[{'log_group':'shared'}]")
		"," LG("shared", "shared", "30")
		"," FN("elsewhere", ",'logging_config':[{'log_group':'not-here'}]")
		"," FN("nogroup", "")
		"," FN("readback", ",'logging_config':[{'log_group':"
		                   "'/aws/lambda/readback','log_format':'Text'}]"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "MON-LAMBDA-LOGS";
	fixture g;

	EXPECT(id, "aws_lambda_function.lg", PASS);
	has(finding_of(c, id, "aws_lambda_function.lg"),
	    "aws_cloudwatch_log_group.lg.retention_in_days", "14",
	    "the default group");
	EXPECT(id, "aws_lambda_function.forever", FAIL);
	has(finding_of(c, id, "aws_lambda_function.forever"), NULL, "0",
	    "never expire");
	EXPECT(id, "aws_lambda_function.short", FAIL);
	EXPECT(id, "aws_lambda_function.custom", PASS);
	has(finding_of(c, id, "aws_lambda_function.custom"),
	    "aws_cloudwatch_log_group.shared.retention_in_days", "30",
	    "logging_config");
	EXPECT(id, "aws_lambda_function.elsewhere", UNKNOWN);
	EXPECT(id, "aws_lambda_function.nogroup", FAIL);
	has(finding_of(c, id, "aws_lambda_function.nogroup"),
	    "aws_cloudwatch_log_group", "\"/aws/lambda/nogroup\"",
	    "creates it on the first invocation");
	/* newer providers read the default group back into logging_config */
	EXPECT(id, "aws_lambda_function.readback", FAIL);
	tfs_checks_free(c);
	release(&f);

	/* a state that manages no log groups: they may be elsewhere */
	g = build(FN("x", ""));
	c = run_checks(&g, NULL);
	EXPECT(id, "aws_lambda_function.x", UNKNOWN);
	tfs_checks_free(c);
	release(&g);
}

/* ---- MON-LAMBDA-XRAY ----------------------------------------------------- */

static void test_xray(void **s)
{
	(void)s;
	fixture f = build(FN("traced", ",'tracing_config':[{'mode':'Active'}]"
	                           PROD)
	                  "," FN("plain", ",'tracing_config':[{'mode':"
	                                  "'PassThrough'}]" PROD)
	                  "," FN("devfn", ",'tracing_config':[]" DEV)
	                  "," FN("unrec", PROD));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "MON-LAMBDA-XRAY";

	EXPECT(id, "aws_lambda_function.traced", PASS);
	has(finding_of(c, id, "aws_lambda_function.traced"),
	    "tracing_config[0].mode", "\"Active\"", NULL);
	EXPECT(id, "aws_lambda_function.plain", FAIL);
	has(finding_of(c, id, "aws_lambda_function.plain"),
	    "tracing_config[0].mode", "\"PassThrough\"", "X-Ray");
	EXPECT(id, "aws_lambda_function.devfn", NA);
	EXPECT(id, "aws_lambda_function.unrec", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- API Gateway fixtures ------------------------------------------------- */

#define HTTP_API(name, id, proto)                                             \
	R("aws_apigatewayv2_api", name,                                        \
	  "{'id':'" id "','name':'" name "','protocol_type':'" proto "'}")
#define REST_API(name, id, type)                                              \
	R("aws_api_gateway_rest_api", name,                                    \
	  "{'id':'" id "','name':'" name "','endpoint_configuration':"         \
	  "[{'types':['" type "']}]}")
#define ROUTE(name, api, key, auth)                                           \
	R("aws_apigatewayv2_route", name,                                      \
	  "{'api_id':'" api "','route_key':'" key "'" auth "}")
#define METHOD(name, api, res, verb, auth)                                    \
	R("aws_api_gateway_method", name,                                      \
	  "{'rest_api_id':'" api "','resource_id':'" res "','http_method':'"   \
	  verb "','authorization':'" auth "'}")

/* ---- SEC-API-AUTH -------------------------------------------------------- */

static void test_api_auth(void **s)
{
	(void)s;
	fixture f = build(
		HTTP_API("http", "h1", "HTTP") "," HTTP_API("ws", "w1", "WEBSOCKET")
		"," REST_API("rest", "r1", "REGIONAL")
		"," REST_API("priv", "p1", "PRIVATE")
		"," ROUTE("public", "h1", "GET /items",
		          ",'authorization_type':'NONE'")
		"," ROUTE("jwt", "h1", "POST /items", ",'authorization_type':'JWT'")
		"," ROUTE("cors", "h1", "OPTIONS /items",
		          ",'authorization_type':'NONE'")
		"," ROUTE("unrec", "h1", "GET /x", "")
		"," ROUTE("wsdefault", "w1", "$default",
		          ",'authorization_type':'NONE'")
		"," ROUTE("wsconnect", "w1", "$connect",
		          ",'authorization_type':'NONE'")
		"," METHOD("get", "r1", "res1", "GET", "NONE")
		"," METHOD("opt", "r1", "res1", "OPTIONS", "NONE")
		"," METHOD("post", "r1", "res1", "POST", "COGNITO_USER_POOLS")
		"," METHOD("inside", "p1", "res2", "GET", "NONE"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-API-AUTH";
	const tfs_finding *k;

	EXPECT(id, "aws_apigatewayv2_route.public", FAIL);
	has(finding_of(c, id, "aws_apigatewayv2_route.public"),
	    "authorization_type", "\"NONE\"", "route \"GET /items\"");
	EXPECT(id, "aws_apigatewayv2_route.jwt", PASS);
	EXPECT(id, "aws_apigatewayv2_route.cors", NA);
	EXPECT(id, "aws_apigatewayv2_route.unrec", UNKNOWN);
	EXPECT(id, "aws_apigatewayv2_route.wsdefault", NA);
	EXPECT(id, "aws_apigatewayv2_route.wsconnect", FAIL);
	EXPECT(id, "aws_api_gateway_method.get", FAIL);
	has(finding_of(c, id, "aws_api_gateway_method.get"), "authorization",
	    "\"NONE\"", "method GET");
	EXPECT(id, "aws_api_gateway_method.opt", NA);
	EXPECT(id, "aws_api_gateway_method.post", PASS);
	EXPECT(id, "aws_api_gateway_method.inside", NA);
	tfs_checks_free(c);

	/* a deliberately public route, waived */
	c = run_checks(&f, "version: 1\nchecks:\n  waivers:\n"
	                   "    - {check: SEC-API-AUTH, address: "
	                   "'aws_apigatewayv2_route.public', reason: public "
	                   "catalogue}\n");
	k = finding_of(c, id, "aws_apigatewayv2_route.public");
	assert_int_equal(k->status, TFS_STATUS_FAIL);
	assert_string_equal(k->waiver, "public catalogue");
	assert_null(finding_of(c, id, "aws_api_gateway_method.get")->waiver);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-API-WAF --------------------------------------------------------- */

#define STAGE_ARN(api, st) "arn:aws:apigateway:sa-east-1::/restapis/" api "/stages/" st
#define ACL_ARN(n) "arn:aws:wafv2:sa-east-1:" ACCT ":regional/webacl/" n "/x"
#define REST_STAGE(name, api, st, extra)                                      \
	R("aws_api_gateway_stage", name,                                       \
	  "{'rest_api_id':'" api "','stage_name':'" st "','arn':'"             \
	  STAGE_ARN(api, st) "'" extra "}")

static void test_api_waf(void **s)
{
	(void)s;
	fixture f = build(
		REST_API("rest", "r1", "REGIONAL") "," REST_API("priv", "p1", "PRIVATE")
		"," HTTP_API("http", "h1", "HTTP")
		"," REST_STAGE("guarded", "r1", "prod", PROD)
		"," REST_STAGE("bare", "r1", "bare", PROD)
		"," REST_STAGE("own", "r1", "own",
		               ",'web_acl_arn':'" ACL_ARN("other") "'" PROD)
		"," REST_STAGE("empty", "r1", "empty", PROD)
		"," REST_STAGE("devstage", "r1", "dev", DEV)
		"," REST_STAGE("inside", "p1", "prod", PROD)
		"," R("aws_apigatewayv2_stage", "v2", "{'api_id':'h1','name':'$default'"
		      PROD "}")
		"," R("aws_wafv2_web_acl", "main", "{'arn':'" ACL_ARN("main")
		      "','rule':[{'name':'aws-common'}]}")
		"," R("aws_wafv2_web_acl", "hollow", "{'arn':'" ACL_ARN("hollow")
		      "','rule':[]}")
		"," R("aws_wafv2_web_acl_association", "guarded",
		      "{'resource_arn':'" STAGE_ARN("r1", "prod") "','web_acl_arn':'"
		      ACL_ARN("main") "'}")
		"," R("aws_wafv2_web_acl_association", "empty",
		      "{'resource_arn':'" STAGE_ARN("r1", "empty") "','web_acl_arn':'"
		      ACL_ARN("hollow") "'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-API-WAF";

	EXPECT(id, "aws_api_gateway_stage.guarded", PASS);
	has(finding_of(c, id, "aws_api_gateway_stage.guarded"),
	    "aws_wafv2_web_acl_association.guarded.web_acl_arn",
	    "\"" ACL_ARN("main") "\"", "aws_wafv2_web_acl.main with 1 rule");
	EXPECT(id, "aws_api_gateway_stage.bare", FAIL);
	has(finding_of(c, id, "aws_api_gateway_stage.bare"), "web_acl_arn",
	    "(absent)", NULL);
	EXPECT(id, "aws_api_gateway_stage.own", PASS);
	has(finding_of(c, id, "aws_api_gateway_stage.own"), "web_acl_arn", NULL,
	    "outside this state");
	EXPECT(id, "aws_api_gateway_stage.empty", FAIL);
	has(finding_of(c, id, "aws_api_gateway_stage.empty"),
	    "aws_wafv2_web_acl.hollow.rule", "[]", "no rules");
	EXPECT(id, "aws_api_gateway_stage.devstage", NA);
	EXPECT(id, "aws_api_gateway_stage.inside", NA);
	EXPECT(id, "aws_apigatewayv2_stage.v2", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-API-TLS --------------------------------------------------------- */

static void test_api_tls(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_apigatewayv2_domain_name", "v2",
		  "{'domain_name':'api.example.com','domain_name_configuration':"
		  "[{'security_policy':'TLS_1_2','endpoint_type':'REGIONAL'}]}")
		"," R("aws_api_gateway_domain_name", "old",
		      "{'domain_name':'old.example.com','security_policy':'TLS_1_0'}")
		"," R("aws_api_gateway_domain_name", "enh",
		      "{'domain_name':'new.example.com','security_policy':"
		      "'SecurityPolicy_TLS13_1_3_2025_09'}")
		"," R("aws_api_gateway_domain_name", "unrec",
		      "{'domain_name':'x.example.com'}")
		"," R("aws_api_gateway_domain_name", "weird",
		      "{'domain_name':'y.example.com','security_policy':'WEIRD'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-API-TLS";

	EXPECT(id, "aws_apigatewayv2_domain_name.v2", PASS);
	has(finding_of(c, id, "aws_apigatewayv2_domain_name.v2"),
	    "domain_name_configuration[0].security_policy", "\"TLS_1_2\"", NULL);
	EXPECT(id, "aws_api_gateway_domain_name.old", FAIL);
	has(finding_of(c, id, "aws_api_gateway_domain_name.old"),
	    "security_policy", "\"TLS_1_0\"", "TLS 1.0");
	EXPECT(id, "aws_api_gateway_domain_name.enh", PASS);
	EXPECT(id, "aws_api_gateway_domain_name.unrec", UNKNOWN);
	EXPECT(id, "aws_api_gateway_domain_name.weird", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- MON-API-ACCESS-LOGS, HA-API-THROTTLING ------------------------------ */

static void test_api_logs_and_throttling(void **s)
{
	(void)s;
	fixture f = build(
		HTTP_API("http", "h1", "HTTP") "," REST_API("rest", "r1", "REGIONAL")
		"," R("aws_apigatewayv2_stage", "logged",
		      "{'api_id':'h1','name':'$default','access_log_settings':[{"
		      "'destination_arn':'arn:aws:logs:sa-east-1:" ACCT
		      ":log-group:/api','format':'$context.requestId'}],"
		      "'default_route_settings':[{'throttling_burst_limit':100,"
		      "'throttling_rate_limit':50}]}")
		"," R("aws_apigatewayv2_stage", "quiet",
		      "{'api_id':'h1','name':'quiet','access_log_settings':[],"
		      "'default_route_settings':[{'throttling_burst_limit':0,"
		      "'throttling_rate_limit':0}]}")
		"," REST_STAGE("limited", "r1", "prod", "")
		"," REST_STAGE("planned", "r1", "plan", ",'access_log_settings':[]")
		"," REST_STAGE("open", "r1", "open", ",'access_log_settings':[]")
		"," R("aws_api_gateway_method_settings", "ms",
		      "{'rest_api_id':'r1','stage_name':'prod','method_path':'*/*',"
		      "'settings':[{'throttling_rate_limit':100,"
		      "'throttling_burst_limit':50}]}")
		"," R("aws_api_gateway_method_settings", "nolimit",
		      "{'rest_api_id':'r1','stage_name':'open','method_path':'*/*',"
		      "'settings':[{'throttling_rate_limit':-1,"
		      "'throttling_burst_limit':-1}]}")
		"," R("aws_api_gateway_usage_plan", "plan",
		      "{'api_stages':[{'api_id':'r1','stage':'plan'}],"
		      "'throttle_settings':[{'rate_limit':10,'burst_limit':20}]}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("MON-API-ACCESS-LOGS", "aws_apigatewayv2_stage.logged", PASS);
	has(finding_of(c, "MON-API-ACCESS-LOGS", "aws_apigatewayv2_stage.logged"),
	    "access_log_settings[0].destination_arn", NULL, NULL);
	EXPECT("MON-API-ACCESS-LOGS", "aws_apigatewayv2_stage.quiet", FAIL);
	has(finding_of(c, "MON-API-ACCESS-LOGS", "aws_apigatewayv2_stage.quiet"),
	    "access_log_settings", "[]", "cannot be traced");
	EXPECT("MON-API-ACCESS-LOGS", "aws_api_gateway_stage.limited", UNKNOWN);
	EXPECT("MON-API-ACCESS-LOGS", "aws_api_gateway_stage.open", FAIL);

	EXPECT("HA-API-THROTTLING", "aws_apigatewayv2_stage.logged", PASS);
	has(finding_of(c, "HA-API-THROTTLING", "aws_apigatewayv2_stage.logged"),
	    "default_route_settings[0].throttling_rate_limit", "50", NULL);
	EXPECT("HA-API-THROTTLING", "aws_apigatewayv2_stage.quiet", FAIL);
	has(finding_of(c, "HA-API-THROTTLING", "aws_apigatewayv2_stage.quiet"),
	    "default_route_settings[0].throttling_rate_limit", "0",
	    "account-wide limit");
	EXPECT("HA-API-THROTTLING", "aws_api_gateway_stage.limited", PASS);
	has(finding_of(c, "HA-API-THROTTLING", "aws_api_gateway_stage.limited"),
	    "aws_api_gateway_method_settings.ms.settings[0].throttling_rate_limit",
	    "100", NULL);
	EXPECT("HA-API-THROTTLING", "aws_api_gateway_stage.planned", PASS);
	has(finding_of(c, "HA-API-THROTTLING", "aws_api_gateway_stage.planned"),
	    "aws_api_gateway_usage_plan.plan.throttle_settings[0].rate_limit",
	    "10", NULL);
	/* -1: the provider's "not set" */
	EXPECT("HA-API-THROTTLING", "aws_api_gateway_stage.open", FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- HA-LAMBDA-CONCURRENCY ----------------------------------------------- */

static void test_concurrency(void **s)
{
	(void)s;
	fixture f = build(
		HTTP_API("http", "h1", "HTTP") "," REST_API("rest", "r1", "REGIONAL")
		"," REST_API("priv", "p1", "PRIVATE")
		"," FN("capped", ",'reserved_concurrent_executions':20")
		"," FN("open", ",'reserved_concurrent_executions':-1")
		"," FN("rest", ",'reserved_concurrent_executions':-1")
		"," FN("inner", ",'reserved_concurrent_executions':-1")
		"," FN("unrec", "") "," FN("alone", ",'reserved_concurrent_executions':-1")
		"," R("aws_apigatewayv2_integration", "capped",
		      "{'id':'i1','api_id':'h1','integration_uri':'" FN_ARN("capped")
		      "'}")
		"," R("aws_apigatewayv2_integration", "open",
		      "{'id':'i2','api_id':'h1','integration_uri':'" FN_ARN("open")
		      "'}")
		"," R("aws_apigatewayv2_integration", "unrec",
		      "{'id':'i3','api_id':'h1','integration_uri':'" FN_ARN("unrec")
		      "'}")
		"," METHOD("get", "r1", "res1", "GET", "NONE")
		"," R("aws_api_gateway_integration", "get",
		      "{'rest_api_id':'r1','resource_id':'res1','http_method':'GET',"
		      "'uri':'arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/"
		      "functions/" FN_ARN("rest") "/invocations'}")
		"," METHOD("inner", "p1", "res2", "GET", "NONE")
		"," R("aws_api_gateway_integration", "inner",
		      "{'rest_api_id':'p1','resource_id':'res2','http_method':'GET',"
		      "'uri':'arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/"
		      "functions/" FN_ARN("inner") "/invocations'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "HA-LAMBDA-CONCURRENCY";

	EXPECT(id, "aws_lambda_function.capped", PASS);
	has(finding_of(c, id, "aws_lambda_function.capped"),
	    "reserved_concurrent_executions", "20", "aws_apigatewayv2_api.http");
	EXPECT(id, "aws_lambda_function.open", FAIL);
	has(finding_of(c, id, "aws_lambda_function.open"),
	    "reserved_concurrent_executions", "-1", "throttle every other");
	/* a REST integration reaches its API through its method */
	EXPECT(id, "aws_lambda_function.rest", FAIL);
	has(finding_of(c, id, "aws_lambda_function.rest"), NULL, NULL,
	    "aws_api_gateway_rest_api.rest");
	EXPECT(id, "aws_lambda_function.inner", NA);
	EXPECT(id, "aws_lambda_function.unrec", UNKNOWN);
	EXPECT(id, "aws_lambda_function.alone", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- HA-LAMBDA-MULTIAZ --------------------------------------------------- */

#define SUBNET(name, id, az)                                                  \
	R("aws_subnet", name,                                                  \
	  "{'id':'" id "','vpc_id':'vpc-1','availability_zone':'" az "',"      \
	  "'cidr_block':'10.0.0.0/24'}")
#define VPCFN(name, subnets, extra)                                           \
	FN(name, ",'vpc_config':[{'subnet_ids':" subnets                      \
	         ",'security_group_ids':[]}]" extra)

static void test_multi_az(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_vpc", "v", "{'id':'vpc-1','cidr_block':'10.0.0.0/16'}")
		"," SUBNET("a", "subnet-a", "sa-east-1a")
		"," SUBNET("b", "subnet-b", "sa-east-1b")
		"," VPCFN("spread", "['subnet-a','subnet-b']", PROD)
		"," VPCFN("single", "['subnet-a']", PROD)
		"," VPCFN("ext", "['subnet-a','subnet-zzz']", PROD)
		"," VPCFN("devfn", "['subnet-a']", DEV)
		"," FN("novpc", PROD));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "HA-LAMBDA-MULTIAZ";

	EXPECT(id, "aws_lambda_function.spread", PASS);
	has(finding_of(c, id, "aws_lambda_function.spread"),
	    "vpc_config[0].subnet_ids", "[\"sa-east-1a\",\"sa-east-1b\"]", NULL);
	EXPECT(id, "aws_lambda_function.single", FAIL);
	has(finding_of(c, id, "aws_lambda_function.single"), NULL,
	    "[\"sa-east-1a\"]", "one AZ");
	EXPECT(id, "aws_lambda_function.ext", UNKNOWN);
	has(finding_of(c, id, "aws_lambda_function.ext"), NULL, NULL,
	    "1 of the subnets");
	EXPECT(id, "aws_lambda_function.devfn", NA);
	EXPECT(id, "aws_lambda_function.novpc", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- DynamoDB ------------------------------------------------------------ */

#define KEY_ARN "arn:aws:kms:sa-east-1:" ACCT ":key/1111-2222"
#define TABLE(name, extra)                                                    \
	R("aws_dynamodb_table", name, "{'name':'" name "'" extra "}")
#define TARGET(name, table, dim)                                              \
	R("aws_appautoscaling_target", name,                                   \
	  "{'resource_id':'table/" table "','scalable_dimension':'"            \
	  "dynamodb:table:" dim "','service_namespace':'dynamodb',"            \
	  "'min_capacity':1,'max_capacity':10}")
#define POLICY(name, table, dim)                                              \
	R("aws_appautoscaling_policy", name,                                   \
	  "{'resource_id':'table/" table "','scalable_dimension':'"            \
	  "dynamodb:table:" dim "','policy_type':'TargetTrackingScaling'}")

static void test_dynamodb(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_kms_key", "k", "{'arn':'" KEY_ARN "','key_id':'1111-2222'}")
		"," TABLE("good", ",'billing_mode':'PAY_PER_REQUEST',"
		                  "'point_in_time_recovery':[{'enabled':true}],"
		                  "'deletion_protection_enabled':true,"
		                  "'server_side_encryption':[{'enabled':true,"
		                  "'kms_key_arn':'" KEY_ARN "'}]" PROD)
		"," TABLE("bad", ",'billing_mode':'PROVISIONED',"
		                 "'point_in_time_recovery':[{'enabled':false}],"
		                 "'deletion_protection_enabled':false,"
		                 "'server_side_encryption':[]" PROD)
		"," TABLE("managed", ",'server_side_encryption':[{'enabled':true,"
		                     "'kms_key_arn':''}]")
		"," TABLE("elsewhere", ",'server_side_encryption':[{'enabled':true,"
		                       "'kms_key_arn':'arn:aws:kms:sa-east-1:"
		                       "999999999999:key/abc'}]")
		"," TABLE("scaled", ",'billing_mode':'PROVISIONED'")
		"," TARGET("sr", "scaled", "ReadCapacityUnits")
		"," TARGET("sw", "scaled", "WriteCapacityUnits")
		"," POLICY("sr", "scaled", "ReadCapacityUnits")
		"," POLICY("sw", "scaled", "WriteCapacityUnits")
		"," TABLE("half", ",'billing_mode':'PROVISIONED'")
		"," TARGET("hr", "half", "ReadCapacityUnits")
		"," POLICY("hr", "half", "ReadCapacityUnits")
		"," TABLE("devtable", ",'point_in_time_recovery':[]" DEV)
		"," TABLE("unrec", PROD));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.good", PASS);
	has(finding_of(c, "HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.good"),
	    "point_in_time_recovery[0].enabled", "true", NULL);
	EXPECT("HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.bad", FAIL);
	has(finding_of(c, "HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.bad"),
	    "point_in_time_recovery[0].enabled", "false", "rolled back");
	EXPECT("HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.devtable", NA);
	EXPECT("HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.unrec", UNKNOWN);

	EXPECT("HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.good", PASS);
	EXPECT("HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.bad", FAIL);
	has(finding_of(c, "HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.bad"),
	    "deletion_protection_enabled", "false", NULL);
	EXPECT("HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.unrec", UNKNOWN);
	EXPECT("HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.devtable", NA);

	EXPECT("SEC-DYNAMODB-KMS", "aws_dynamodb_table.good", PASS);
	has(finding_of(c, "SEC-DYNAMODB-KMS", "aws_dynamodb_table.good"),
	    "server_side_encryption[0].kms_key_arn", "\"" KEY_ARN "\"",
	    "aws_kms_key.k");
	EXPECT("SEC-DYNAMODB-KMS", "aws_dynamodb_table.bad", FAIL);
	has(finding_of(c, "SEC-DYNAMODB-KMS", "aws_dynamodb_table.bad"),
	    "server_side_encryption", "[]", "AWS-owned key");
	EXPECT("SEC-DYNAMODB-KMS", "aws_dynamodb_table.managed", FAIL);
	has(finding_of(c, "SEC-DYNAMODB-KMS", "aws_dynamodb_table.managed"),
	    "server_side_encryption[0].kms_key_arn", NULL, "aws/dynamodb");
	EXPECT("SEC-DYNAMODB-KMS", "aws_dynamodb_table.elsewhere", UNKNOWN);
	EXPECT("SEC-DYNAMODB-KMS", "aws_dynamodb_table.unrec", UNKNOWN);
	assert_int_equal(tfs_check_find("SEC-DYNAMODB-KMS")->severity,
	                 TFS_SEV_LOW);

	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.good", PASS);
	has(finding_of(c, "COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.good"),
	    "billing_mode", "\"PAY_PER_REQUEST\"", NULL);
	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.scaled", PASS);
	has(finding_of(c, "COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.scaled"),
	    "aws_appautoscaling_target.sr.resource_id", "\"table/scaled\"", NULL);
	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.bad", FAIL);
	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.half", FAIL);
	has(finding_of(c, "COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.half"),
	    "billing_mode", "\"PROVISIONED\"", "write (no scaling target)");
	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.unrec", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-MSG-ENCRYPTION -------------------------------------------------- */

static void test_msg_encryption(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_sns_topic", "enc", "{'arn':'" SNS_ARN("enc")
		  "','kms_master_key_id':'alias/aws/sns'}")
		"," R("aws_sns_topic", "plain", "{'arn':'" SNS_ARN("plain")
		      "','kms_master_key_id':''}")
		"," R("aws_sns_topic", "unrec", "{'arn':'" SNS_ARN("unrec") "'}")
		"," R("aws_sqs_queue", "sse", "{'arn':'" SQS_ARN("sse")
		      "','sqs_managed_sse_enabled':true,'kms_master_key_id':''}")
		"," R("aws_sqs_queue", "kms", "{'arn':'" SQS_ARN("kms")
		      "','kms_master_key_id':'" KEY_ARN "'}")
		"," R("aws_sqs_queue", "off", "{'arn':'" SQS_ARN("off")
		      "','sqs_managed_sse_enabled':false,'kms_master_key_id':''}")
		"," R("aws_sqs_queue", "unrec", "{'arn':'" SQS_ARN("unrec") "'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-MSG-ENCRYPTION";

	EXPECT(id, "aws_sns_topic.enc", PASS);
	has(finding_of(c, id, "aws_sns_topic.enc"), "kms_master_key_id",
	    "\"alias/aws/sns\"", NULL);
	EXPECT(id, "aws_sns_topic.plain", FAIL);
	has(finding_of(c, id, "aws_sns_topic.plain"), "kms_master_key_id",
	    "\"\"", "unencrypted");
	EXPECT(id, "aws_sns_topic.unrec", UNKNOWN);
	EXPECT(id, "aws_sqs_queue.sse", PASS);
	has(finding_of(c, id, "aws_sqs_queue.sse"), "sqs_managed_sse_enabled",
	    "true", "SSE-SQS");
	EXPECT(id, "aws_sqs_queue.kms", PASS);
	EXPECT(id, "aws_sqs_queue.off", FAIL);
	has(finding_of(c, id, "aws_sqs_queue.off"), "sqs_managed_sse_enabled",
	    "false", NULL);
	EXPECT(id, "aws_sqs_queue.unrec", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- SEC-MSG-PUBLIC-POLICY ----------------------------------------------- */

#define STMT(principal, cond)                                                 \
	"{`Version`:`2012-10-17`,`Statement`:[{`Effect`:`Allow`,`Principal`:"  \
	principal ",`Action`:`*`,`Resource`:`*`" cond "}]}"

static void test_msg_policy(void **s)
{
	(void)s;
	fixture f = B(
		R("aws_sns_topic", "open", "{'arn':'" SNS_ARN("open") "','policy':'"
		  STMT("{`AWS`:`*`}", "") "'}")
		"," R("aws_sns_topic", "default",
		      "{'arn':'" SNS_ARN("default") "','policy':'"
		      STMT("{`AWS`:`*`}", ",`Condition`:{`StringEquals`:{"
		                          "`AWS:SourceOwner`:`" ACCT "`}}") "'}")
		"," R("aws_sns_topic", "split", "{'arn':'" SNS_ARN("split")
		      "','policy':''}")
		"," R("aws_sns_topic_policy", "split",
		      "{'arn':'" SNS_ARN("split") "','policy':'"
		      STMT("`*`", ",`Condition`:{`Bool`:{`aws:SecureTransport`:"
		                  "`true`}}") "'}")
		"," R("aws_sns_topic", "notp", "{'arn':'" SNS_ARN("notp") "','policy':'"
		      "{`Statement`:{`Effect`:`Allow`,`NotPrincipal`:{`AWS`:`arn:aws:"
		      "iam::" ACCT ":root`},`Action`:`sns:Publish`}}'}")
		"," R("aws_sqs_queue", "scoped", "{'arn':'" SQS_ARN("scoped")
		      "','url':'" SQS_URL("scoped") "','policy':''}")
		"," R("aws_sqs_queue_policy", "scoped",
		      "{'queue_url':'" SQS_URL("scoped") "','policy':'"
		      STMT("`*`", ",`Condition`:{`ArnEquals`:{`aws:SourceArn`:`"
		                  SNS_ARN("open") "`}}") "'}")
		"," R("aws_sqs_queue", "none", "{'arn':'" SQS_ARN("none")
		      "','url':'" SQS_URL("none") "','policy':''}")
		"," R("aws_sqs_queue", "junk", "{'arn':'" SQS_ARN("junk")
		      "','url':'" SQS_URL("junk") "','policy':'not a policy'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "SEC-MSG-PUBLIC-POLICY";

	EXPECT(id, "aws_sns_topic.open", FAIL);
	has(finding_of(c, id, "aws_sns_topic.open"),
	    "policy.Statement[0].Principal", "{...}", "with no Condition");
	EXPECT(id, "aws_sns_topic.default", PASS);
	has(finding_of(c, id, "aws_sns_topic.default"), "policy.Statement",
	    "[1 item]", NULL);
	/* a Condition that does not name the caller lets everyone in */
	EXPECT(id, "aws_sns_topic.split", FAIL);
	has(finding_of(c, id, "aws_sns_topic.split"),
	    "aws_sns_topic_policy.split.policy.Statement[0].Principal", "\"*\"",
	    "does not name the caller");
	EXPECT(id, "aws_sns_topic.notp", FAIL);
	has(finding_of(c, id, "aws_sns_topic.notp"),
	    "policy.Statement.NotPrincipal", NULL, "NotPrincipal");
	EXPECT(id, "aws_sqs_queue.scoped", PASS);
	has(finding_of(c, id, "aws_sqs_queue.scoped"),
	    "aws_sqs_queue_policy.scoped.policy.Statement", NULL, NULL);
	EXPECT(id, "aws_sqs_queue.none", PASS);
	has(finding_of(c, id, "aws_sqs_queue.none"), "policy", "(absent)", NULL);
	EXPECT(id, "aws_sqs_queue.junk", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- HA-SQS-DLQ ---------------------------------------------------------- */

#define QUEUE(name, extra)                                                    \
	R("aws_sqs_queue", name, "{'name':'" name "','arn':'" SQS_ARN(name)   \
	  "','url':'" SQS_URL(name) "','id':'" SQS_URL(name) "'" extra "}")
#define MAPPING(name, queue, fn)                                              \
	R("aws_lambda_event_source_mapping", name,                             \
	  "{'event_source_arn':'" SQS_ARN(queue) "','function_arn':'"          \
	  FN_ARN(fn) "','function_name':'" FN_ARN(fn) "'}")

static void test_sqs_dlq(void **s)
{
	(void)s;
	fixture f = B(
		FN("worker", "")
		"," QUEUE("jobs", ",'redrive_policy':'{`deadLetterTargetArn`:`"
		                  SQS_ARN("jobs-dlq") "`,`maxReceiveCount`:5}'")
		"," QUEUE("jobs-dlq", ",'redrive_policy':''")
		"," QUEUE("raw", ",'redrive_policy':''")
		"," QUEUE("split", ",'redrive_policy':''")
		"," R("aws_sqs_queue_redrive_policy", "split",
		      "{'queue_url':'" SQS_URL("split") "','redrive_policy':'{"
		      "`deadLetterTargetArn`:`" SQS_ARN("jobs-dlq") "`,"
		      "`maxReceiveCount`:3}'}")
		"," MAPPING("jobs", "jobs", "worker")
		"," MAPPING("raw", "raw", "worker")
		"," MAPPING("split", "split", "worker"));
	tfs_checks *c = run_checks(&f, NULL);
	const char *id = "HA-SQS-DLQ";

	EXPECT(id, "aws_sqs_queue.jobs", PASS);
	has(finding_of(c, id, "aws_sqs_queue.jobs"),
	    "redrive_policy.deadLetterTargetArn", "\"" SQS_ARN("jobs-dlq") "\"",
	    "aws_sqs_queue.jobs-dlq");
	EXPECT(id, "aws_sqs_queue.raw", FAIL);
	has(finding_of(c, id, "aws_sqs_queue.raw"), "redrive_policy", "\"\"",
	    "aws_lambda_function.worker reads the queue");
	EXPECT(id, "aws_sqs_queue.split", PASS);
	has(finding_of(c, id, "aws_sqs_queue.split"),
	    "aws_sqs_queue_redrive_policy.split.redrive_policy"
	    ".deadLetterTargetArn",
	    NULL, NULL);
	EXPECT(id, "aws_sqs_queue.jobs-dlq", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- Cognito ------------------------------------------------------------- */

#define POOL(name, extra) R("aws_cognito_user_pool", name, "{'name':'" name "'" extra "}")
#define PWD(len, lo, up, num, sym)                                            \
	",'password_policy':[{'minimum_length':" len ",'require_lowercase':"  \
	lo ",'require_uppercase':" up ",'require_numbers':" num                \
	",'require_symbols':" sym "}]"

static void test_cognito(void **s)
{
	(void)s;
	fixture f = build(
		POOL("strong", ",'mfa_configuration':'ON'"
		     PWD("12", "true", "true", "true", "false")
		     ",'user_pool_add_ons':[{'advanced_security_mode':'ENFORCED'}],"
		     "'deletion_protection':'ACTIVE'" PROD)
		"," POOL("weak", ",'mfa_configuration':'OFF'"
		         PWD("6", "true", "true", "true", "true")
		         ",'user_pool_add_ons':[],'user_pool_tier':'PLUS',"
		         "'deletion_protection':'INACTIVE'" PROD)
		"," POOL("simple", ",'mfa_configuration':'OPTIONAL'"
		           PWD("10", "true", "false", "false", "false")
		           ",'user_pool_add_ons':[{'advanced_security_mode':"
		           "'AUDIT'}]" PROD)
		"," POOL("phrase", PWD("16", "false", "false", "false", "false")
		           ",'user_pool_add_ons':[{'advanced_security_mode':'OFF'}]"
		           PROD)
		"," POOL("dflt", ",'password_policy':[]")
		"," POOL("devpool", ",'user_pool_add_ons':[],"
		            "'deletion_protection':'INACTIVE'" DEV)
		"," POOL("unrec", PROD));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("SEC-COGNITO-MFA", "aws_cognito_user_pool.strong", PASS);
	EXPECT("SEC-COGNITO-MFA", "aws_cognito_user_pool.simple", PASS);
	has(finding_of(c, "SEC-COGNITO-MFA", "aws_cognito_user_pool.simple"),
	    "mfa_configuration", "\"OPTIONAL\"", "not required");
	EXPECT("SEC-COGNITO-MFA", "aws_cognito_user_pool.weak", FAIL);
	has(finding_of(c, "SEC-COGNITO-MFA", "aws_cognito_user_pool.weak"),
	    "mfa_configuration", "\"OFF\"", "second factor");
	EXPECT("SEC-COGNITO-MFA", "aws_cognito_user_pool.unrec", UNKNOWN);

	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.strong", PASS);
	has(finding_of(c, "SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.strong"),
	    "password_policy[0].minimum_length", "12", "3 of the four");
	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.weak", FAIL);
	has(finding_of(c, "SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.weak"),
	    "password_policy[0].minimum_length", "6", "fewer than 8");
	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.simple", FAIL);
	has(finding_of(c, "SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.simple"),
	    NULL, "10", "only 1 of the four");
	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.phrase", PASS);
	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.dflt", PASS);
	EXPECT("SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.unrec", UNKNOWN);

	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.strong", PASS);
	has(finding_of(c, "SEC-COGNITO-THREAT", "aws_cognito_user_pool.strong"),
	    "user_pool_add_ons[0].advanced_security_mode", "\"ENFORCED\"", NULL);
	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.simple", PASS);
	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.weak", FAIL);
	has(finding_of(c, "SEC-COGNITO-THREAT", "aws_cognito_user_pool.weak"),
	    "user_pool_add_ons", "[]", "Plus tier includes it");
	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.phrase", FAIL);
	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.devpool", NA);
	EXPECT("SEC-COGNITO-THREAT", "aws_cognito_user_pool.unrec", UNKNOWN);

	EXPECT("HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.strong", PASS);
	has(finding_of(c, "HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.strong"),
	    "deletion_protection", "\"ACTIVE\"", NULL);
	EXPECT("HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.weak", FAIL);
	EXPECT("HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.devpool", NA);
	EXPECT("HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.unrec", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- plans: values left to the apply are unknown, not failures ---------- */

#define CHANGE(type, name, after, unknown)                                    \
	"{'address':'" type "." name "','mode':'managed','type':'" type "',"  \
	"'name':'" name "','change':{'actions':['update'],'before':" after    \
	",'after':" after ",'after_unknown':" unknown "}}"

static void test_plan_unknowns(void **s)
{
	(void)s;
	fixture f = doc(
		"{'format_version':'1.2','resource_changes':["
		CHANGE("aws_lambda_function", "fn",
		       "{'function_name':'fn','arn':'" FN_ARN("fn") "',"
		       "'package_type':'Zip','environment':[{}],"
		       "'tracing_config':[{}],'vpc_config':[]}",
		       "{'runtime':true,'environment':[{'variables':true}],"
		       "'dead_letter_config':true,'reserved_concurrent_executions':"
		       "true,'tracing_config':[{'mode':true}],'vpc_config':true}") ","
		CHANGE("aws_sns_topic", "t", "{'name':'t','arn':'" SNS_ARN("t") "'}",
		       "{'kms_master_key_id':true,'policy':true}") ","
		CHANGE("aws_sns_topic_subscription", "s",
		       "{'topic_arn':'" SNS_ARN("t") "','protocol':'lambda',"
		       "'endpoint':'" FN_ARN("fn") "'}", "{}") ","
		CHANGE("aws_apigatewayv2_api", "http",
		       "{'id':'h1','name':'http','protocol_type':'HTTP'}", "{}") ","
		CHANGE("aws_apigatewayv2_integration", "i",
		       "{'id':'i1','api_id':'h1','integration_uri':'" FN_ARN("fn")
		       "'}", "{}") ","
		CHANGE("aws_apigatewayv2_stage", "st",
		       "{'api_id':'h1','name':'$default'}",
		       "{'access_log_settings':true,'default_route_settings':true}")
		"," CHANGE("aws_dynamodb_table", "tb", "{'name':'tb'}",
		           "{'point_in_time_recovery':true,"
		           "'deletion_protection_enabled':true,"
		           "'server_side_encryption':true,'billing_mode':true}")
		"," CHANGE("aws_cognito_user_pool", "p", "{'name':'p'}",
		           "{'mfa_configuration':true,'password_policy':true,"
		           "'user_pool_add_ons':true,'deletion_protection':true}")
		"," CHANGE("aws_sqs_queue", "q",
		           "{'name':'q','arn':'" SQS_ARN("q") "','url':'" SQS_URL("q")
		           "'}",
		           "{'redrive_policy':true,'kms_master_key_id':true,"
		           "'sqs_managed_sse_enabled':true,'policy':true}")
		"," CHANGE("aws_lambda_event_source_mapping", "m",
		           "{'event_source_arn':'" SQS_ARN("q") "','function_arn':'"
		           FN_ARN("fn") "'}", "{}")
		"]}");
	tfs_checks *c = run_checks(&f, NULL);
	static const struct {
		const char *id, *address, *attr;
	} LATER[] = {
		{"SEC-LAMBDA-RUNTIME", "aws_lambda_function.fn", "runtime"},
		{"SEC-LAMBDA-ENV-SECRETS", "aws_lambda_function.fn",
		 "environment[0].variables"},
		{"HA-LAMBDA-DLQ", "aws_lambda_function.fn", "dead_letter_config"},
		{"HA-LAMBDA-CONCURRENCY", "aws_lambda_function.fn",
		 "reserved_concurrent_executions"},
		{"MON-LAMBDA-XRAY", "aws_lambda_function.fn",
		 "tracing_config[0].mode"},
		{"HA-LAMBDA-MULTIAZ", "aws_lambda_function.fn",
		 "vpc_config[0].subnet_ids"},
		{"SEC-MSG-ENCRYPTION", "aws_sns_topic.t", "kms_master_key_id"},
		{"SEC-MSG-PUBLIC-POLICY", "aws_sns_topic.t", "policy"},
		{"SEC-MSG-ENCRYPTION", "aws_sqs_queue.q", "kms_master_key_id"},
		{"HA-SQS-DLQ", "aws_sqs_queue.q", "redrive_policy"},
		{"MON-API-ACCESS-LOGS", "aws_apigatewayv2_stage.st",
		 "access_log_settings[0].destination_arn"},
		{"HA-API-THROTTLING", "aws_apigatewayv2_stage.st",
		 "default_route_settings"},
		{"HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.tb",
		 "point_in_time_recovery"},
		{"HA-DR-DYNAMODB-PROTECT", "aws_dynamodb_table.tb",
		 "deletion_protection_enabled"},
		{"SEC-DYNAMODB-KMS", "aws_dynamodb_table.tb",
		 "server_side_encryption"},
		{"COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.tb",
		 "billing_mode"},
		{"SEC-COGNITO-MFA", "aws_cognito_user_pool.p", "mfa_configuration"},
		{"SEC-COGNITO-PASSWORD", "aws_cognito_user_pool.p",
		 "password_policy"},
		{"SEC-COGNITO-THREAT", "aws_cognito_user_pool.p",
		 "user_pool_add_ons"},
		{"HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.p",
		 "deletion_protection"},
	};
	size_t i;

	for (i = 0; i < sizeof(LATER) / sizeof(LATER[0]); i++) {
		const tfs_finding *k = finding_of(c, LATER[i].id, LATER[i].address);
		if (k->status != TFS_STATUS_UNKNOWN)
			fail_msg("%s on %s: %s, not unknown (%s)", LATER[i].id,
			         LATER[i].address, tfs_status_name(k->status),
			         k->message);
		has(k, LATER[i].attr, "(known after apply)", "to the apply");
	}
	tfs_checks_free(c);
	release(&f);
}

/* ---- the catalogue rows -------------------------------------------------- */

static void test_catalogue_rows(void **s)
{
	(void)s;
	static const struct {
		const char *id;
		tfs_check_category cat;
		tfs_check_scope scope;
	} ROWS[] = {
		{"SEC-LAMBDA-RUNTIME", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-LAMBDA-ENV-SECRETS", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-LAMBDA-URL-AUTH", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-API-AUTH", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-API-WAF", TFS_CHECKCAT_SECURITY, TFS_SCOPE_PROD},
		{"SEC-API-TLS", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-DYNAMODB-KMS", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-MSG-ENCRYPTION", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-MSG-PUBLIC-POLICY", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-COGNITO-MFA", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-COGNITO-PASSWORD", TFS_CHECKCAT_SECURITY, TFS_SCOPE_ALL},
		{"SEC-COGNITO-THREAT", TFS_CHECKCAT_SECURITY, TFS_SCOPE_PROD},
		{"MON-LAMBDA-LOGS", TFS_CHECKCAT_MONITORING, TFS_SCOPE_ALL},
		{"MON-LAMBDA-XRAY", TFS_CHECKCAT_MONITORING, TFS_SCOPE_PROD},
		{"MON-API-ACCESS-LOGS", TFS_CHECKCAT_MONITORING, TFS_SCOPE_ALL},
		{"HA-LAMBDA-DLQ", TFS_CHECKCAT_HA, TFS_SCOPE_ALL},
		{"HA-LAMBDA-CONCURRENCY", TFS_CHECKCAT_HA, TFS_SCOPE_ALL},
		{"HA-LAMBDA-MULTIAZ", TFS_CHECKCAT_HA, TFS_SCOPE_PROD},
		{"HA-API-THROTTLING", TFS_CHECKCAT_HA, TFS_SCOPE_ALL},
		{"HA-SQS-DLQ", TFS_CHECKCAT_HA, TFS_SCOPE_ALL},
		{"HA-DR-DYNAMODB-PITR", TFS_CHECKCAT_HA, TFS_SCOPE_PROD},
		{"HA-DR-DYNAMODB-PROTECT", TFS_CHECKCAT_HA, TFS_SCOPE_PROD},
		{"HA-DR-COGNITO-PROTECT", TFS_CHECKCAT_HA, TFS_SCOPE_PROD},
		{"COST-DYNAMODB-AUTOSCALING", TFS_CHECKCAT_COST, TFS_SCOPE_ALL},
	};
	size_t len, i;
	char *seed = read_repo_file("../shared/seeds/000_818cf458b4a96c4f.txt",
	                            &len);

	for (i = 0; i < sizeof(ROWS) / sizeof(ROWS[0]); i++) {
		const tfs_check_def *d = tfs_check_find(ROWS[i].id);
		if (!d)
			fail_msg("no check %s", ROWS[i].id);
		assert_int_equal(d->category, ROWS[i].cat);
		assert_int_equal(d->scope, ROWS[i].scope);
		assert_non_null(d->run);
		assert_non_null(strchr(d->remediation, '`'));
		assert_true(d->refs && *d->refs);
		/* the checklist line is quoted verbatim from the seeds */
		if (seed && !strstr(seed, d->checklist))
			fail_msg("%s: '%s' is not in the seeds", d->id, d->checklist);
	}
	free(seed);
}

/* Wrong types everywhere: nothing crashes, and nothing passes on shapes it
 * cannot read. */
static void test_hostile_shapes(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lambda_function", "h",
		  "{'function_name':7,'runtime':['python3.13'],'environment':"
		  "'x','tracing_config':{'mode':1},'vpc_config':'all',"
		  "'dead_letter_config':[1],'reserved_concurrent_executions':'lots',"
		  "'logging_config':[[]]}")
		"," R("aws_lambda_function", "h2",
		      "{'function_name':'h2','environment':[{'variables':"
		      "{'A':1,'B':null,'C':[]}}]}")
		"," R("aws_apigatewayv2_route", "r", "{'api_id':3,'route_key':[],"
		      "'authorization_type':{}}")
		"," R("aws_apigatewayv2_stage", "st",
		      "{'api_id':{},'default_route_settings':'fast',"
		      "'access_log_settings':[7]}")
		"," R("aws_api_gateway_stage", "rs", "{'rest_api_id':1}")
		"," R("aws_api_gateway_domain_name", "d", "{'security_policy':5}")
		"," R("aws_dynamodb_table", "t",
		      "{'name':[],'billing_mode':3,'point_in_time_recovery':'yes',"
		      "'server_side_encryption':{'enabled':'maybe'}}")
		"," R("aws_sns_topic", "tp", "{'arn':5,'policy':'{\\\"Statement\\\":7}'}")
		"," R("aws_sqs_queue", "q", "{'policy':[1],'redrive_policy':{}}")
		"," R("aws_cognito_user_pool", "p",
		      "{'mfa_configuration':1,'password_policy':'strong',"
		      "'user_pool_add_ons':[[]],'deletion_protection':true}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("SEC-LAMBDA-RUNTIME", "aws_lambda_function.h", UNKNOWN);
	EXPECT("SEC-LAMBDA-ENV-SECRETS", "aws_lambda_function.h2", PASS);
	EXPECT("MON-LAMBDA-XRAY", "aws_lambda_function.h", FAIL);
	EXPECT("SEC-API-AUTH", "aws_apigatewayv2_route.r", UNKNOWN);
	EXPECT("SEC-API-TLS", "aws_api_gateway_domain_name.d", UNKNOWN);
	EXPECT("SEC-MSG-PUBLIC-POLICY", "aws_sns_topic.tp", UNKNOWN);
	EXPECT("SEC-COGNITO-MFA", "aws_cognito_user_pool.p", UNKNOWN);
	EXPECT("HA-DR-COGNITO-PROTECT", "aws_cognito_user_pool.p", UNKNOWN);
	EXPECT("HA-DR-DYNAMODB-PITR", "aws_dynamodb_table.t", FAIL);
	EXPECT("COST-DYNAMODB-AUTOSCALING", "aws_dynamodb_table.t", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* The bundled examples: a container stack with one alert topic. */
static void test_examples(void **s)
{
	(void)s;
	fixture f = build_example("examples/webapp-prod.tfstate");
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(summary_of(c, "SEC-LAMBDA-RUNTIME"), TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "HA-SQS-DLQ"), TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "SEC-MSG-PUBLIC-POLICY"), TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runtime),
		cmocka_unit_test(test_env_secrets),
		cmocka_unit_test(test_canary),
		cmocka_unit_test(test_env_sealed),
		cmocka_unit_test(test_url_auth),
		cmocka_unit_test(test_dlq),
		cmocka_unit_test(test_logs),
		cmocka_unit_test(test_xray),
		cmocka_unit_test(test_api_auth),
		cmocka_unit_test(test_api_waf),
		cmocka_unit_test(test_api_tls),
		cmocka_unit_test(test_api_logs_and_throttling),
		cmocka_unit_test(test_concurrency),
		cmocka_unit_test(test_multi_az),
		cmocka_unit_test(test_dynamodb),
		cmocka_unit_test(test_msg_encryption),
		cmocka_unit_test(test_msg_policy),
		cmocka_unit_test(test_sqs_dlq),
		cmocka_unit_test(test_cognito),
		cmocka_unit_test(test_plan_unknowns),
		cmocka_unit_test(test_catalogue_rows),
		cmocka_unit_test(test_hostile_shapes),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
