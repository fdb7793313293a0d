/* main.c - tfsight's entry point: the command table and dispatch. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "tfsight/pricing.h"
#include "tfsight/state.h"

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
	{"check", cmd_check,
	 "check the architecture against the HA, security, monitoring and cost "
	 "checklist",
	 "[options] FILE...",
	 "Decide the seeds' Best Practices Checklist (pre-deployment, security,\n"
	 "monitoring, high availability, cost management) from the state: each\n"
	 "check passes, fails, is unknown (the state cannot decide; the message\n"
	 "says what is missing) or does not apply, per resource, with the\n"
	 "attribute and value as evidence.  Items no state can decide are listed\n"
	 "once as not decidable.  tfsight.yml (--config) sets required tags,\n"
	 "production environments, thresholds, severities and waivers.\n"
	 "--fail-on SEVERITY exits 1 after writing the output when an unwaived\n"
	 "failure that severe or worse exists."},
	{"diff", cmd_diff,
	 "what a change does to the monthly cost and the checklist (PR comment)",
	 "[options] BASE HEAD | PLAN",
	 "Compare two states (or a plan's prior state with its planned values)\n"
	 "resource by resource: the change in the monthly estimate per project\n"
	 "and environment, the resources added, removed and changed, and the\n"
	 "checklist items that newly fail or were fixed.  The Markdown is a\n"
	 "pull-request comment: a hidden marker on the first line (--tag names\n"
	 "it), sized for --platform, details truncated with a note when too\n"
	 "long.  --fail-on-increase and --fail-on exit 1 after the output is\n"
	 "written."},
	{"diagram", cmd_diagram,
	 "draw the architecture diagram (PNG, SVG, PDF) or export it as DOT",
	 "[options] -o FILE FILE...",
	 "Draw the AWS architecture the state describes, the way an architect\n"
	 "draws it: users above the AWS Cloud, edge services (Route 53,\n"
	 "CloudFront, WAF, ACM), the Region with its VPC (availability zones as\n"
	 "columns, public subnets above private ones, network, compute and data\n"
	 "tiers top to bottom) and the regional services beside it, with the\n"
	 "traffic between them.  Repeated modules collapse into one box (12x);\n"
	 "with several VPCs, an overview page comes first and every VPC gets\n"
	 "its own page (pages of a PDF; FILE-N-VPC.png/.svg beside FILE).\n"
	 "--format dot exports the same boxes as Graphviz DOT."},
	{"report", cmd_report,
	 "write the HTML report of the stacks, with its diagram, costs and "
	 "checklist",
	 "[options] FILE...",
	 "Write one self-contained HTML report per run into --out DIR (default\n"
	 "reports/NAME): index.html (the headline cost per environment, the\n"
	 "diagram, cost by environment, project, owner, service and module, the\n"
	 "largest resources, every resource with its components, the savings the\n"
	 "checks found, the checklist with evidence, the inventory and the\n"
	 "assumptions), diagram.svg and diagram.png, cost.json, cost.csv,\n"
	 "checks.json and summary.md.  Every file goes to a temporary name\n"
	 "first and is renamed only when all were written, so a failed run\n"
	 "leaves the previous report whole.  Several FILEs (dev, staging,\n"
	 "prod) are compared side by side; --baseline adds the change since\n"
	 "last month."},
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
	/* jansson seeds its hash once, and its allocator hooks are
	 * process-wide: both before any thread (-j) */
	json_object_seed(0);
	tfs_state_use_arena();
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
		/* the version, and how old the prices it was built with are */
		const tfs_pricing *t = tfs_pricing_bundled();
		const char *lo, *hi;
		size_t undated;
		tfs_pricing_span(t, &lo, &hi, &undated);
		printf("tfsight %s\n", TFSIGHT_VERSION);
		printf("bundled sa-east-1 prices: %zu, effective %s to %s "
		       "(%zu undated)\n",
		       t->count, lo ? lo : "?", hi ? hi : "?", undated);
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
