/* output.c - reporting errors and writing results without ever leaving a
 * half-written file behind. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int tfs_cli_report(const tfs_error *err)
{
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_error_format(err, &b);
	fprintf(stderr, "tfsight: error: %s\n", b.data);
	tfs_buf_release(&b);
	return err->code ? err->code : TFS_EXIT_INPUT;
}

int tfs_output_open(tfs_output *o, const char *path, tfs_error *err)
{
	int fd;

	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = path;
	{
		/* A device or a pipe (-o /dev/stdout, a FIFO) is written in place:
		 * renaming a file over it would replace it. */
		struct stat sb;
		if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			o->f = fopen(path, "wb");
			if (!o->f) {
				tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
				              "cannot write: %s", strerror(errno));
				return -1;
			}
			return 0;
		}
	}
	{
		tfs_buf t;
		tfs_buf_init(&t);
		tfs_buf_addf(&t, "%s.tmp.XXXXXX", path);
		o->tmp = tfs_buf_detach(&t, NULL);
	}
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
		              "cannot create: %s", strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	/* mkstemp creates 0600; results are ordinary files */
	(void)fchmod(fd, 0644);
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
		              "cannot write: %s", strerror(errno));
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

int tfs_output_commit(tfs_output *o, tfs_buf *b, tfs_error *err)
{
	int failed = 0, saved = 0;

	if (!b->sink)
		tfs_buf_set_sink(b, o->f);
	if (tfs_buf_flush(b) != 0) {
		failed = 1;
		saved = b->sink_errno;
	}
	if (!o->path) {
		if (failed || ferror(stdout)) {
			tfs_error_set(err, TFS_EXIT_OUTPUT, "<stdout>", 0, 0, NULL,
			              "writing output failed: %s",
			              strerror(saved ? saved : EIO));
			return -1;
		}
		return 0;
	}
	if (!failed && o->tmp && fsync(fileno(o->f)) != 0) {
		failed = 1;
		saved = errno;
	}
	if (fclose(o->f) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	o->f = NULL;
	if (!failed && o->tmp && o->deferred)
		return 0; /* tfs_output_publish() renames it */
	if (!failed && o->tmp && rename(o->tmp, o->path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed) {
		if (o->tmp)
			unlink(o->tmp);
		tfs_error_set(err, TFS_EXIT_OUTPUT, o->path, 0, 0, NULL,
		              "cannot write: %s", strerror(saved ? saved : EIO));
	}
	free(o->tmp);
	o->tmp = NULL;
	return failed ? -1 : 0;
}

int tfs_output_publish(tfs_output *o, tfs_error *err)
{
	int rc = 0;

	if (o->tmp && rename(o->tmp, o->path) != 0) {
		tfs_error_set(err, TFS_EXIT_OUTPUT, o->path, 0, 0, NULL,
		              "cannot write: %s", strerror(errno));
		unlink(o->tmp);
		rc = -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	return rc;
}

void tfs_output_abandon(tfs_output *o)
{
	if (o->f && o->path)
		fclose(o->f); /* opened and never committed */
	o->f = NULL;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

int tfs_cli_emit(const char *path, void (*render)(const void *ctx, tfs_buf *b),
                 const void *ctx)
{
	tfs_output o;
	tfs_error err;
	tfs_buf b;
	int rc = TFS_EXIT_OK;

	tfs_error_init(&err);
	if (tfs_output_open(&o, path, &err) != 0)
		return tfs_cli_report(&err);
	tfs_buf_init(&b);
	tfs_buf_set_sink(&b, o.f);
	render(ctx, &b);
	if (tfs_output_commit(&o, &b, &err) != 0)
		rc = tfs_cli_report(&err);
	tfs_buf_release(&b);
	return rc;
}
