/* fuzz_usage.c - libFuzzer target: the usage-file (YAML) reader, then its
 * check against the keys the estimators read and a few lookups. */
#include <stdint.h>
#include <stdlib.h>

#include "tfsight/cost.h"
#include "tfsight/usage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tfs_usage *u = NULL;
	tfs_usage_warnings w;
	tfs_error err;
	const char *s, *from;
	double v;

	tfs_error_init(&err);
	if (tfs_usage_load_buffer(&u, "fuzz.yml", (const char *)data, size,
	                          &err) != 0) {
		if (u || err.code != TFS_EXIT_INPUT || !err.text[0])
			abort();
		return 0;
	}
	tfs_usage_warnings_init(&w);
	tfs_cost_usage_check(u, &w);
	tfs_usage_warnings_release(&w);
	(void)tfs_usage_get(u, "module.network.aws_nat_gateway.this[0]",
	                    "aws_nat_gateway", "monthly_data_processed_gb", &v,
	                    &from);
	(void)tfs_usage_get(u, "aws_s3_bucket.assets", "aws_s3_bucket",
	                    "standard.storage_gb", &v, &from);
	(void)tfs_usage_get_string(u, "aws_s3_bucket.assets", "aws_s3_bucket",
	                           "storage_class", &s, &from);
	tfs_usage_free(u);
	return 0;
}
