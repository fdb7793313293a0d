/* main.c - tfsight's entry point: the command table and dispatch. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const tfs_command COMMANDS[] = {
	{"inventory", cmd_inventory,
	 "list every resource instance with its type, provider, region and tags",
	 "[options] FILE...",
	 "Read Terraform states or plans (raw terraform.tfstate v3/v4,\n"
	 "`terraform show -json` output, or a plan JSON; '-' reads standard\n"
	 "input) and list every resource instance with its address, type,\n"
	 "module, provider, region and tags, and a count per type."},
	{"topology", cmd_topology,
	 "show the architecture: Region > VPC > AZ > subnet, and the traffic",
	 "[options] FILE...",
	 "Reconstruct the AWS architecture the state describes: the containment\n"
	 "tree (edge services, Region, VPC, AZ, public and private subnets, the\n"
	 "resources in each) and the edges between resources (DNS aliases,\n"
	 "CDN origins, listeners, target groups, services, security-group\n"
	 "flows to data stores, secrets, images, logs, alarms, WAF), each with\n"
	 "the attribute that proves it."},
	{"cost", cmd_cost,
	 "estimate the monthly cost of every resource in sa-east-1",
	 "[options] FILE...",
	 "Estimate the monthly cost of every resource from the bundled sa-east-1\n"
	 "price tables (or --pricing FILE), with usage-based parts from a usage\n"
	 "file in Infracost's infracost-usage.yml layout. Every component names\n"
	 "its quantity, unit and price; a price the table lacks is shown as\n"
	 "missing, never guessed; usage-based parts without usage add nothing\n"
	 "and say what they would cost per unit."},
	{"pricing", cmd_pricing,
	 "print the price table in use, with the date and source of each price",
	 "[options]",
	 "Print the sa-east-1 price table bundled in tfsight (or the table\n"
	 "given with --pricing FILE, in the same CSV format): every price\n"
	 "with its key, unit, USD amount, effective date and source.  The\n"
	 "csv format writes the whole table back out, ready to edit and to\n"
	 "pass to --pricing."},
};

static const size_t NCOMMANDS = sizeof(COMMANDS) / sizeof(COMMANDS[0]);

static void S_help(void)
{
	size_t i;

	printf("usage: tfsight COMMAND [options] FILE...\n\n"
	       "Reads what Terraform wrote down (a terraform.tfstate, `terraform "
	       "show -json`\noutput or a plan JSON) for AWS stacks in sa-east-1, "
	       "offline, and shows\nwhat is there.\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %-12s%s\n", COMMANDS[i].name, COMMANDS[i].summary);
	printf("\nglobal options:\n"
	       "  -h, --help     show this help ('tfsight COMMAND --help' for a "
	       "command)\n"
	       "  --version      print the version\n"
	       "\nexit status:\n"
	       "  0  success\n"
	       "  1  a gate tripped (--fail-on, a budget)\n"
	       "  2  usage error\n"
	       "  3  input error (unreadable file, invalid state, bad config)\n"
	       "  4  output could not be written\n");
}

int main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "C");
	if (argc < 2) {
		tfs_cli_usage_error(NULL, "missing command");
		return TFS_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			for (i = 0; i < NCOMMANDS; i++)
				if (strcmp(COMMANDS[i].name, argv[2]) == 0) {
					static char help[] = "--help";
					char *args[] = {argv[2], help, NULL};
					return COMMANDS[i].fn(2, args, &COMMANDS[i]);
				}
		}
		S_help();
		return fflush(stdout) == 0 ? TFS_EXIT_OK : TFS_EXIT_OUTPUT;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("tfsight %s\n", TFSIGHT_VERSION);
		return fflush(stdout) == 0 ? TFS_EXIT_OK : TFS_EXIT_OUTPUT;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(COMMANDS[i].name, argv[1]) == 0) {
			int rc = COMMANDS[i].fn(argc - 1, argv + 1, &COMMANDS[i]);
			if (fflush(stdout) != 0 && rc == TFS_EXIT_OK) {
				fprintf(stderr, "tfsight: error: writing output failed\n");
				rc = TFS_EXIT_OUTPUT;
			}
			return rc;
		}
	tfs_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	return TFS_EXIT_USAGE;
}
