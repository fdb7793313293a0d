/* checks_junit.c - the checks as JUnit XML for CI dashboards: one
 * testsuite per check category and stack, one testcase per check and
 * resource, passes included so the pass rate shows; unknown,
 * not-applicable, not-decidable and waived are skipped with the reason. */
#include <string.h>

#include "tfsight/render.h"

/* XML 1.0 text: markup escaped, control characters it forbids replaced,
 * bidi and C1 controls shown (CI systems print these reports). */
static void S_xml(tfs_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		unsigned cp;
		size_t n = tfs_utf8_hidden((const unsigned char *)s, &cp);
		if (n) {
			tfs_buf_add_codepoint(b, cp);
			s += n - 1;
		} else if (c == '<')
			tfs_buf_adds(b, "&lt;");
		else if (c == '>')
			tfs_buf_adds(b, "&gt;");
		else if (c == '&')
			tfs_buf_adds(b, "&amp;");
		else if (c == '"')
			tfs_buf_adds(b, "&quot;");
		else if (c == '\'')
			tfs_buf_adds(b, "&apos;");
		else if (c == '\r') /* kept, but never raw on a terminal */
			tfs_buf_adds(b, "&#13;");
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			tfs_buf_addc(b, '?');
		else
			tfs_buf_addc(b, (char)c);
	}
}

static void S_case(tfs_buf *out, const tfs_checks *c, const tfs_finding *f)
{
	tfs_buf_adds(out, "    <testcase classname=\"");
	S_xml(out, f->check->id);
	tfs_buf_adds(out, "\" name=\"");
	S_xml(out, f->address ? f->address : c->model->state->source);
	tfs_buf_adds(out, "\" time=\"0\"");
	if (f->status == TFS_STATUS_PASS) {
		tfs_buf_adds(out, "/>\n");
		return;
	}
	tfs_buf_adds(out, ">\n      ");
	if (f->status == TFS_STATUS_FAIL && !f->waiver) {
		tfs_buf_adds(out, "<failure type=\"");
		S_xml(out, tfs_severity_name(f->severity));
		tfs_buf_adds(out, "\" message=\"");
		S_xml(out, f->message);
		tfs_buf_adds(out, "\">");
		S_xml(out, f->check->title);
		if (f->attribute) {
			tfs_buf_adds(out, "\nevidence: ");
			S_xml(out, f->attribute);
			tfs_buf_adds(out, " = ");
			S_xml(out, f->value ? f->value : "(absent)");
		}
		tfs_buf_adds(out, "\nfix: ");
		S_xml(out, f->check->remediation);
		tfs_buf_adds(out, "</failure>\n");
	} else {
		tfs_buf_adds(out, "<skipped message=\"");
		if (f->waiver) {
			tfs_buf_adds(out, "waived: ");
			S_xml(out, f->waiver);
		} else {
			S_xml(out, tfs_status_name(f->status));
			tfs_buf_adds(out, ": ");
			S_xml(out, f->message);
		}
		tfs_buf_adds(out, "\"/>\n");
	}
	tfs_buf_adds(out, "    </testcase>\n");
}

void tfs_render_checks_junit(const tfs_check_set *set, tfs_buf *out)
{
	size_t i, k, f, tests = 0, failures = 0, skipped = 0;

	for (i = 0; i < set->count; i++)
		for (k = 0; k < set->items[i]->count; k++) {
			const tfs_finding *fd = &set->items[i]->findings[k];
			tests++;
			if (fd->status == TFS_STATUS_FAIL && !fd->waiver)
				failures++;
			else if (fd->status != TFS_STATUS_PASS)
				skipped++;
		}
	tfs_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	tfs_buf_addf(out, "<testsuites name=\"tfsight check\" tests=\"%zu\" "
	                  "failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
	             tests, failures, skipped);
	for (i = 0; i < set->count; i++) {
		const tfs_checks *c = set->items[i];
		int cat;
		for (cat = 0; cat < TFS_CHECKCAT_COUNT; cat++) {
			size_t t = 0, fl = 0, sk = 0;
			for (k = 0; k < c->count; k++) {
				const tfs_finding *fd = &c->findings[k];
				if ((int)fd->check->category != cat)
					continue;
				t++;
				if (fd->status == TFS_STATUS_FAIL && !fd->waiver)
					fl++;
				else if (fd->status != TFS_STATUS_PASS)
					sk++;
			}
			if (!t)
				continue;
			tfs_buf_adds(out, "  <testsuite name=\"");
			S_xml(out, c->model->state->source);
			tfs_buf_addf(out, ": %s\" tests=\"%zu\" failures=\"%zu\" "
			                  "errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
			             tfs_check_category_title((tfs_check_category)cat),
			             t, fl, sk);
			for (k = 0; k < c->nsummary; k++) {
				const tfs_check_summary *s = &c->summary[k];
				if ((int)s->check->category != cat)
					continue;
				for (f = s->first; f < s->first + s->nfindings; f++)
					S_case(out, c, &c->findings[f]);
			}
			tfs_buf_adds(out, "  </testsuite>\n");
		}
	}
	tfs_buf_adds(out, "</testsuites>\n");
}
