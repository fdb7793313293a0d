/* output.c - reporting errors and writing results without ever leaving a
 * half-written file behind. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/* Temporary files are ".NAME.tfsight-PID.XXXXXX" beside NAME.  One left
 * by a run that was killed (its PID gone) is removed by the next run that
 * writes NAME; a live run's is never touched. */
static const char TMP_MARK[] = ".tfsight-";

static void S_split(const char *path, tfs_buf *dir, const char **base)
{
	const char *slash = strrchr(path, '/');
	tfs_buf_init(dir);
	if (slash) {
		tfs_buf_add(dir, path, (size_t)(slash - path) + 1);
		*base = slash + 1;
	} else {
		*base = path;
	}
}

static void S_remove_stale(const char *dir, const char *base)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;
	size_t blen = strlen(base);

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *n = e->d_name, *p;
		char *end;
		long pid;
		tfs_buf full;
		if (n[0] != '.' || strncmp(n + 1, base, blen) != 0 ||
		    strncmp(n + 1 + blen, TMP_MARK, sizeof(TMP_MARK) - 1) != 0)
			continue;
		p = n + 1 + blen + sizeof(TMP_MARK) - 1;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (errno || end == p || *end != '.' || pid <= 0 ||
		    (long)(pid_t)pid != pid || pid == (long)getpid() ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		tfs_buf_init(&full);
		tfs_buf_addf(&full, "%s%s", dir, n);
		(void)unlink(full.data);
		tfs_buf_release(&full);
	}
	closedir(d);
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
		tfs_buf t, dir;
		const char *base;
		S_split(path, &dir, &base);
		S_remove_stale(dir.len ? dir.data : "", base);
		tfs_buf_init(&t);
		tfs_buf_addf(&t, "%s.%s%s%ld.XXXXXX", dir.len ? dir.data : "", base,
		             TMP_MARK, (long)getpid());
		tfs_buf_release(&dir);
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
