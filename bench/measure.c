/*
 * measure.c - bench-measure: run commands several times and report wall
 * time and peak memory, without GNU time.
 *
 *	bench-measure [-r RUNS] [-w WARMUP] [--] CMD [ARG...] [:: CMD [ARG...]]...
 *
 * Runs every command WARMUP times unmeasured (default 1, to warm the page
 * cache and the allocator's memory), then RUNS times (default 5), one run
 * at a time, with standard input and standard output on /dev/null (standard
 * error is kept).  Several commands, separated by "::", are run in turns
 * (ABBA order: forwards in even rounds, backwards in odd ones), so a change
 * in the machine's load during the measurement hits all of them alike.
 * Prints one line per command, in the order given:
 *
 *	runs=5 min_ms=12.345 median_ms=12.678 max_ms=13.001 max_rss_kib=45678
 *
 * Wall time is CLOCK_MONOTONIC from just before fork() to the return of
 * wait4(); peak memory is the largest ru_maxrss wait4() reports for a run
 * (KiB on Linux).  Exits 1 as soon as a run fails (nonzero exit or a
 * signal).
 */
/* wait4() is BSD/GNU: -D_POSIX_C_SOURCE alone does not declare it. */
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_RUNS = 100, MAX_CMDS = 16 };

static double S_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One run; false (after a message) when the command failed. */
static bool S_run(char **argv, double *ms, long *rss_kib)
{
	struct rusage ru;
	double t0;
	pid_t pid;
	int status;

	fflush(NULL);
	t0 = S_now_ms();
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "bench-measure: fork: %s\n", strerror(errno));
		return false;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
			if (fd > STDERR_FILENO)
				close(fd);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "bench-measure: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "bench-measure: wait4: %s\n", strerror(errno));
			return false;
		}
	}
	*ms = S_now_ms() - t0;
	*rss_kib = ru.ru_maxrss;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "bench-measure: %s: killed by signal %d\n", argv[0],
		        WTERMSIG(status));
		return false;
	}
	if (WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench-measure: %s: exit status %d\n", argv[0],
		        WEXITSTATUS(status));
		return false;
	}
	return true;
}

static int S_cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

static int S_count(const char *opt, const char *s, int min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < min || v > MAX_RUNS) {
		fprintf(stderr, "bench-measure: %s must be %d to %d\n", opt, min,
		        MAX_RUNS);
		exit(2);
	}
	return (int)v;
}

/* Sorted times of one command and its largest peak RSS. */
static void S_report(double *ms, int runs, long max_rss)
{
	double median;

	qsort(ms, (size_t)runs, sizeof(*ms), S_cmp_double);
	median = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
	printf("runs=%d min_ms=%.3f median_ms=%.3f max_ms=%.3f max_rss_kib=%ld\n",
	       runs, ms[0], median, ms[runs - 1], max_rss);
}

int main(int argc, char **argv)
{
	static double ms[MAX_CMDS][MAX_RUNS];
	char **cmds[MAX_CMDS];
	long rss, max_rss[MAX_CMDS] = {0};
	double t;
	int runs = 5, warmup = 1, ncmds = 0, i = 1, r, k;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (i + 1 < argc && strcmp(argv[i], "-r") == 0)
			runs = S_count("-r", argv[i + 1], 1);
		else if (i + 1 < argc && strcmp(argv[i], "-w") == 0)
			warmup = S_count("-w", argv[i + 1], 0);
		else
			break;
		i += 2;
	}
	/* split the rest at "::", in place */
	while (i < argc && ncmds < MAX_CMDS) {
		if (strcmp(argv[i], "::") == 0)
			break;
		cmds[ncmds++] = argv + i;
		while (i < argc && strcmp(argv[i], "::") != 0)
			i++;
		if (i < argc)
			argv[i++] = NULL;
	}
	if (ncmds == 0 || i < argc || cmds[0][0][0] == '-') {
		fprintf(stderr, "usage: bench-measure [-r RUNS] [-w WARMUP] [--] "
		                "CMD [ARG...] [:: CMD [ARG...]]... (at most %d)\n",
		        MAX_CMDS);
		return 2;
	}
	for (r = -warmup; r < runs; r++) {
		for (k = 0; k < ncmds; k++) {
			int c = (r + warmup) % 2 ? ncmds - 1 - k : k;
			if (!S_run(cmds[c], &t, &rss))
				return 1;
			if (r < 0)
				continue;
			ms[c][r] = t;
			if (rss > max_rss[c])
				max_rss[c] = rss;
		}
	}
	for (k = 0; k < ncmds; k++)
		S_report(ms[k], runs, max_rss[k]);
	return 0;
}
