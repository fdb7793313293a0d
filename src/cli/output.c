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

static bool S_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

int tfs_cli_write(const char *path, const tfs_buf *b, tfs_error *err)
{
	tfs_buf tmp;
	int fd, saved;

	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(b->data, 1, b->len, stdout) != b->len ||
		    fflush(stdout) != 0 || ferror(stdout)) {
			tfs_error_set(err, TFS_EXIT_OUTPUT, "<stdout>", 0, 0, NULL,
			              "writing output failed: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	tfs_buf_init(&tmp);
	tfs_buf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
		              "cannot create: %s", strerror(errno));
		tfs_buf_release(&tmp);
		return -1;
	}
	if (!S_write_all(fd, b->data, b->len) || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp.data);
		tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
		              "cannot write: %s", strerror(saved));
		tfs_buf_release(&tmp);
		return -1;
	}
	/* mkstemp creates 0600; results are ordinary files */
	(void)fchmod(fd, 0644);
	if (close(fd) != 0 || rename(tmp.data, path) != 0) {
		saved = errno;
		unlink(tmp.data);
		tfs_error_set(err, TFS_EXIT_OUTPUT, path, 0, 0, NULL,
		              "cannot write: %s", strerror(saved));
		tfs_buf_release(&tmp);
		return -1;
	}
	tfs_buf_release(&tmp);
	return 0;
}
