/* catalogue.c - the category tables in the seeds' checklist order, and the
 * names of categories, severities, statuses and scopes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

/* The category tables in checklist order; the catalogue is their
 * concatenation, addressed by position. */
typedef struct {
	const tfs_check_def *table;
	const size_t *count;
} S_part;

static const S_part S_PARTS[] = {
	{tfs_checks_predeploy, &tfs_checks_predeploy_count},
	{tfs_checks_delivery_predeploy, &tfs_checks_delivery_predeploy_count},
	{tfs_checks_security_net, &tfs_checks_security_net_count},
	{tfs_checks_security_app, &tfs_checks_security_app_count},
	{tfs_checks_delivery_security, &tfs_checks_delivery_security_count},
	{tfs_checks_serverless_security, &tfs_checks_serverless_security_count},
	{tfs_checks_monitoring, &tfs_checks_monitoring_count},
	{tfs_checks_serverless_monitoring,
	 &tfs_checks_serverless_monitoring_count},
	{tfs_checks_ha, &tfs_checks_ha_count},
	{tfs_checks_serverless_ha, &tfs_checks_serverless_ha_count},
	{tfs_checks_cost, &tfs_checks_cost_count},
	{tfs_checks_serverless_cost, &tfs_checks_serverless_cost_count},
};

enum { S_NPARTS = sizeof(S_PARTS) / sizeof(S_PARTS[0]) };

size_t tfs_check_count(void)
{
	size_t p, n = 0;
	for (p = 0; p < S_NPARTS; p++)
		n += *S_PARTS[p].count;
	return n;
}

const tfs_check_def *tfs_check_at(size_t i)
{
	size_t p;
	for (p = 0; p < S_NPARTS; p++) {
		if (i < *S_PARTS[p].count)
			return &S_PARTS[p].table[i];
		i -= *S_PARTS[p].count;
	}
	return NULL;
}

const tfs_check_def *tfs_check_find(const char *id)
{
	size_t p, i;
	for (p = 0; id && p < S_NPARTS; p++)
		for (i = 0; i < *S_PARTS[p].count; i++)
			if (strcmp(S_PARTS[p].table[i].id, id) == 0)
				return &S_PARTS[p].table[i];
	return NULL;
}

const char *tfs_check_category_name(tfs_check_category c)
{
	switch (c) {
	case TFS_CHECKCAT_PREDEPLOY:
		return "pre-deployment";
	case TFS_CHECKCAT_SECURITY:
		return "security";
	case TFS_CHECKCAT_MONITORING:
		return "monitoring";
	case TFS_CHECKCAT_HA:
		return "ha";
	case TFS_CHECKCAT_COST:
		return "cost";
	}
	return "?";
}

const char *tfs_check_category_title(tfs_check_category c)
{
	switch (c) {
	case TFS_CHECKCAT_PREDEPLOY:
		return "Pre-Deployment";
	case TFS_CHECKCAT_SECURITY:
		return "Security";
	case TFS_CHECKCAT_MONITORING:
		return "Monitoring";
	case TFS_CHECKCAT_HA:
		return "High Availability";
	case TFS_CHECKCAT_COST:
		return "Cost Management";
	}
	return "?";
}

static const char *const S_SEVERITIES[TFS_SEV_COUNT] = {
	"info", "low", "medium", "high", "critical",
};

const char *tfs_severity_name(tfs_severity s)
{
	return (unsigned)s < TFS_SEV_COUNT ? S_SEVERITIES[s] : "?";
}

bool tfs_severity_parse(const char *s, tfs_severity *out)
{
	int i;
	for (i = 0; s && i < TFS_SEV_COUNT; i++)
		if (strcasecmp(s, S_SEVERITIES[i]) == 0) {
			*out = (tfs_severity)i;
			return true;
		}
	return false;
}

const char *tfs_status_name(tfs_status s)
{
	switch (s) {
	case TFS_STATUS_FAIL:
		return "fail";
	case TFS_STATUS_UNKNOWN:
		return "unknown";
	case TFS_STATUS_PASS:
		return "pass";
	case TFS_STATUS_NA:
		return "not-applicable";
	case TFS_STATUS_UNDECIDABLE:
		return "not-decidable";
	}
	return "?";
}

const char *tfs_check_scope_name(tfs_check_scope s)
{
	switch (s) {
	case TFS_SCOPE_ALL:
		return "all";
	case TFS_SCOPE_PROD:
		return "prod";
	case TFS_SCOPE_NONPROD:
		return "non-prod";
	}
	return "?";
}
