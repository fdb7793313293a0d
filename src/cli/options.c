/* options.c - one option table per command drives both parsing and
 * --help, so they cannot disagree. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void S_help(const tfs_command *cmd, const tfs_option *opts)
{
	const tfs_option *o;

	printf("usage: tfsight %s %s\n\n%s\n", cmd->name, cmd->synopsis,
	       cmd->description);
	printf("\noptions:\n");
	for (o = opts; o->kind != TFS_OPT_END; o++) {
		char left[64];
		int n;

		if (o->kind == TFS_OPT_FLAG)
			n = snprintf(left, sizeof(left), "%c%c%s--%s",
			             o->short_name ? '-' : ' ',
			             o->short_name ? o->short_name : ' ',
			             o->short_name ? ", " : "  ", o->long_name);
		else
			n = snprintf(left, sizeof(left), "%c%c%s--%s %s",
			             o->short_name ? '-' : ' ',
			             o->short_name ? o->short_name : ' ',
			             o->short_name ? ", " : "  ", o->long_name,
			             o->arg_name);
		printf("  %s%*s%s", left, n < 28 ? 28 - n : 1, "", o->help);
		if (o->kind == TFS_OPT_CHOICE) {
			const char *const *c;
			printf(" (");
			for (c = o->choices; *c; c++)
				printf("%s%s", c == o->choices ? "" : ", ", *c);
			printf(")");
		}
		printf("\n");
	}
	printf("  -h, --help                  show this help\n");
	printf("\nexit status: 0 success, 1 a gate tripped, 2 usage error, "
	       "3 input error,\n4 output could not be written\n");
}

/* A Markdown cell: pipes escaped (help texts are ours, nothing else
 * needs it). */
static void S_md_cell(const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			putchar('\\');
		putchar(*s);
	}
}

/* The same table as --help, as Markdown: docs/options.md is made of it
 * (tests/run-docs.sh), so the reference cannot drift from the parser. */
static void S_help_markdown(const tfs_command *cmd, const tfs_option *opts)
{
	const tfs_option *o;

	printf("## `tfsight %s`\n\n`tfsight %s ", cmd->name, cmd->name);
	S_md_cell(cmd->synopsis);
	printf("`\n\n| option | what it does |\n|---|---|\n");
	for (o = opts; o->kind != TFS_OPT_END; o++) {
		printf("| `");
		if (o->short_name)
			printf("-%c, ", o->short_name);
		printf("--%s", o->long_name);
		if (o->kind != TFS_OPT_FLAG)
			printf(" %s", o->arg_name);
		printf("` | ");
		S_md_cell(o->help);
		if (o->kind == TFS_OPT_CHOICE) {
			const char *const *c;
			printf(" (");
			for (c = o->choices; *c; c++)
				printf("%s`%s`", c == o->choices ? "" : ", ", *c);
			printf(")");
		}
		printf(" |\n");
	}
	printf("| `-h, --help` | show this help |\n\n");
}

void tfs_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	tfs_buf b;
	va_list ap;

	tfs_buf_init(&b);
	va_start(ap, fmt);
	tfs_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	fprintf(stderr, "tfsight: usage: ");
	{
		tfs_buf clean;
		tfs_buf_init(&clean);
		tfs_buf_add_printable(&clean, b.data);
		fputs(clean.data, stderr);
		tfs_buf_release(&clean);
	}
	if (cmd)
		fprintf(stderr, "\ntry 'tfsight %s --help'\n", cmd);
	else
		fprintf(stderr, "\ntry 'tfsight --help'\n");
	tfs_buf_release(&b);
}

static const tfs_option *S_find_long(const tfs_option *opts, const char *name,
                                     size_t len)
{
	for (; opts->kind != TFS_OPT_END; opts++)
		if (strlen(opts->long_name) == len &&
		    strncmp(opts->long_name, name, len) == 0)
			return opts;
	return NULL;
}

static const tfs_option *S_find_short(const tfs_option *opts, char c)
{
	for (; opts->kind != TFS_OPT_END; opts++)
		if (opts->short_name == c)
			return opts;
	return NULL;
}

static bool S_assign(const tfs_command *cmd, const tfs_option *o,
                     const char *value)
{
	if (o->kind == TFS_OPT_FLAG) {
		*(bool *)o->dest = true;
		return true;
	}
	if (o->kind == TFS_OPT_CHOICE) {
		const char *const *c;
		for (c = o->choices; *c; c++)
			if (strcmp(*c, value) == 0)
				break;
		if (!*c) {
			tfs_cli_usage_error(cmd->name,
			                    "invalid value '%s' for --%s",
			                    value, o->long_name);
			return false;
		}
	}
	*(const char **)o->dest = value;
	return true;
}

enum tfs_parse_result tfs_cli_parse(const tfs_command *cmd,
                                    const tfs_option *opts, int argc,
                                    char **argv, char ***pos, int *npos)
{
	bool only_positional = false;
	int i;

	*pos = argv + 1;
	*npos = 0;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const tfs_option *o = NULL;
		const char *value = NULL;

		if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
			(*pos)[(*npos)++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_positional = true;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			S_help(cmd, opts);
			return TFS_PARSE_HELP;
		}
		if (strcmp(arg, "--help-markdown") == 0) { /* for docs/options.md */
			S_help_markdown(cmd, opts);
			return TFS_PARSE_HELP;
		}
		if (arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			o = S_find_long(opts, arg + 2, len);
			if (eq)
				value = eq + 1;
		} else if (arg[2] == '\0') {
			o = S_find_short(opts, arg[1]);
		} else {
			/* -oFILE */
			o = S_find_short(opts, arg[1]);
			if (o && o->kind != TFS_OPT_FLAG)
				value = arg + 2;
			else
				o = NULL;
		}
		if (!o) {
			tfs_cli_usage_error(cmd->name, "unknown option '%s'", arg);
			return TFS_PARSE_ERROR;
		}
		if (o->kind == TFS_OPT_FLAG && value) {
			tfs_cli_usage_error(cmd->name, "--%s takes no value",
			                    o->long_name);
			return TFS_PARSE_ERROR;
		}
		if (o->kind != TFS_OPT_FLAG && !value) {
			if (i + 1 >= argc) {
				tfs_cli_usage_error(cmd->name, "--%s needs a value (%s)",
				                    o->long_name, o->arg_name);
				return TFS_PARSE_ERROR;
			}
			value = argv[++i];
		}
		if (!S_assign(cmd, o, value))
			return TFS_PARSE_ERROR;
	}
	(*pos)[*npos] = NULL;
	return TFS_PARSE_OK;
}
