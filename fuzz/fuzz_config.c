/* fuzz_config.c - libFuzzer target: the tfsight.yml reader, then the
 * validation of the check IDs it names against the catalogue. */
#include <stdint.h>
#include <stdlib.h>

#include "tfsight/check.h"
#include "tfsight/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tfs_config *c = NULL;
	tfs_error err;

	tfs_error_init(&err);
	if (tfs_config_load_buffer(&c, "fuzz.yml", (const char *)data, size,
	                           &err) != 0) {
		if (c || err.code != TFS_EXIT_INPUT || !err.text[0])
			abort();
		return 0;
	}
	tfs_error_init(&err);
	if (tfs_check_config_validate(c, &err) != 0 &&
	    (err.code != TFS_EXIT_INPUT || !err.text[0]))
		abort();
	tfs_config_free(c);
	return 0;
}
