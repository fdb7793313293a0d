/* error.c - the caller-owned error value that travels up to main(). */
#include "tfsight/core.h"

#include <stdio.h>
#include <string.h>

void tfs_error_init(tfs_error *err)
{
	memset(err, 0, sizeof(*err));
}

bool tfs_error_is_set(const tfs_error *err)
{
	return err && err->code != 0;
}

/* Copy src into dst, keeping the end of a long name (the file name matters
 * more than the directories) behind "...". */
static void S_copy_keep_tail(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n < size) {
		memcpy(dst, src, n + 1);
		return;
	}
	memcpy(dst, "...", 3);
	memcpy(dst + 3, src + n - (size - 4), size - 4);
	dst[size - 1] = '\0';
}

bool tfs_error_set(tfs_error *err, int code, const char *file, int line,
                   int column, const char *path, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != 0)
		return false;
	err->code = code;
	S_copy_keep_tail(err->file, sizeof(err->file), file ? file : "");
	err->line = line;
	err->column = column;
	S_copy_keep_tail(err->path, sizeof(err->path), path ? path : "");
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}

void tfs_error_format(const tfs_error *err, tfs_buf *out)
{
	if (err->file[0]) {
		tfs_buf_add_printable(out, err->file);
		if (err->line > 0)
			tfs_buf_addf(out, ":%d:%d", err->line, err->column);
		tfs_buf_adds(out, ": ");
	}
	if (err->path[0]) {
		tfs_buf_add_printable(out, err->path);
		tfs_buf_adds(out, ": ");
	}
	tfs_buf_add_printable(out, err->text);
}
