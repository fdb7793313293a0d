/* glyph.c - one small white glyph per service, drawn with cairo paths in
 * the spirit of the AWS icons (which may not be redistributed), and the
 * names the diagram gives each kind. */
#include <math.h>

#include "diagram_int.h"

unsigned tfs_dg_category_colour(tfs_category c)
{
	switch (c) {
	case TFS_CAT_COMPUTE:
		return 0xED7100;
	case TFS_CAT_DATABASE:
		return 0xC925D1;
	case TFS_CAT_STORAGE:
		return 0x7AA116;
	case TFS_CAT_NETWORKING:
		return 0x8C4FFF;
	case TFS_CAT_MANAGEMENT:
		return 0xE7157B;
	case TFS_CAT_SECURITY:
		return 0xDD344C;
	case TFS_CAT_GENERAL:
		return 0x232F3E;
	}
	return 0x232F3E;
}

/* Coordinates in the unit square, scaled by the caller's matrix. */
static void S_cylinder(cairo_t *cr, double x0, double x1, double y0, double y1)
{
	double rx = (x1 - x0) / 2, cx = x0 + rx, ry = 0.08;
	cairo_save(cr);
	cairo_translate(cr, cx, y0);
	cairo_scale(cr, rx, ry);
	cairo_new_sub_path(cr);
	cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
	cairo_restore(cr);
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x0, y1);
	cairo_save(cr);
	cairo_translate(cr, cx, y1);
	cairo_scale(cr, rx, ry);
	cairo_arc_negative(cr, -1, 0, 1, M_PI, 0);
	cairo_restore(cr);
	cairo_line_to(cr, x1, y0);
}

static void S_circle(cairo_t *cr, double x, double y, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * M_PI);
}

static void S_rect(cairo_t *cr, double x, double y, double w, double h)
{
	cairo_rectangle(cr, x, y, w, h);
}

static void S_key(cairo_t *cr)
{
	S_circle(cr, 0.32, 0.5, 0.14);
	cairo_move_to(cr, 0.46, 0.5);
	cairo_line_to(cr, 0.82, 0.5);
	cairo_move_to(cr, 0.72, 0.5);
	cairo_line_to(cr, 0.72, 0.62);
	cairo_move_to(cr, 0.62, 0.5);
	cairo_line_to(cr, 0.62, 0.6);
}

static void S_cloud(cairo_t *cr)
{
	cairo_move_to(cr, 0.25, 0.7);
	cairo_arc(cr, 0.27, 0.56, 0.14, M_PI / 2, 1.5 * M_PI);
	cairo_arc(cr, 0.48, 0.42, 0.2, M_PI, 1.9 * M_PI);
	cairo_arc(cr, 0.72, 0.55, 0.15, 1.4 * M_PI, 2.5 * M_PI);
	cairo_close_path(cr);
}

static void S_resource(cairo_t *cr, tfs_kind k)
{
	switch (k) {
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_TASK_DEFINITION:
		S_rect(cr, 0.2, 0.5, 0.26, 0.26);
		S_rect(cr, 0.54, 0.5, 0.26, 0.26);
		S_rect(cr, 0.37, 0.2, 0.26, 0.26);
		break;
	case TFS_KIND_EC2_INSTANCE:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
		S_rect(cr, 0.28, 0.28, 0.44, 0.44);
		for (int i = 0; i < 3; i++) {
			double t = 0.36 + 0.14 * i;
			cairo_move_to(cr, t, 0.18);
			cairo_line_to(cr, t, 0.28);
			cairo_move_to(cr, t, 0.72);
			cairo_line_to(cr, t, 0.82);
			cairo_move_to(cr, 0.18, t);
			cairo_line_to(cr, 0.28, t);
			cairo_move_to(cr, 0.72, t);
			cairo_line_to(cr, 0.82, t);
		}
		break;
	case TFS_KIND_LAMBDA:
		cairo_move_to(cr, 0.3, 0.2);
		cairo_line_to(cr, 0.42, 0.2);
		cairo_line_to(cr, 0.72, 0.8);
		cairo_move_to(cr, 0.52, 0.42);
		cairo_line_to(cr, 0.28, 0.8);
		break;
	case TFS_KIND_ECR_REPOSITORY:
		S_rect(cr, 0.22, 0.24, 0.56, 0.52);
		cairo_move_to(cr, 0.22, 0.41);
		cairo_line_to(cr, 0.78, 0.41);
		cairo_move_to(cr, 0.22, 0.58);
		cairo_line_to(cr, 0.78, 0.58);
		break;
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
	case TFS_KIND_DB_SUBNET_GROUP:
		S_cylinder(cr, 0.26, 0.74, 0.26, 0.74);
		break;
	case TFS_KIND_ELASTICACHE:
		S_cylinder(cr, 0.26, 0.74, 0.26, 0.74);
		cairo_move_to(cr, 0.54, 0.36);
		cairo_line_to(cr, 0.44, 0.52);
		cairo_line_to(cr, 0.56, 0.52);
		cairo_line_to(cr, 0.46, 0.68);
		break;
	case TFS_KIND_DYNAMODB_TABLE:
		S_cylinder(cr, 0.26, 0.74, 0.26, 0.74);
		cairo_move_to(cr, 0.26, 0.44);
		cairo_line_to(cr, 0.74, 0.44);
		cairo_move_to(cr, 0.26, 0.6);
		cairo_line_to(cr, 0.74, 0.6);
		break;
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
		cairo_save(cr);
		cairo_translate(cr, 0.5, 0.28);
		cairo_scale(cr, 0.3, 0.08);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
		cairo_restore(cr);
		cairo_move_to(cr, 0.2, 0.28);
		cairo_line_to(cr, 0.3, 0.76);
		cairo_line_to(cr, 0.7, 0.76);
		cairo_line_to(cr, 0.8, 0.28);
		break;
	case TFS_KIND_LOAD_BALANCER:
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
		S_circle(cr, 0.3, 0.5, 0.1);
		cairo_move_to(cr, 0.4, 0.5);
		cairo_line_to(cr, 0.72, 0.5);
		cairo_move_to(cr, 0.38, 0.44);
		cairo_line_to(cr, 0.72, 0.26);
		cairo_move_to(cr, 0.38, 0.56);
		cairo_line_to(cr, 0.72, 0.74);
		S_circle(cr, 0.76, 0.26, 0.05);
		S_circle(cr, 0.76, 0.5, 0.05);
		S_circle(cr, 0.76, 0.74, 0.05);
		break;
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_EIP:
		cairo_move_to(cr, 0.22, 0.38);
		cairo_line_to(cr, 0.78, 0.38);
		cairo_line_to(cr, 0.66, 0.28);
		cairo_move_to(cr, 0.78, 0.62);
		cairo_line_to(cr, 0.22, 0.62);
		cairo_line_to(cr, 0.34, 0.72);
		break;
	case TFS_KIND_INTERNET_GATEWAY:
		cairo_move_to(cr, 0.26, 0.78);
		cairo_line_to(cr, 0.26, 0.45);
		cairo_arc(cr, 0.5, 0.45, 0.24, M_PI, 2 * M_PI);
		cairo_line_to(cr, 0.74, 0.78);
		cairo_move_to(cr, 0.5, 0.36);
		cairo_line_to(cr, 0.5, 0.7);
		cairo_move_to(cr, 0.4, 0.46);
		cairo_line_to(cr, 0.5, 0.36);
		cairo_line_to(cr, 0.6, 0.46);
		break;
	case TFS_KIND_CLOUDFRONT:
		S_circle(cr, 0.5, 0.5, 0.28);
		cairo_save(cr);
		cairo_translate(cr, 0.5, 0.5);
		cairo_scale(cr, 0.12, 0.28);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
		cairo_restore(cr);
		cairo_move_to(cr, 0.22, 0.5);
		cairo_line_to(cr, 0.78, 0.5);
		break;
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
		cairo_move_to(cr, 0.5, 0.2);
		cairo_line_to(cr, 0.76, 0.3);
		cairo_curve_to(cr, 0.76, 0.56, 0.66, 0.72, 0.5, 0.82);
		cairo_curve_to(cr, 0.34, 0.72, 0.24, 0.56, 0.24, 0.3);
		cairo_close_path(cr);
		cairo_move_to(cr, 0.38, 0.5);
		cairo_line_to(cr, 0.62, 0.5);
		cairo_move_to(cr, 0.54, 0.42);
		cairo_line_to(cr, 0.62, 0.5);
		cairo_line_to(cr, 0.54, 0.58);
		break;
	case TFS_KIND_ACM_CERTIFICATE:
		S_rect(cr, 0.2, 0.26, 0.6, 0.4);
		cairo_move_to(cr, 0.3, 0.38);
		cairo_line_to(cr, 0.56, 0.38);
		cairo_move_to(cr, 0.3, 0.5);
		cairo_line_to(cr, 0.48, 0.5);
		S_circle(cr, 0.66, 0.64, 0.08);
		cairo_move_to(cr, 0.62, 0.71);
		cairo_line_to(cr, 0.6, 0.82);
		cairo_move_to(cr, 0.7, 0.71);
		cairo_line_to(cr, 0.72, 0.82);
		break;
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
		S_rect(cr, 0.2, 0.26, 0.6, 0.48);
		cairo_move_to(cr, 0.2, 0.42);
		cairo_line_to(cr, 0.8, 0.42);
		cairo_move_to(cr, 0.2, 0.58);
		cairo_line_to(cr, 0.8, 0.58);
		cairo_move_to(cr, 0.4, 0.26);
		cairo_line_to(cr, 0.4, 0.42);
		cairo_move_to(cr, 0.6, 0.26);
		cairo_line_to(cr, 0.6, 0.42);
		cairo_move_to(cr, 0.5, 0.42);
		cairo_line_to(cr, 0.5, 0.58);
		cairo_move_to(cr, 0.4, 0.58);
		cairo_line_to(cr, 0.4, 0.74);
		cairo_move_to(cr, 0.6, 0.58);
		cairo_line_to(cr, 0.6, 0.74);
		break;
	case TFS_KIND_LOG_GROUP:
		cairo_move_to(cr, 0.28, 0.2);
		cairo_line_to(cr, 0.6, 0.2);
		cairo_line_to(cr, 0.72, 0.32);
		cairo_line_to(cr, 0.72, 0.8);
		cairo_line_to(cr, 0.28, 0.8);
		cairo_close_path(cr);
		for (int i = 0; i < 3; i++) {
			cairo_move_to(cr, 0.36, 0.42 + 0.12 * i);
			cairo_line_to(cr, 0.64, 0.42 + 0.12 * i);
		}
		break;
	case TFS_KIND_ALARM:
		cairo_move_to(cr, 0.26, 0.68);
		cairo_curve_to(cr, 0.34, 0.6, 0.32, 0.5, 0.32, 0.44);
		cairo_arc(cr, 0.5, 0.44, 0.18, M_PI, 2 * M_PI);
		cairo_curve_to(cr, 0.68, 0.5, 0.66, 0.6, 0.74, 0.68);
		cairo_close_path(cr);
		S_circle(cr, 0.5, 0.76, 0.05);
		break;
	case TFS_KIND_DASHBOARD:
		S_rect(cr, 0.24, 0.52, 0.12, 0.26);
		S_rect(cr, 0.44, 0.34, 0.12, 0.44);
		S_rect(cr, 0.64, 0.22, 0.12, 0.56);
		break;
	case TFS_KIND_SNS_TOPIC:
		S_circle(cr, 0.3, 0.5, 0.07);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0.3, 0.5, 0.2, -0.9, 0.9);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0.3, 0.5, 0.33, -0.8, 0.8);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0.3, 0.5, 0.46, -0.7, 0.7);
		break;
	case TFS_KIND_SECRET:
		S_key(cr);
		break;
	case TFS_KIND_KMS_KEY:
		S_rect(cr, 0.28, 0.46, 0.44, 0.32);
		cairo_move_to(cr, 0.36, 0.46);
		cairo_arc(cr, 0.5, 0.38, 0.14, M_PI, 2 * M_PI);
		cairo_line_to(cr, 0.64, 0.46);
		break;
	case TFS_KIND_VPC_ENDPOINT:
		S_rect(cr, 0.32, 0.36, 0.36, 0.3);
		cairo_move_to(cr, 0.42, 0.22);
		cairo_line_to(cr, 0.42, 0.36);
		cairo_move_to(cr, 0.58, 0.22);
		cairo_line_to(cr, 0.58, 0.36);
		cairo_move_to(cr, 0.5, 0.66);
		cairo_line_to(cr, 0.5, 0.82);
		break;
	case TFS_KIND_VPC:
	case TFS_KIND_SUBNET:
		S_cloud(cr);
		break;
	case TFS_KIND_IAM:
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
		S_key(cr);
		break;
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_STAGE:
	case TFS_KIND_API_DOMAIN:
		/* an API: a gateway arch with a door through it */
		cairo_move_to(cr, 0.2, 0.8);
		cairo_line_to(cr, 0.2, 0.4);
		cairo_arc(cr, 0.5, 0.4, 0.3, M_PI, 2 * M_PI);
		cairo_line_to(cr, 0.8, 0.8);
		cairo_move_to(cr, 0.4, 0.8);
		cairo_line_to(cr, 0.4, 0.52);
		cairo_line_to(cr, 0.6, 0.52);
		cairo_line_to(cr, 0.6, 0.8);
		break;
	case TFS_KIND_SQS_QUEUE:
		/* a queue: messages in a row between two rails */
		cairo_move_to(cr, 0.16, 0.32);
		cairo_line_to(cr, 0.84, 0.32);
		cairo_move_to(cr, 0.16, 0.68);
		cairo_line_to(cr, 0.84, 0.68);
		S_rect(cr, 0.24, 0.42, 0.12, 0.16);
		S_rect(cr, 0.44, 0.42, 0.12, 0.16);
		S_rect(cr, 0.64, 0.42, 0.12, 0.16);
		break;
	case TFS_KIND_EVENT_RULE:
		/* a bus: one line, events branching off it */
		cairo_move_to(cr, 0.16, 0.5);
		cairo_line_to(cr, 0.84, 0.5);
		cairo_move_to(cr, 0.32, 0.5);
		cairo_line_to(cr, 0.32, 0.26);
		cairo_move_to(cr, 0.5, 0.5);
		cairo_line_to(cr, 0.5, 0.74);
		cairo_move_to(cr, 0.68, 0.5);
		cairo_line_to(cr, 0.68, 0.26);
		S_circle(cr, 0.32, 0.22, 0.05);
		S_circle(cr, 0.5, 0.78, 0.05);
		S_circle(cr, 0.68, 0.22, 0.05);
		break;
	case TFS_KIND_COGNITO_USER_POOL:
	case TFS_KIND_COGNITO_IDENTITY_POOL:
	case TFS_KIND_API_AUTHORIZER:
		/* a person, and a key beside */
		S_circle(cr, 0.38, 0.34, 0.12);
		cairo_move_to(cr, 0.16, 0.8);
		cairo_arc(cr, 0.38, 0.8, 0.22, M_PI, 2 * M_PI);
		S_circle(cr, 0.7, 0.5, 0.07);
		cairo_move_to(cr, 0.7, 0.57);
		cairo_line_to(cr, 0.7, 0.8);
		cairo_move_to(cr, 0.7, 0.7);
		cairo_line_to(cr, 0.78, 0.7);
		break;
	case TFS_KIND_EXTERNAL:
		S_rect(cr, 0.22, 0.3, 0.44, 0.48);
		cairo_move_to(cr, 0.46, 0.54);
		cairo_line_to(cr, 0.8, 0.2);
		cairo_move_to(cr, 0.6, 0.2);
		cairo_line_to(cr, 0.8, 0.2);
		cairo_line_to(cr, 0.8, 0.4);
		break;
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_GENERIC:
		/* a cube */
		cairo_move_to(cr, 0.5, 0.2);
		cairo_line_to(cr, 0.78, 0.34);
		cairo_line_to(cr, 0.78, 0.66);
		cairo_line_to(cr, 0.5, 0.8);
		cairo_line_to(cr, 0.22, 0.66);
		cairo_line_to(cr, 0.22, 0.34);
		cairo_close_path(cr);
		cairo_move_to(cr, 0.22, 0.34);
		cairo_line_to(cr, 0.5, 0.48);
		cairo_line_to(cr, 0.78, 0.34);
		cairo_move_to(cr, 0.5, 0.48);
		cairo_line_to(cr, 0.5, 0.8);
		break;
	}
}

void tfs_dg_draw_glyph(cairo_t *cr, tfs_dg_glyph g, tfs_kind k, double x,
                       double y, double s)
{
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, s, s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 0.065);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_new_path(cr);
	switch (g) {
	case TFS_DG_GLYPH_CLOUD:
		S_cloud(cr);
		break;
	case TFS_DG_GLYPH_REGION:
		cairo_move_to(cr, 0.3, 0.82);
		cairo_line_to(cr, 0.3, 0.2);
		cairo_line_to(cr, 0.74, 0.32);
		cairo_line_to(cr, 0.3, 0.46);
		break;
	case TFS_DG_GLYPH_VPC:
		S_cloud(cr);
		cairo_move_to(cr, 0.42, 0.58);
		cairo_line_to(cr, 0.58, 0.58);
		break;
	case TFS_DG_GLYPH_LOCK:
		S_rect(cr, 0.28, 0.46, 0.44, 0.32);
		cairo_move_to(cr, 0.36, 0.46);
		cairo_arc(cr, 0.5, 0.38, 0.14, M_PI, 2 * M_PI);
		cairo_line_to(cr, 0.64, 0.46);
		break;
	case TFS_DG_GLYPH_USERS:
		S_circle(cr, 0.5, 0.34, 0.13);
		cairo_move_to(cr, 0.24, 0.8);
		cairo_curve_to(cr, 0.24, 0.56, 0.76, 0.56, 0.76, 0.8);
		cairo_close_path(cr);
		break;
	case TFS_DG_GLYPH_RESOURCE:
		S_resource(cr, k);
		break;
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

const char *tfs_dg_service_name(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_VPC:
		return "VPC";
	case TFS_KIND_SUBNET:
		return "Subnet";
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
		return "Route table";
	case TFS_KIND_INTERNET_GATEWAY:
		return "Internet gateway";
	case TFS_KIND_NAT_GATEWAY:
		return "NAT gateway";
	case TFS_KIND_EIP:
		return "Elastic IP";
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
		return "Security group";
	case TFS_KIND_LOAD_BALANCER:
		return "Load balancer";
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
		return "Listener";
	case TFS_KIND_TARGET_GROUP:
		return "Target group";
	case TFS_KIND_ECS_CLUSTER:
		return "ECS cluster";
	case TFS_KIND_ECS_SERVICE:
		return "ECS service";
	case TFS_KIND_ECS_TASK_DEFINITION:
		return "ECS task definition";
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
		return "RDS";
	case TFS_KIND_RDS_CLUSTER:
		return "Aurora";
	case TFS_KIND_DB_SUBNET_GROUP:
		return "DB subnet group";
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
		return "S3 bucket";
	case TFS_KIND_CLOUDFRONT:
		return "CloudFront";
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
		return "Route 53";
	case TFS_KIND_ACM_CERTIFICATE:
		return "Certificate Manager";
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
		return "WAF web ACL";
	case TFS_KIND_LOG_GROUP:
		return "CloudWatch Logs";
	case TFS_KIND_ALARM:
		return "CloudWatch alarms";
	case TFS_KIND_DASHBOARD:
		return "CloudWatch dashboard";
	case TFS_KIND_SNS_TOPIC:
		return "SNS topic";
	case TFS_KIND_SECRET:
		return "Secrets Manager";
	case TFS_KIND_KMS_KEY:
		return "KMS key";
	case TFS_KIND_ECR_REPOSITORY:
		return "ECR repository";
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
		return "Auto Scaling";
	case TFS_KIND_LAMBDA:
		return "Lambda";
	case TFS_KIND_ELASTICACHE:
		return "ElastiCache";
	case TFS_KIND_EC2_INSTANCE:
		return "EC2 instance";
	case TFS_KIND_VPC_ENDPOINT:
		return "VPC endpoint";
	case TFS_KIND_DYNAMODB_TABLE:
		return "DynamoDB";
	case TFS_KIND_IAM:
		return "IAM";
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_STAGE:
		return "API Gateway";
	case TFS_KIND_API_AUTHORIZER:
		return "API authorizer";
	case TFS_KIND_API_DOMAIN:
		return "API custom domain";
	case TFS_KIND_SQS_QUEUE:
		return "SQS queue";
	case TFS_KIND_EVENT_RULE:
		return "EventBridge rule";
	case TFS_KIND_COGNITO_USER_POOL:
		return "Cognito user pool";
	case TFS_KIND_COGNITO_IDENTITY_POOL:
		return "Cognito identity pool";
	case TFS_KIND_GENERIC:
		return "Resource";
	case TFS_KIND_EXTERNAL:
		return "outside this state";
	}
	return "Resource";
}

const char *tfs_dg_plural(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_LOG_GROUP:
		return "log groups";
	case TFS_KIND_ALARM:
		return "alarms";
	case TFS_KIND_DASHBOARD:
		return "dashboards";
	case TFS_KIND_SNS_TOPIC:
		return "topics";
	case TFS_KIND_SECRET:
		return "secrets";
	case TFS_KIND_KMS_KEY:
		return "keys";
	case TFS_KIND_ECR_REPOSITORY:
		return "repositories";
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
		return "buckets";
	case TFS_KIND_ACM_CERTIFICATE:
		return "certificates";
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
		return "web ACLs";
	case TFS_KIND_CLOUDFRONT:
		return "distributions";
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_TASK_DEFINITION:
		return "services";
	case TFS_KIND_LAMBDA:
		return "functions";
	case TFS_KIND_EC2_INSTANCE:
		return "instances";
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_INTERNET_GATEWAY:
		return "gateways";
	case TFS_KIND_LOAD_BALANCER:
		return "load balancers";
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
		return "databases";
	case TFS_KIND_DYNAMODB_TABLE:
		return "tables";
	case TFS_KIND_ELASTICACHE:
		return "caches";
	case TFS_KIND_VPC_ENDPOINT:
		return "endpoints";
	case TFS_KIND_EXTERNAL:
		return "external resources";
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_STAGE:
		return "APIs";
	case TFS_KIND_API_DOMAIN:
		return "custom domains";
	case TFS_KIND_API_AUTHORIZER:
		return "authorizers";
	case TFS_KIND_SQS_QUEUE:
		return "queues";
	case TFS_KIND_EVENT_RULE:
		return "rules";
	case TFS_KIND_COGNITO_USER_POOL:
		return "user pools";
	case TFS_KIND_COGNITO_IDENTITY_POOL:
		return "identity pools";
	case TFS_KIND_VPC:
	case TFS_KIND_SUBNET:
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_EIP:
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
	case TFS_KIND_DB_SUBNET_GROUP:
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
	case TFS_KIND_IAM:
	case TFS_KIND_GENERIC:
		return "resources";
	}
	return "resources";
}
