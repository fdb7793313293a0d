/* fuzz_state.c - libFuzzer target: the state reader on arbitrary bytes.
 * Any input must either load (and free cleanly) or fail with exit code 3
 * and a message; never crash, leak or trip a sanitizer. */
#include <stdint.h>
#include <stdlib.h>

#include "tfsight/state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tfs_state *st = NULL;
	tfs_error err;

	tfs_error_init(&err);
	if (tfs_state_load_buffer(&st, "fuzz.json", (const char *)data, size,
	                          &err) != 0) {
		if (st || err.code != TFS_EXIT_INPUT || !err.text[0])
			abort();
		return 0;
	}
	tfs_state_free(st);
	return 0;
}
