/* file.c - small inputs read whole (price tables, usage files, config),
 * and short excerpts of input for messages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "tfsight/core.h"

bool tfs_read_file(const char *path, const char *name, size_t max,
                   const char *what, tfs_buf *out, tfs_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	char chunk[65536];
	struct stat sb;
	bool ok = true;
	size_t n;
	FILE *f;

	f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "cannot open: %s", strerror(errno));
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		ok = tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                   "is a directory, not %s", what);
		goto out;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + n > max) {
			ok = tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
			                   "larger than %zu MiB, not %s",
			                   max / (1024 * 1024), what);
			goto out;
		}
		tfs_buf_add(out, chunk, n);
	}
	if (ferror(f))
		ok = tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                   "cannot read: %s", strerror(errno));
out:
	if (!is_stdin)
		fclose(f);
	return ok;
}

void tfs_excerpt(char *out, size_t size, const char *s)
{
	size_t i = 0, cps = 0;

	while (s[i]) {
		size_t len = 1;

		while (((unsigned char)s[i + len] & 0xc0) == 0x80)
			len++;
		if (cps == TFS_EXCERPT || i + len + 4 > size) {
			memcpy(out + i, "...", 4);
			return;
		}
		memcpy(out + i, s + i, len);
		i += len;
		cps++;
	}
	out[i] = '\0';
}

const char *tfs_source_date(char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	if (size < 11 || !gmtime_r(&t, &tm) ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		return NULL;
	return buf;
}
