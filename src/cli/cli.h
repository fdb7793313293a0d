/*
 * cli.h - the command table and declarative options.
 *
 * Adding a subcommand:
 *   1. write int cmd_NAME(int argc, char **argv, const tfs_command *cmd) in
 *      src/cli/cmd_NAME.c: declare its options as a tfs_option table, call
 *      tfs_cli_parse(), do the work, return an enum tfs_exit;
 *   2. declare it below and add a row to the table in main.c;
 *   3. document it in README.md and docs/cli.md;
 *   4. add golden cases under tests/golden/ (the --help test covers every
 *      row of the table by itself).
 */
#ifndef TFSIGHT_CLI_H
#define TFSIGHT_CLI_H

#include "tfsight/core.h"

#define TFSIGHT_VERSION "0.1.0"

typedef struct tfs_command tfs_command;

struct tfs_command {
	const char *name;
	int (*fn)(int argc, char **argv, const tfs_command *cmd);
	const char *summary;   /* one line for `tfsight --help` */
	const char *synopsis;  /* "[options] FILE..." */
	const char *description;
};

typedef enum tfs_opt_kind {
	TFS_OPT_END,
	TFS_OPT_FLAG,   /* dest: bool * */
	TFS_OPT_STRING, /* dest: const char ** */
	TFS_OPT_CHOICE, /* dest: const char **; one of choices */
} tfs_opt_kind;

typedef struct tfs_option {
	tfs_opt_kind kind;
	char short_name; /* 0 for none */
	const char *long_name;
	const char *arg_name;
	const char *help;
	void *dest;
	const char *const *choices; /* NULL-terminated, TFS_OPT_CHOICE only */
} tfs_option;

/* Options several commands share, so they read the same everywhere. */
#define TFS_OPT_FORMAT(dest, choices)                                         \
	{TFS_OPT_CHOICE, 'f', "format", "FORMAT", "output format", (dest),      \
	 (choices)}
#define TFS_OPT_OUTPUT(dest)                                                  \
	{TFS_OPT_STRING, 'o', "output", "FILE",                                \
	 "write to FILE instead of standard output", (dest), NULL}
#define TFS_OPT_REGION(dest)                                                  \
	{TFS_OPT_STRING, 0, "region", "REGION",                                \
	 "region of resources whose state does not record one "               \
	 "(default sa-east-1)",                                                \
	 (dest), NULL}
/* The roll-ups' tag keys (cost, report): two rows. */
#define TFS_OPT_ROLLUP_TAGS(project, owner)                                   \
	{TFS_OPT_STRING, 0, "project-tag", "KEY",                              \
	 "tag key of the project roll-up (default Project)", (project), NULL}, \
	{TFS_OPT_STRING, 0, "owner-tag", "KEY",                                \
	 "tag key of the owner roll-up (default Owner)", (owner), NULL}
#define TFS_OPT_TABLE_END {TFS_OPT_END, 0, NULL, NULL, NULL, NULL, NULL}

enum tfs_parse_result {
	TFS_PARSE_OK,
	TFS_PARSE_HELP,  /* --help was printed: exit 0 */
	TFS_PARSE_ERROR, /* a usage error was printed: exit 2 */
};

/* Parse argv[1..] (argv[0] is the command name).  Positional arguments are
 * collected in order into *pos (a pointer into argv, NULL-terminated
 * array owned by the caller's argv) and counted in *npos.  "--" ends
 * options; "-" is a positional (standard input). */
enum tfs_parse_result tfs_cli_parse(const tfs_command *cmd,
                                    const tfs_option *opts, int argc,
                                    char **argv, char ***pos, int *npos);

void tfs_cli_usage_error(const char *cmd, const char *fmt, ...)
	TFS_PRINTF(2, 3);
/* Print "tfsight: error: ..." for err to stderr; returns err->code. */
int tfs_cli_report(const tfs_error *err);
/* Where a command writes.  Standard output (path NULL or "-"), or a
 * temporary file beside path that tfs_output_commit() renames into place, so
 * a failed or interrupted run never leaves a half-written file.
 *
 *	tfs_output o;
 *	tfs_buf b;
 *	if (tfs_output_open(&o, path, &err) != 0) ...report...
 *	tfs_buf_init(&b);
 *	tfs_buf_set_sink(&b, o.f);
 *	...render into b...
 *	rc = tfs_output_commit(&o, &b, &err);   (releases nothing of b)
 */
typedef struct tfs_output {
	const char *path; /* NULL for standard output */
	char *tmp;        /* the temporary file, owned */
	FILE *f;
	bool deferred;    /* commit leaves the rename to tfs_output_publish() */
} tfs_output;

int tfs_output_open(tfs_output *o, const char *path, tfs_error *err);
int tfs_output_commit(tfs_output *o, tfs_buf *b, tfs_error *err);
/* For several files that change together (a report): open each, set
 * deferred, commit each; then publish them all when every commit
 * succeeded, or abandon them all (the temporary files go, committed or
 * not, and the previous files stay). */
int tfs_output_publish(tfs_output *o, tfs_error *err);
void tfs_output_abandon(tfs_output *o);

/* The layout's own rules (tfs_diagram_check) before a diagram is written:
 * a break is a bug in tfsight, never the input's fault, so it is reported
 * as a warning on standard error (page, edge and boxes by number and kind,
 * no text of the input) and the drawing is still written. */
struct tfs_diagram;
void tfs_cli_check_layout(const struct tfs_diagram *d);

/* Every command's last step: open path (or standard output), stream
 * render(ctx, b) into it, commit.  Returns the exit status; errors are
 * reported. */
int tfs_cli_emit(const char *path, void (*render)(const void *ctx, tfs_buf *b),
                 const void *ctx);


/* The input files of a command, read and inventoried, in argument order. */
typedef struct tfs_inputs {
	struct tfs_state **states;
	struct tfs_inventory **invs;
	size_t count;
} tfs_inputs;

/* Read on up to jobs threads (the output is the same for any jobs).
 * Returns 0, or -1 with err set for the first file, in argument order,
 * that failed (everything loaded is released). */
int tfs_inputs_load(tfs_inputs *in, char *const *files, int nfiles,
                    const char *default_region, int jobs, tfs_error *err);

/* -j N of the commands that read several files: the number of threads, the
 * processors when NULL; -1 after a usage error (printed). */
int tfs_cli_jobs(const tfs_command *cmd, const char *text);
#define TFS_OPT_JOBS(dest)                                                    \
	{TFS_OPT_STRING, 'j', "jobs", "N",                                     \
	 "read and analyse the files on N threads (default: the processors; " \
	 "the output is the same)",                                            \
	 (dest), NULL}
void tfs_inputs_release(tfs_inputs *in);

/* How the commands that build the model learn environments: tfsight.yml
 * and the flags that override it, declared with TFS_OPT_ENV(&env). */
typedef struct tfs_env_options {
	const char *config_path;  /* --config */
	const char *env_tag;      /* --env-tag */
	const char *account_env;  /* --account-env ACCOUNT=ENV,... */
	const char *environment;  /* --environment */
	struct tfs_config *config; /* loaded by tfs_env_options_apply */
	char **pairs;             /* --account-env, parsed */
} tfs_env_options;

#define TFS_OPT_ENV(e)                                                        \
	{TFS_OPT_STRING, 'c', "config", "FILE",                                \
	 "tfsight.yml: environment tag keys and account map",                 \
	 &(e)->config_path, NULL},                                             \
	{TFS_OPT_STRING, 0, "env-tag", "KEY",                                  \
	 "tag key naming the environment (default Environment, "              \
	 "environment, env)",                                                  \
	 &(e)->env_tag, NULL},                                                 \
	{TFS_OPT_STRING, 0, "account-env", "ACCOUNT=ENV,...",                  \
	 "environment of each account ID, for resources no tag names",        \
	 &(e)->account_env, NULL},                                             \
	{TFS_OPT_STRING, 0, "environment", "ENV",                              \
	 "environment of resources nothing else names", &(e)->environment,    \
	 NULL}

struct tfs_model_options;
/* Load the config and read the flags into opt (the flags win).  Returns -1
 * to go on, else an exit status (the problem is reported).  Release with
 * tfs_env_options_release() whatever it returned. */
int tfs_env_options_apply(const tfs_command *cmd, tfs_env_options *e,
                          struct tfs_model_options *opt);
void tfs_env_options_release(tfs_env_options *e);

/* Run a command's parse step: returns -1 to go on, else the exit status. */
int tfs_cli_parse_files(const tfs_command *cmd, const tfs_option *opts,
                        int argc, char **argv, char ***files, int *nfiles);

/* The analyses of the input files, one per file, in argument order. */
struct tfs_model;
struct tfs_cost;
struct tfs_checks;
struct tfs_pricing;
struct tfs_usage;
struct tfs_check_options;

typedef struct tfs_analysis {
	struct tfs_model **models;
	struct tfs_cost **costs;   /* NULL entries without pricing */
	struct tfs_checks **checks; /* NULL entries without check options */
	size_t count;
} tfs_analysis;

typedef struct tfs_analysis_options {
	const struct tfs_model_options *model;
	const struct tfs_pricing *pricing;     /* NULL: no estimate */
	const struct tfs_usage *usage;
	const struct tfs_check_options *checks; /* NULL: no checks (its cost
	                                           and pricing are filled in) */
	int jobs;
} tfs_analysis_options;

void tfs_analyse(tfs_analysis *a, const tfs_inputs *in,
                 const tfs_analysis_options *o);
void tfs_analysis_release(tfs_analysis *a);

int cmd_inventory(int argc, char **argv, const tfs_command *cmd);
int cmd_topology(int argc, char **argv, const tfs_command *cmd);
int cmd_cost(int argc, char **argv, const tfs_command *cmd);
int cmd_pricing(int argc, char **argv, const tfs_command *cmd);
int cmd_check(int argc, char **argv, const tfs_command *cmd);
int cmd_diff(int argc, char **argv, const tfs_command *cmd);
int cmd_report(int argc, char **argv, const tfs_command *cmd);
int cmd_diagram(int argc, char **argv, const tfs_command *cmd);

#endif
