/* test_check_security_net.c - the Security checks for the network, the data
 * and the edge (src/check/security_net.c): each with a passing, a failing
 * and, where it has one, an unknown state; hostile shapes; and the two
 * bundled examples. */
#include "testutil.h"

/* JSON inside a JSON string: write \\' for each quote of the inner text. */
#define POLICY(stmts) "'{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':" \
	stmts "}'"
#define DENY_HTTP                                                             \
	"{\\'Effect\\':\\'Deny\\',\\'Principal\\':\\'*\\',\\'Action\\':"      \
	"\\'s3:*\\',\\'Resource\\':\\'*\\',\\'Condition\\':{\\'Bool\\':"      \
	"{\\'aws:SecureTransport\\':\\'false\\'}}}"

static tfs_checks *S_run(fixture *f)
{
	return run_checks(f, NULL);
}

/* ---- load balancers ------------------------------------------------------ */

static void test_lb_https(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb_listener", "https", "{'arn':'l1','protocol':'HTTPS',"
		  "'certificate_arn':'arn:aws:acm:sa-east-1:1:certificate/x',"
		  "'ssl_policy':'ELBSecurityPolicy-TLS13-1-2-2021-06'}") ","
		R("aws_lb_listener", "redirect", "{'arn':'l2','protocol':'HTTP',"
		  "'default_action':[{'type':'redirect','redirect':[{'protocol':"
		  "'HTTPS','port':'443','status_code':'HTTP_301'}]}]}") ","
		R("aws_lb_listener", "forward", "{'arn':'l3','protocol':'HTTP',"
		  "'default_action':[{'type':'forward','target_group_arn':'tg'}]}") ","
		R("aws_lb_listener", "ruled", "{'arn':'l4','protocol':'HTTP',"
		  "'default_action':[{'type':'redirect','redirect':[{'protocol':"
		  "'HTTPS'}]}]}") ","
		R("aws_lb_listener_rule", "leak", "{'listener_arn':'l4','action':"
		  "[{'type':'forward','target_group_arn':'tg'}]}") ","
		R("aws_lb_listener", "to_http", "{'arn':'l5','protocol':'HTTP',"
		  "'default_action':[{'type':'redirect','redirect':[{'protocol':"
		  "'HTTP','port':'8080'}]}]}") ","
		R("aws_lb_listener", "tcp", "{'arn':'l6','protocol':'TCP'}") ","
		R("aws_lb_listener", "bare", "{'arn':'l7'}") ","
		R("aws_alb_listener", "legacy", "{'arn':'l8','protocol':'HTTP',"
		  "'default_action':[{'type':'fixed-response'}]}"));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_lb_listener.https"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-LB-HTTPS", "aws_lb_listener.redirect");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "default_action[0].redirect[0].protocol");
	assert_string_equal(fd->value, "\"HTTPS\"");
	fd = finding_of(c, "SEC-LB-HTTPS", "aws_lb_listener.forward");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"forward\"");
	fd = finding_of(c, "SEC-LB-HTTPS", "aws_lb_listener.ruled");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "aws_lb_listener_rule.leak"));
	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_lb_listener.to_http"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_lb_listener.tcp"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_lb_listener.bare"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_alb_listener.legacy"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "SEC-LB-HTTPS"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

#define LISTENER(name, policy)                                                \
	R("aws_lb_listener", name, "{'arn':'" name "','protocol':'HTTPS',"     \
	  "'certificate_arn':'c','ssl_policy':'" policy "'}")

static void test_lb_tls_policy(void **s)
{
	(void)s;
	static const struct {
		const char *name;
		tfs_status want;
	} cases[] = {
		{"aws_lb_listener.tls13", TFS_STATUS_PASS},
		{"aws_lb_listener.tls13_fips", TFS_STATUS_PASS},
		{"aws_lb_listener.fs12", TFS_STATUS_PASS},
		{"aws_lb_listener.tls12", TFS_STATUS_PASS},
		{"aws_lb_listener.old", TFS_STATUS_FAIL},
		{"aws_lb_listener.old15", TFS_STATUS_FAIL},
		{"aws_lb_listener.tls10", TFS_STATUS_FAIL},
		{"aws_lb_listener.tls11", TFS_STATUS_FAIL},
		{"aws_lb_listener.fs2018", TFS_STATUS_FAIL},
		{"aws_lb_listener.fs11", TFS_STATUS_FAIL},
		{"aws_lb_listener.t13_10", TFS_STATUS_FAIL},
		{"aws_lb_listener.t13_11", TFS_STATUS_FAIL},
		{"aws_lb_listener.ext1", TFS_STATUS_FAIL},
		{"aws_lb_listener.ext2", TFS_STATUS_FAIL},
		{"aws_lb_listener.custom", TFS_STATUS_UNKNOWN},
		{"aws_lb_listener.nopolicy", TFS_STATUS_UNKNOWN},
		{"aws_lb_listener.http", TFS_STATUS_NA},
	};
	fixture f = build(
		LISTENER("tls13", "ELBSecurityPolicy-TLS13-1-2-2021-06") ","
		LISTENER("tls13_fips", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04") ","
		LISTENER("fs12", "ELBSecurityPolicy-FS-1-2-Res-2020-10") ","
		LISTENER("tls12", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06") ","
		LISTENER("old", "ELBSecurityPolicy-2016-08") ","
		LISTENER("old15", "ELBSecurityPolicy-2015-05") ","
		LISTENER("tls10", "ELBSecurityPolicy-TLS-1-0-2015-04") ","
		LISTENER("tls11", "ELBSecurityPolicy-TLS-1-1-2017-01") ","
		LISTENER("fs2018", "ELBSecurityPolicy-FS-2018-06") ","
		LISTENER("fs11", "ELBSecurityPolicy-FS-1-1-2019-08") ","
		LISTENER("t13_10", "ELBSecurityPolicy-TLS13-1-0-2021-06") ","
		LISTENER("t13_11", "ELBSecurityPolicy-TLS13-1-1-2021-06") ","
		LISTENER("ext1", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06") ","
		LISTENER("ext2", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06") ","
		LISTENER("custom", "my-own-policy") ","
		R("aws_lb_listener", "nopolicy", "{'protocol':'TLS','ssl_policy':''}")
		"," R("aws_lb_listener", "http", "{'protocol':'HTTP'}"));
	tfs_checks *c = S_run(&f);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tfs_status got = status_of(c, "SEC-LB-TLS-POLICY", cases[i].name);
		if (got != cases[i].want)
			fail_msg("%s: %s, want %s", cases[i].name, tfs_status_name(got),
			         tfs_status_name(cases[i].want));
	}
	assert_string_equal(
		finding_of(c, "SEC-LB-TLS-POLICY", "aws_lb_listener.old")->value,
		"\"ELBSecurityPolicy-2016-08\"");
	tfs_checks_free(c);
	release(&f);
}

/* ---- CloudFront ---------------------------------------------------------- */

#define CF(name, attrs) R("aws_cloudfront_distribution", name, attrs)

static void test_cf_viewer_https(void **s)
{
	(void)s;
	fixture f = build(
		CF("ok", "{'default_cache_behavior':[{'viewer_protocol_policy':"
		   "'redirect-to-https'}],'ordered_cache_behavior':[{"
		   "'viewer_protocol_policy':'https-only'}]}") ","
		CF("bad", "{'default_cache_behavior':[{'viewer_protocol_policy':"
		   "'https-only'}],'ordered_cache_behavior':[{"
		   "'viewer_protocol_policy':'allow-all'}]}") ","
		CF("unknown", "{'default_cache_behavior':[{}]}"));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	assert_int_equal(status_of(c, "SEC-CF-VIEWER-HTTPS",
	                           "aws_cloudfront_distribution.ok"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-CF-VIEWER-HTTPS", "aws_cloudfront_distribution.bad");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "ordered_cache_behavior[0].viewer_protocol_policy");
	assert_string_equal(fd->value, "\"allow-all\"");
	assert_int_equal(status_of(c, "SEC-CF-VIEWER-HTTPS",
	                           "aws_cloudfront_distribution.unknown"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

#define VC(body) "{'viewer_certificate':[{" body "}]}"

static void test_cf_tls(void **s)
{
	(void)s;
	fixture f = build(
		CF("ok", VC("'acm_certificate_arn':'arn:aws:acm:us-east-1:1:c/x',"
		            "'cloudfront_default_certificate':false,"
		            "'minimum_protocol_version':'TLSv1.2_2021',"
		            "'ssl_support_method':'sni-only'")) ","
		CF("default", VC("'cloudfront_default_certificate':true,"
		                 "'minimum_protocol_version':'TLSv1'")) ","
		CF("old", VC("'acm_certificate_arn':'a','minimum_protocol_version':"
		             "'TLSv1.1_2016','ssl_support_method':'sni-only'")) ","
		CF("y2019", VC("'acm_certificate_arn':'a','minimum_protocol_version':"
		               "'TLSv1.2_2019','ssl_support_method':'sni-only'")) ","
		CF("vip", VC("'acm_certificate_arn':'a','minimum_protocol_version':"
		             "'TLSv1.3_2025','ssl_support_method':'vip'")) ","
		CF("nocert", VC("'cloudfront_default_certificate':'false'")) ","
		CF("novc", "{}"));
	tfs_checks *c = S_run(&f);

	assert_int_equal(status_of(c, "SEC-CF-TLS", "aws_cloudfront_distribution.ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-CF-TLS",
	                           "aws_cloudfront_distribution.default"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-CF-TLS", "aws_cloudfront_distribution.old"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-CF-TLS",
	                           "aws_cloudfront_distribution.y2019"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-CF-TLS", "aws_cloudfront_distribution.vip"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-CF-TLS",
	                           "aws_cloudfront_distribution.nocert"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-CF-TLS",
	                           "aws_cloudfront_distribution.novc"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

#define ORIGIN(pp, protos)                                                    \
	"{'domain_name':'api.example.com','custom_origin_config':[{"           \
	"'origin_protocol_policy':'" pp "','origin_ssl_protocols':" protos "}]}"

static void test_cf_origin_https(void **s)
{
	(void)s;
	fixture f = build(
		CF("ok", "{'origin':[" ORIGIN("https-only", "['TLSv1.2']") "]}") ","
		CF("http", "{'origin':[" ORIGIN("http-only", "['TLSv1.2']") "]}") ","
		CF("tls11", "{'origin':[" ORIGIN("https-only",
		                                 "['TLSv1.1','TLSv1.2']") "]}") ","
		CF("match_ok", "{'default_cache_behavior':[{'viewer_protocol_policy':"
		   "'redirect-to-https'}],'origin':["
		   ORIGIN("match-viewer", "['TLSv1.2']") "]}") ","
		CF("match_bad", "{'default_cache_behavior':[{'viewer_protocol_policy':"
		   "'allow-all'}],'origin':[" ORIGIN("match-viewer", "['TLSv1.2']")
		   "]}") ","
		CF("nopp", "{'origin':[{'domain_name':'x','custom_origin_config':"
		   "[{}]}]}") ","
		CF("s3only", "{'origin':[{'domain_name':'b.s3.sa-east-1.amazonaws.com',"
		   "'s3_origin_config':[]}]}"));
	tfs_checks *c = S_run(&f);
	const char *id = "SEC-CF-ORIGIN-HTTPS";
	const tfs_finding *fd;

	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.ok"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, id, "aws_cloudfront_distribution.http");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"http-only\"");
	fd = finding_of(c, id, "aws_cloudfront_distribution.tls11");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "TLSv1.1"));
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.match_ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.match_bad"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.nopp"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.s3only"),
	                 TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

#define HEADERS(name, id, sts)                                                \
	R("aws_cloudfront_response_headers_policy", name, "{'id':'" id "',"    \
	  "'security_headers_config':[{'strict_transport_security':[" sts      \
	  "]}]}")
#define BEHAVES(id1, id2)                                                     \
	"{'default_cache_behavior':[{'response_headers_policy_id':'" id1 "'}]," \
	"'ordered_cache_behavior':[{'response_headers_policy_id':'" id2 "'}]}"

static void test_cf_hsts(void **s)
{
	(void)s;
	fixture f = build(
		HEADERS("year", "p-year", "{'access_control_max_age_sec':63072000,"
		        "'override':true,'include_subdomains':true}") ","
		HEADERS("day", "p-day", "{'access_control_max_age_sec':86400,"
		        "'override':true}") ","
		HEADERS("weak", "p-weak", "{'access_control_max_age_sec':'31536000',"
		        "'override':false}") ","
		R("aws_cloudfront_response_headers_policy", "none",
		  "{'id':'p-none','security_headers_config':[]}") ","
		CF("ok", BEHAVES("p-year", "p-year")) ","
		CF("short", BEHAVES("p-year", "p-day")) ","
		CF("nooverride", BEHAVES("p-weak", "p-year")) ","
		CF("missing", BEHAVES("p-year", "")) ","
		CF("nosts", BEHAVES("p-none", "p-year")) ","
		CF("managed", BEHAVES("67f7725c-6f97-4210-82d7-5512b31e9d03",
		                      "p-year")));
	tfs_checks *c = S_run(&f);
	const char *id = "SEC-CF-HSTS";
	const tfs_finding *fd;

	fd = finding_of(c, id, "aws_cloudfront_distribution.ok");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_non_null(strstr(fd->message, "63072000"));
	fd = finding_of(c, id, "aws_cloudfront_distribution.short");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "ordered_cache_behavior[0].response_headers_policy_id");
	assert_non_null(strstr(fd->message, "31536000"));
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.nooverride"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.missing"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.nosts"),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, id, "aws_cloudfront_distribution.managed");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(fd->message, "67f7725c-6f97-4210-82d7-5512b31e9d03"));
	tfs_checks_free(c);
	release(&f);
}

#define BUCKET(name, extra)                                                   \
	R("aws_s3_bucket", name, "{'id':'" name "','bucket':'" name "',"       \
	  "'arn':'arn:aws:s3:::" name "','bucket_regional_domain_name':'" name \
	  ".s3.sa-east-1.amazonaws.com'" extra "}")
#define S3_ORIGIN(name, extra)                                                \
	"{'domain_name':'" name ".s3.sa-east-1.amazonaws.com'" extra "}"
#define CF_ARN "arn:aws:cloudfront::111111111111:distribution/E1"

static void test_cf_oac(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("scoped", "") "," BUCKET("open", "") ","
		R("aws_s3_bucket_policy", "scoped", "{'bucket':'scoped','policy':"
		  POLICY("[{\\'Effect\\':\\'Allow\\',\\'Principal\\':{\\'Service\\':"
		         "\\'cloudfront.amazonaws.com\\'},\\'Action\\':"
		         "\\'s3:GetObject\\',\\'Condition\\':{\\'StringEquals\\':{"
		         "\\'AWS:SourceArn\\':\\'" CF_ARN "\\'}}}]") "}") ","
		R("aws_s3_bucket_policy", "open", "{'bucket':'open','policy':"
		  POLICY("[{\\'Effect\\':\\'Allow\\',\\'Principal\\':{\\'Service\\':"
		         "[\\'cloudfront.amazonaws.com\\']},\\'Action\\':"
		         "\\'s3:GetObject\\'}]") "}") ","
		R("aws_cloudfront_origin_access_control", "good",
		  "{'id':'OAC1','origin_access_control_origin_type':'s3',"
		  "'signing_behavior':'always','signing_protocol':'sigv4'}") ","
		R("aws_cloudfront_origin_access_control", "never",
		  "{'id':'OAC2','signing_behavior':'never'}") ","
		CF("oac", "{'arn':'" CF_ARN "','origin':["
		   S3_ORIGIN("scoped", ",'origin_access_control_id':'OAC1'") ","
		   "{'domain_name':'api.example.com','custom_origin_config':[{}]}]}")
		"," CF("oai", "{'origin':[" S3_ORIGIN("elsewhere",
		      ",'s3_origin_config':[{'origin_access_identity':"
		      "'origin-access-identity/cloudfront/E2'}]") "]}") ","
		CF("public", "{'origin':[" S3_ORIGIN("elsewhere", "") "]}") ","
		CF("never", "{'origin':[" S3_ORIGIN("elsewhere",
		   ",'origin_access_control_id':'OAC2'") "]}") ","
		CF("unscoped", "{'origin':[" S3_ORIGIN("open",
		   ",'origin_access_control_id':'OAC1'") "]}") ","
		CF("website", "{'origin':[{'domain_name':"
		   "'b.s3-website-sa-east-1.amazonaws.com','custom_origin_config':"
		   "[{'origin_protocol_policy':'http-only'}]}]}") ","
		CF("api", "{'origin':[{'domain_name':'api.example.com'}]}"));
	tfs_checks *c = S_run(&f);
	const char *id = "SEC-CF-OAC";
	const tfs_finding *fd;

	fd = finding_of(c, id, "aws_cloudfront_distribution.oac");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "origin[0].origin_access_control_id");
	assert_string_equal(fd->value, "\"OAC1\"");
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.oai"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.public"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.never"),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, id, "aws_cloudfront_distribution.unscoped");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_s3_bucket_policy.open.policy");
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.website"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, id, "aws_cloudfront_distribution.api"),
	                 TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- WAF ----------------------------------------------------------------- */

#define LB(name, extra)                                                       \
	R("aws_lb", name, "{'arn':'arn:lb/" name "','load_balancer_type':"     \
	  "'application'" extra "}")

static void test_waf(void **s)
{
	(void)s;
	fixture f = build(
		LB("guarded", ",'internal':false") "," LB("naked", ",'internal':false")
		"," LB("empty", "") "," LB("inside", ",'internal':true") ","
		R("aws_lb", "nlb", "{'arn':'arn:lb/nlb','load_balancer_type':"
		  "'network'}") ","
		R("aws_wafv2_web_acl", "acl", "{'arn':'arn:waf/acl','rule':"
		  "[{'name':'common'}]}") ","
		R("aws_wafv2_web_acl", "hollow", "{'arn':'arn:waf/hollow','rule':[]}")
		"," R("aws_wafv2_web_acl_association", "guarded",
		      "{'resource_arn':'arn:lb/guarded','web_acl_arn':'arn:waf/acl'}")
		"," R("aws_wafv2_web_acl_association", "empty",
		      "{'resource_arn':'arn:lb/empty','web_acl_arn':'arn:waf/hollow'}")
		"," CF("elsewhere", "{'web_acl_id':'arn:aws:wafv2:us-east-1:1:global/"
		       "webacl/x/1'}") ","
		CF("none", "{'web_acl_id':''}"));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-WAF", "aws_lb.guarded");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_wafv2_web_acl_association.guarded.web_acl_arn");
	assert_int_equal(status_of(c, "SEC-WAF", "aws_lb.naked"), TFS_STATUS_FAIL);
	fd = finding_of(c, "SEC-WAF", "aws_lb.empty");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_wafv2_web_acl.hollow.rule");
	assert_int_equal(status_of(c, "SEC-WAF", "aws_lb.inside"), TFS_STATUS_NA);
	assert_int_equal(status_of(c, "SEC-WAF", "aws_lb.nlb"), TFS_STATUS_NA);
	assert_int_equal(status_of(c, "SEC-WAF",
	                           "aws_cloudfront_distribution.elsewhere"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-WAF", "aws_cloudfront_distribution.none"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- security groups ----------------------------------------------------- */

#define SG(name, id, ingress)                                                 \
	R("aws_security_group", name, "{'id':'" id "','vpc_id':'vpc-1',"       \
	  "'ingress':" ingress ",'egress':[]}")
#define IN(proto, from, to, cidrs, sgs)                                       \
	"{'protocol':'" proto "','from_port':" from ",'to_port':" to           \
	",'cidr_blocks':" cidrs ",'ipv6_cidr_blocks':[],'security_groups':" sgs "}"

static void test_sg_public_ingress(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb", "pub", "{'arn':'arn:lb/pub','internal':false,"
		  "'security_groups':['sg-lb']}") ","
		R("aws_lb", "priv", "{'arn':'arn:lb/priv','internal':true,"
		  "'security_groups':['sg-int']}") ","
		SG("lb", "sg-lb", "[" IN("tcp", "443", "443", "['0.0.0.0/0']", "[]")
		   "," IN("tcp", "80", "80", "['0.0.0.0/0']", "[]") "]") ","
		SG("int", "sg-int", "[" IN("tcp", "443", "443", "['0.0.0.0/0']", "[]")
		   "]") ","
		SG("range", "sg-range", "[]") ","
		R("aws_lb", "pub2", "{'arn':'arn:lb/pub2','internal':false,"
		  "'security_groups':['sg-range']}") ","
		R("aws_vpc_security_group_ingress_rule", "wide", "{'security_group_id':"
		  "'sg-range','ip_protocol':'tcp','from_port':80,'to_port':443,"
		  "'cidr_ipv4':'0.0.0.0/0'}") ","
		SG("ssh", "sg-ssh", "[" IN("tcp", "22", "22", "['0.0.0.0/0']", "[]")
		   "]") ","
		SG("v6", "sg-v6", "[]") ","
		R("aws_security_group_rule", "v6all", "{'type':'ingress',"
		  "'security_group_id':'sg-v6','protocol':'-1','from_port':0,"
		  "'to_port':0,'ipv6_cidr_blocks':['::/0']}") ","
		SG("chained", "sg-app", "[" IN("tcp", "8000", "8000", "[]",
		                               "['sg-lb']") "]") ","
		R("aws_security_group_rule", "foreign", "{'type':'ingress',"
		  "'security_group_id':'sg-elsewhere','protocol':'tcp',"
		  "'from_port':3389,'to_port':3389,'cidr_blocks':['0.0.0.0/0']}"));
	tfs_checks *c = S_run(&f);
	const char *id = "SEC-SG-PUBLIC-INGRESS";
	const tfs_finding *fd;

	assert_int_equal(status_of(c, id, "aws_security_group.lb"), TFS_STATUS_PASS);
	fd = finding_of(c, id, "aws_security_group.int");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "ingress[0]");
	assert_string_equal(fd->value, "tcp/443 from 0.0.0.0/0");
	fd = finding_of(c, id, "aws_security_group.range");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_vpc_security_group_ingress_rule.wide");
	assert_int_equal(status_of(c, id, "aws_security_group.ssh"),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, id, "aws_security_group.v6");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "all traffic from ::/0");
	assert_int_equal(status_of(c, id, "aws_security_group.chained"),
	                 TFS_STATUS_PASS);
	/* a group of another state, opened by a rule of this one */
	fd = finding_of(c, id, "sg-elsewhere");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_security_group_rule.foreign");
	tfs_checks_free(c);
	release(&f);
}

#define RDS(name, sgs)                                                        \
	R("aws_db_instance", name, "{'identifier':'" name "','engine':"        \
	  "'postgres','port':5432,'vpc_security_group_ids':" sgs "}")
#define ECS_SVC(name, sg)                                                     \
	R("aws_ecs_service", name, "{'name':'" name "','network_configuration':" \
	  "[{'security_groups':['" sg "'],'subnets':[]}]}")

static void test_sg_db_from_app(void **s)
{
	(void)s;
	fixture f = build(
		ECS_SVC("api", "sg-app") ","
		SG("app", "sg-app", "[]") ","
		SG("db_ok", "sg-db-ok", "[" IN("tcp", "5432", "5432", "[]",
		                             "['sg-app']") ","
		   IN("tcp", "22", "22", "['10.0.0.0/8']", "[]") "]") ","
		SG("db_cidr", "sg-db-cidr", "[" IN("tcp", "5432", "5432",
		                                 "['10.0.0.0/16']", "[]") "]") ","
		SG("db_other", "sg-db-other", "[" IN("-1", "0", "0", "[]",
		                                   "['sg-bastion']") "]") ","
		SG("db_pl", "sg-db-pl", "[{'protocol':'tcp','from_port':5432,"
		   "'to_port':5432,'prefix_list_ids':['pl-1'],'cidr_blocks':[]}]") ","
		SG("db_pl2", "sg-db-pl2", "[]") ","
		R("aws_vpc_security_group_ingress_rule", "ssh_pl", "{"
		  "'security_group_id':'sg-db-ok','ip_protocol':'tcp',"
		  "'from_port':22,'to_port':22,'prefix_list_id':'pl-2'}") ","
		R("aws_vpc_security_group_ingress_rule", "pg_pl", "{"
		  "'security_group_id':'sg-db-pl2','ip_protocol':'tcp',"
		  "'from_port':5432,'to_port':5432,'prefix_list_id':'pl-2'}") ","
		RDS("pl2", "['sg-db-pl2']") ","
		RDS("ok", "['sg-db-ok']") "," RDS("cidr", "['sg-db-cidr']") ","
		RDS("other", "['sg-db-other']") "," RDS("pl", "['sg-db-pl']") ","
		RDS("elsewhere", "['sg-not-here']") "," RDS("nogroups", "[]"));
	tfs_checks *c = S_run(&f);
	const char *id = "SEC-SG-DB-FROM-APP";
	const tfs_finding *fd;

	assert_int_equal(status_of(c, id, "aws_db_instance.ok"), TFS_STATUS_PASS);
	fd = finding_of(c, id, "aws_db_instance.cidr");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_security_group.db_cidr.ingress[0]");
	assert_string_equal(fd->value, "tcp/5432 from 10.0.0.0/16");
	fd = finding_of(c, id, "aws_db_instance.other");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "sg-bastion"));
	fd = finding_of(c, id, "aws_db_instance.pl");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "aws_security_group.db_pl.ingress[0].prefix_list_ids");
	fd = finding_of(c, id, "aws_db_instance.pl2");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute,
	                    "aws_vpc_security_group_ingress_rule.pg_pl"
	                    ".prefix_list_id");
	fd = finding_of(c, id, "aws_db_instance.elsewhere");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(fd->message, "sg-not-here"));
	assert_int_equal(status_of(c, id, "aws_db_instance.nogroups"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);

	/* no ECS service in the state: a group source cannot be judged */
	f = build(SG("db", "sg-db", "[" IN("tcp", "5432", "5432", "[]",
	                                   "['sg-app']") "]") ","
	          RDS("db", "['sg-db']"));
	c = S_run(&f);
	assert_int_equal(status_of(c, id, "aws_db_instance.db"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_sg_default(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_vpc", "a", "{'id':'vpc-a'}") ","
		R("aws_vpc", "b", "{'id':'vpc-b'}") ","
		R("aws_vpc", "c", "{'id':'vpc-c'}") ","
		R("aws_default_security_group", "a", "{'vpc_id':'vpc-a','ingress':[],"
		  "'egress':[]}") ","
		R("aws_default_security_group", "b", "{'vpc_id':'vpc-b','ingress':[{"
		  "'protocol':'-1','self':true}],'egress':[]}"));
	tfs_checks *c = S_run(&f);

	assert_int_equal(status_of(c, "SEC-SG-DEFAULT",
	                           "aws_default_security_group.a"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-SG-DEFAULT",
	                           "aws_default_security_group.b"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-SG-DEFAULT", "aws_vpc.c"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- databases ----------------------------------------------------------- */

static void test_rds_tls(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_db_parameter_group", "on", "{'name':'pg-on','parameter':[{"
		  "'name':'rds.force_ssl','value':'1'}]}") ","
		R("aws_db_parameter_group", "off", "{'name':'pg-off','parameter':[{"
		  "'name':'log_connections','value':'1'},{'name':'rds.force_ssl',"
		  "'value':'0'}]}") ","
		R("aws_db_parameter_group", "quiet", "{'name':'pg-quiet',"
		  "'parameter':[]}") ","
		R("aws_db_parameter_group", "my", "{'name':'my-on','parameter':[{"
		  "'name':'require_secure_transport','value':'ON'}]}") ","
		R("aws_db_instance", "on", "{'engine':'postgres',"
		  "'parameter_group_name':'pg-on'}") ","
		R("aws_db_instance", "off", "{'engine':'postgres',"
		  "'parameter_group_name':'pg-off'}") ","
		R("aws_db_instance", "quiet", "{'engine':'postgres',"
		  "'parameter_group_name':'pg-quiet'}") ","
		R("aws_db_instance", "default", "{'engine':'postgres',"
		  "'parameter_group_name':'default.postgres16'}") ","
		R("aws_db_instance", "elsewhere", "{'engine':'mysql',"
		  "'parameter_group_name':'shared'}") ","
		R("aws_db_instance", "my", "{'engine':'mysql',"
		  "'parameter_group_name':'my-on'}") ","
		R("aws_db_instance", "oracle", "{'engine':'oracle-ee'}"));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-RDS-TLS", "aws_db_instance.on");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_db_parameter_group.on.parameter[0].value");
	fd = finding_of(c, "SEC-RDS-TLS", "aws_db_instance.off");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"0\"");
	assert_int_equal(status_of(c, "SEC-RDS-TLS", "aws_db_instance.quiet"),
	                 TFS_STATUS_UNKNOWN);
	fd = finding_of(c, "SEC-RDS-TLS", "aws_db_instance.default");
	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_string_equal(fd->value, "\"default.postgres16\"");
	assert_int_equal(status_of(c, "SEC-RDS-TLS", "aws_db_instance.elsewhere"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-RDS-TLS", "aws_db_instance.my"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-RDS-TLS", "aws_db_instance.oracle"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_rds_encrypted_and_private(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_db_instance", "cmk", "{'storage_encrypted':true,"
		  "'kms_key_id':'arn:aws:kms:sa-east-1:1:key/k',"
		  "'publicly_accessible':false}") ","
		R("aws_db_instance", "plain", "{'storage_encrypted':false,"
		  "'kms_key_id':'','publicly_accessible':true}") ","
		R("aws_db_instance", "flat", "{'storage_encrypted':'true',"
		  "'publicly_accessible':'false'}") ","
		R("aws_db_instance", "silent", "{}") ","
		R("aws_rds_cluster", "aurora", "{'cluster_identifier':'a',"
		  "'storage_encrypted':false}") ","
		R("aws_rds_cluster_instance", "member", "{'cluster_identifier':'a',"
		  "'publicly_accessible':true}"));
	tfs_checks *c = S_run(&f);

	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_db_instance.cmk"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_db_instance.plain"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_db_instance.flat"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_db_instance.silent"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_rds_cluster.aurora"),
	                 TFS_STATUS_FAIL);

	assert_int_equal(status_of(c, "SEC-RDS-NOT-PUBLIC", "aws_db_instance.cmk"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-RDS-NOT-PUBLIC", "aws_db_instance.plain"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-RDS-NOT-PUBLIC", "aws_db_instance.flat"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-RDS-NOT-PUBLIC",
	                           "aws_db_instance.silent"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-RDS-NOT-PUBLIC",
	                           "aws_rds_cluster_instance.member"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- S3 ------------------------------------------------------------------ */

#define SSE(name, alg)                                                        \
	R("aws_s3_bucket_server_side_encryption_configuration", name,          \
	  "{'bucket':'" name "','rule':[{'apply_server_side_encryption_by_"    \
	  "default':[{'sse_algorithm':'" alg "'}]}]}")
#define LEGACY_SSE(alg)                                                       \
	",'server_side_encryption_configuration':[{'rule':[{'apply_server_"    \
	"side_encryption_by_default':[{'sse_algorithm':'" alg "'}]}]}]"

static void test_s3_sse(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("kms", "") "," SSE("kms", "aws:kms") ","
		BUCKET("s3", "") "," SSE("s3", "AES256") ","
		BUCKET("odd", "") "," SSE("odd", "rot13") ","
		BUCKET("blank", "") ","
		R("aws_s3_bucket_server_side_encryption_configuration", "blank",
		  "{'bucket':'blank','rule':[]}") ","
		BUCKET("legacy", LEGACY_SSE("aws:kms")) ","
		BUCKET("defaulted", LEGACY_SSE("AES256")) ","
		BUCKET("bare", ""));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-S3-SSE", "aws_s3_bucket.kms");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->value, "\"aws:kms\"");
	assert_int_equal(status_of(c, "SEC-S3-SSE", "aws_s3_bucket.s3"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-S3-SSE", "aws_s3_bucket.odd"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-S3-SSE", "aws_s3_bucket.blank"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-S3-SSE", "aws_s3_bucket.legacy"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-S3-SSE", "aws_s3_bucket.defaulted");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"AES256\"");
	assert_int_equal(status_of(c, "SEC-S3-SSE", "aws_s3_bucket.bare"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

#define BPA(name, last)                                                       \
	R("aws_s3_bucket_public_access_block", name, "{'bucket':'" name "',"   \
	  "'block_public_acls':true,'block_public_policy':true,"               \
	  "'ignore_public_acls':true,'restrict_public_buckets':" last "}")

static void test_s3_bpa(void **s)
{
	(void)s;
	fixture f = build(BUCKET("closed", "") "," BPA("closed", "true") ","
	                  BUCKET("ajar", "") "," BPA("ajar", "false") ","
	                  BUCKET("open", ""));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	assert_int_equal(status_of(c, "SEC-S3-BPA", "aws_s3_bucket.closed"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "SEC-S3-BPA", "aws_s3_bucket.ajar");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "aws_s3_bucket_public_access_block.ajar"
	                                   ".restrict_public_buckets");
	assert_string_equal(fd->value, "false");
	assert_int_equal(status_of(c, "SEC-S3-BPA", "aws_s3_bucket.open"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);

	/* an account-level block in the same state covers every bucket */
	f = build(BUCKET("open", "") ","
	          R("aws_s3_account_public_access_block", "acct",
	            "{'block_public_acls':true,'block_public_policy':true,"
	            "'ignore_public_acls':true,'restrict_public_buckets':true}"));
	c = S_run(&f);
	assert_int_equal(status_of(c, "SEC-S3-BPA", "aws_s3_bucket.open"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_s3_tls_only(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("strict", "") ","
		R("aws_s3_bucket_policy", "strict", "{'bucket':'strict','policy':"
		  POLICY("[{\\'Effect\\':\\'Allow\\',\\'Principal\\':\\'*\\',"
		         "\\'Action\\':\\'s3:GetObject\\'}," DENY_HTTP "]") "}") ","
		BUCKET("inline", ",'policy':" POLICY(DENY_HTTP)) ","
		BUCKET("lax", "") ","
		R("aws_s3_bucket_policy", "lax", "{'bucket':'lax','policy':"
		  POLICY("[{\\'Effect\\':\\'Deny\\',\\'Action\\':\\'s3:PutObject\\',"
		         "\\'Condition\\':{\\'Bool\\':{\\'aws:SecureTransport\\':"
		         "\\'false\\'}}}]") "}") ","
		BUCKET("garbled", ",'policy':'{not json'") ","
		BUCKET("none", ",'policy':''"));
	tfs_checks *c = S_run(&f);
	const tfs_finding *fd;

	fd = finding_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.strict");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_s3_bucket_policy.strict.policy.Statement[1]"
	                    ".Condition.Bool.aws:SecureTransport");
	assert_int_equal(status_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.inline"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.lax"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.garbled"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.none"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- hostile shapes ------------------------------------------------------ */

static void test_hostile_shapes_do_not_crash(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb_listener", "l", "{'protocol':7,'default_action':'x',"
		  "'ssl_policy':['a']}") ","
		R("aws_lb_listener", "m", "{'protocol':'HTTP','default_action':"
		  "[{'type':'redirect','redirect':'HTTPS'}]}") ","
		R("aws_lb", "lb", "{'internal':'maybe','security_groups':'sg-1',"
		  "'load_balancer_type':5}") ","
		CF("d", "{'default_cache_behavior':'x','ordered_cache_behavior':{},"
		   "'origin':5,'viewer_certificate':'abc','web_acl_id':3}") ","
		CF("e", "{'origin':[{'domain_name':7,'custom_origin_config':[{"
		   "'origin_protocol_policy':'https-only','origin_ssl_protocols':"
		   "'TLSv1'}]},'x'],'default_cache_behavior':[{"
		   "'response_headers_policy_id':['p']}]}") ","
		R("aws_cloudfront_response_headers_policy", "p",
		  "{'id':'p','security_headers_config':[{'strict_transport_security':"
		  "[{'access_control_max_age_sec':'a year','override':'yes'}]}]}") ","
		CF("g", "{'default_cache_behavior':[{'response_headers_policy_id':"
		   "'p'}]}") ","
		R("aws_security_group", "sg", "{'id':'sg-1','ingress':'x',"
		  "'egress':[5]}") ","
		R("aws_db_instance", "db", "{'vpc_security_group_ids':7,'port':'x',"
		  "'storage_encrypted':'maybe','engine':['postgres'],"
		  "'parameter_group_name':{}}") ","
		R("aws_db_instance", "db2", "{'vpc_security_group_ids':['sg-1'],"
		  "'engine':'postgres','parameter_group_name':'pg'}") ","
		R("aws_db_parameter_group", "pg", "{'name':'pg','parameter':'x'}") ","
		R("aws_s3_bucket", "b", "{'id':'b','bucket':'b','policy':"
		  POLICY("\\'x\\'") ",'server_side_encryption_configuration':'x'}")
		"," R("aws_s3_bucket_policy", "b", "{'bucket':'b','policy':"
		      POLICY("[5,{\\'Effect\\':\\'Deny\\',\\'Condition\\':7}]") "}")
		"," R("aws_s3_bucket_public_access_block", "b", "{'bucket':'b',"
		      "'block_public_acls':'on'}") ","
		R("aws_default_security_group", "d", "{'vpc_id':'vpc-1',"
		  "'ingress':null}"));
	tfs_checks *c = S_run(&f);

	assert_int_equal(status_of(c, "SEC-LB-HTTPS", "aws_lb_listener.m"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-CF-HSTS", "aws_cloudfront_distribution.g"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-S3-BPA", "aws_s3_bucket.b"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-S3-TLS-ONLY", "aws_s3_bucket.b"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "SEC-RDS-ENCRYPTED", "aws_db_instance.db"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "SEC-SG-DEFAULT",
	                           "aws_default_security_group.d"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- the bundled examples ------------------------------------------------ */

typedef struct {
	const char *id, *address;
	tfs_status want;
} S_expect;

static void S_expect_all(const tfs_checks *c, const S_expect *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		tfs_status got = e[i].address
		                         ? status_of(c, e[i].id, e[i].address)
		                         : summary_of(c, e[i].id);
		if (got != e[i].want)
			fail_msg("%s on %s: %s, want %s", e[i].id,
			         e[i].address ? e[i].address : "(summary)",
			         tfs_status_name(got), tfs_status_name(e[i].want));
	}
}

#define APP "module.app."
#define CDN "module.cdn."
#define NET "module.network."
#define DBI "module.database.aws_db_instance.this"
#define DIST CDN "aws_cloudfront_distribution.this"

static void test_examples(void **s)
{
	(void)s;
	static const S_expect prod[] = {
		{"SEC-LB-HTTPS", APP "aws_lb_listener.http", TFS_STATUS_PASS},
		{"SEC-LB-HTTPS", APP "aws_lb_listener.https", TFS_STATUS_PASS},
		{"SEC-LB-TLS-POLICY", APP "aws_lb_listener.https", TFS_STATUS_PASS},
		{"SEC-LB-TLS-POLICY", APP "aws_lb_listener.http", TFS_STATUS_NA},
		{"SEC-CF-VIEWER-HTTPS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-TLS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-ORIGIN-HTTPS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-HSTS", DIST, TFS_STATUS_PASS},
		{"SEC-RDS-TLS", DBI, TFS_STATUS_UNKNOWN},
		{"SEC-S3-TLS-ONLY", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-TLS-ONLY", CDN "aws_s3_bucket.logs", TFS_STATUS_PASS},
		{"SEC-RDS-ENCRYPTED", DBI, TFS_STATUS_PASS},
		{"SEC-S3-SSE", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-SSE", CDN "aws_s3_bucket.logs", TFS_STATUS_PASS},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.alb",
		 TFS_STATUS_PASS},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.ecs_tasks",
		 TFS_STATUS_PASS},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.rds",
		 TFS_STATUS_PASS},
		{"SEC-SG-DB-FROM-APP", DBI, TFS_STATUS_PASS},
		{"SEC-SG-DEFAULT", NET "aws_vpc.this", TFS_STATUS_UNKNOWN},
		{"SEC-RDS-NOT-PUBLIC", DBI, TFS_STATUS_PASS},
		{"SEC-S3-BPA", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-BPA", CDN "aws_s3_bucket.logs", TFS_STATUS_PASS},
		{"SEC-CF-OAC", DIST, TFS_STATUS_PASS},
		{"SEC-WAF", APP "aws_lb.this", TFS_STATUS_PASS},
		{"SEC-WAF", DIST, TFS_STATUS_PASS},
		{"SEC-LB-HTTPS", NULL, TFS_STATUS_PASS},
		{"SEC-LB-TLS-POLICY", NULL, TFS_STATUS_PASS},
		{"SEC-CF-HSTS", NULL, TFS_STATUS_PASS},
		{"SEC-SG-PUBLIC-INGRESS", NULL, TFS_STATUS_PASS},
		{"SEC-S3-SSE", NULL, TFS_STATUS_PASS},
		{"SEC-S3-BPA", NULL, TFS_STATUS_PASS},
		{"SEC-WAF", NULL, TFS_STATUS_PASS},
	};
	static const S_expect dev[] = {
		{"SEC-LB-HTTPS", APP "aws_lb_listener.http", TFS_STATUS_FAIL},
		{"SEC-LB-HTTPS", APP "aws_lb_listener.https", TFS_STATUS_PASS},
		{"SEC-LB-TLS-POLICY", APP "aws_lb_listener.https", TFS_STATUS_FAIL},
		{"SEC-CF-VIEWER-HTTPS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-TLS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-ORIGIN-HTTPS", DIST, TFS_STATUS_PASS},
		{"SEC-CF-HSTS", DIST, TFS_STATUS_FAIL},
		{"SEC-RDS-TLS", DBI, TFS_STATUS_UNKNOWN},
		{"SEC-S3-TLS-ONLY", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-TLS-ONLY", CDN "aws_s3_bucket.uploads", TFS_STATUS_FAIL},
		{"SEC-RDS-ENCRYPTED", DBI, TFS_STATUS_FAIL},
		{"SEC-S3-SSE", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-SSE", CDN "aws_s3_bucket.uploads", TFS_STATUS_FAIL},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.alb",
		 TFS_STATUS_PASS},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.ecs_tasks",
		 TFS_STATUS_FAIL},
		{"SEC-SG-PUBLIC-INGRESS", NET "aws_security_group.rds",
		 TFS_STATUS_FAIL},
		{"SEC-SG-DB-FROM-APP", DBI, TFS_STATUS_FAIL},
		{"SEC-RDS-NOT-PUBLIC", DBI, TFS_STATUS_PASS},
		{"SEC-S3-BPA", CDN "aws_s3_bucket.assets", TFS_STATUS_PASS},
		{"SEC-S3-BPA", CDN "aws_s3_bucket.uploads", TFS_STATUS_FAIL},
		{"SEC-CF-OAC", DIST, TFS_STATUS_PASS},
		{"SEC-WAF", APP "aws_lb.this", TFS_STATUS_FAIL},
		{"SEC-WAF", DIST, TFS_STATUS_FAIL},
	};
	fixture f = build_example("examples/webapp-prod.tfstate");
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	S_expect_all(c, prod, sizeof(prod) / sizeof(prod[0]));
	tfs_checks_free(c);
	release(&f);

	f = build_example("examples/webapp-dev.tfstate");
	c = run_checks(&f, NULL);
	S_expect_all(c, dev, sizeof(dev) / sizeof(dev[0]));
	fd = finding_of(c, "SEC-SG-PUBLIC-INGRESS",
	                NET "aws_security_group.ecs_tasks");
	assert_string_equal(fd->value, "tcp/22 from 0.0.0.0/0");
	fd = finding_of(c, "SEC-LB-TLS-POLICY", APP "aws_lb_listener.https");
	assert_string_equal(fd->value, "\"ELBSecurityPolicy-2016-08\"");
	/* never a secret in any finding of these checks */
	for (size_t i = 0; i < c->count; i++) {
		const tfs_finding *x = &c->findings[i];
		if (strncmp(x->check->id, "SEC-", 4) != 0)
			continue;
		assert_null(strstr(x->message, "TFSIGHT-CANARY"));
		assert_true(!x->value || !strstr(x->value, "TFSIGHT-CANARY"));
	}
	tfs_checks_free(c);
	release(&f);
}

/* ---- the catalogue rows -------------------------------------------------- */

static void test_rows(void **s)
{
	(void)s;
	static const char *const IDS[] = {
		"SEC-LB-HTTPS", "SEC-LB-TLS-POLICY", "SEC-CF-VIEWER-HTTPS",
		"SEC-CF-TLS", "SEC-CF-ORIGIN-HTTPS", "SEC-CF-HSTS", "SEC-RDS-TLS",
		"SEC-S3-TLS-ONLY", "SEC-RDS-ENCRYPTED", "SEC-S3-SSE",
		"SEC-SG-PUBLIC-INGRESS", "SEC-SG-DB-FROM-APP", "SEC-SG-DEFAULT",
		"SEC-RDS-NOT-PUBLIC", "SEC-S3-BPA", "SEC-CF-OAC", "SEC-WAF",
	};
	for (size_t i = 0; i < sizeof(IDS) / sizeof(IDS[0]); i++) {
		const tfs_check_def *d = tfs_check_find(IDS[i]);
		assert_non_null(d);
		assert_int_equal(d->category, TFS_CHECKCAT_SECURITY);
		assert_non_null(d->run);
		assert_true(d->checklist[0] && d->refs[0] && d->title[0]);
		assert_non_null(strchr(d->remediation, '`'));
	}
	assert_non_null(strstr(tfs_check_find("SEC-CF-HSTS")->remediation,
	                       "31536000"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lb_https),
		cmocka_unit_test(test_lb_tls_policy),
		cmocka_unit_test(test_cf_viewer_https),
		cmocka_unit_test(test_cf_tls),
		cmocka_unit_test(test_cf_origin_https),
		cmocka_unit_test(test_cf_hsts),
		cmocka_unit_test(test_cf_oac),
		cmocka_unit_test(test_waf),
		cmocka_unit_test(test_sg_public_ingress),
		cmocka_unit_test(test_sg_db_from_app),
		cmocka_unit_test(test_sg_default),
		cmocka_unit_test(test_rds_tls),
		cmocka_unit_test(test_rds_encrypted_and_private),
		cmocka_unit_test(test_s3_sse),
		cmocka_unit_test(test_s3_bpa),
		cmocka_unit_test(test_s3_tls_only),
		cmocka_unit_test(test_hostile_shapes_do_not_crash),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
