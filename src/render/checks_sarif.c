/* checks_sarif.c - failed checks as SARIF 2.1.0 for GitHub code scanning
 * (the fields research/conventions.md §4.4 lists as required).
 *
 * A state records no source lines, so every result points at the state
 * file, line 1, and names the resource as a logical location.  Alerts stay
 * apart because each result carries its own fingerprint (check ID and
 * address hashed), not a line hash.  Waived failures are results with an
 * external suppression; passes and unknowns are not results. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

#define SARIF_SCHEMA                                                          \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/" \
	"sarif-schema-2.1.0.json"

static const char *S_level(tfs_severity s)
{
	switch (s) {
	case TFS_SEV_CRITICAL:
	case TFS_SEV_HIGH:
		return "error";
	case TFS_SEV_MEDIUM:
		return "warning";
	case TFS_SEV_LOW:
	case TFS_SEV_INFO:
		return "note";
	}
	return "note";
}

/* GitHub's security-severity bands: 9.0+ critical, 7.0 high, 4.0 medium. */
static const char *S_security_severity(tfs_severity s)
{
	switch (s) {
	case TFS_SEV_CRITICAL:
		return "9.5";
	case TFS_SEV_HIGH:
		return "8.0";
	case TFS_SEV_MEDIUM:
		return "5.5";
	case TFS_SEV_LOW:
		return "3.0";
	case TFS_SEV_INFO:
		return "1.0";
	}
	return "1.0";
}

/* FNV-1a over the parts, as 16 hex digits: stable across runs. */
static void S_fingerprint(char out[24], const char *a, const char *b,
                          const char *c)
{
	const char *parts[3] = {a, b, c};
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < 3; i++) {
		const unsigned char *p = (const unsigned char *)(parts[i] ? parts[i] : "");
		for (; *p; p++) {
			h ^= *p;
			h *= 1099511628211ULL;
		}
		h ^= 0x1f;
		h *= 1099511628211ULL;
	}
	snprintf(out, 24, "%016llx", (unsigned long long)h);
}

static void S_text(tfs_jw *w, const char *key, const char *text)
{
	tfs_jw_key(w, key);
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "text");
	tfs_jw_string(w, text);
	tfs_jw_object_end(w);
}

static void S_rule(tfs_jw *w, const tfs_check_def *d, tfs_severity sev,
                   tfs_buf *scratch)
{
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "id");
	tfs_jw_string(w, d->id);
	tfs_jw_key(w, "name");
	tfs_jw_string(w, d->id);
	S_text(w, "shortDescription", d->title);
	tfs_buf_truncate(scratch, 0);
	tfs_buf_addf(scratch, "%s. Checklist: \"%s\". References: %s.", d->title,
	             d->checklist, d->refs && *d->refs ? d->refs : "none");
	if (scratch->len > 1000)
		tfs_buf_truncate(scratch, 1000);
	S_text(w, "fullDescription", scratch->data);
	S_text(w, "help", d->remediation);
	tfs_jw_key(w, "defaultConfiguration");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "level");
	tfs_jw_string(w, S_level(sev));
	tfs_jw_object_end(w);
	tfs_jw_key(w, "properties");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "tags");
	tfs_jw_array_begin(w);
	tfs_jw_string(w, "terraform");
	tfs_jw_string(w, "aws");
	tfs_jw_string(w, tfs_check_category_name(d->category));
	tfs_jw_array_end(w);
	tfs_jw_key(w, "precision");
	tfs_jw_string(w, "high");
	tfs_jw_key(w, "security-severity");
	tfs_jw_string(w, S_security_severity(sev));
	tfs_jw_object_end(w);
	tfs_jw_object_end(w);
}

static void S_result(tfs_jw *w, const tfs_checks *c, const tfs_finding *f,
                     size_t rule_index, tfs_buf *scratch)
{
	char fp[24];

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "ruleId");
	tfs_jw_string(w, f->check->id);
	tfs_jw_key(w, "ruleIndex");
	tfs_jw_uint(w, rule_index);
	tfs_jw_key(w, "level");
	tfs_jw_string(w, S_level(f->severity));
	tfs_buf_truncate(scratch, 0);
	tfs_buf_addf(scratch, "%s: %s", f->address ? f->address : "stack",
	             f->message);
	if (f->attribute)
		tfs_buf_addf(scratch, " (%s = %s)", f->attribute,
		             f->value ? f->value : "(absent)");
	S_text(w, "message", scratch->data);
	tfs_jw_key(w, "locations");
	tfs_jw_array_begin(w);
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "physicalLocation");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "artifactLocation");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "uri");
	tfs_jw_string(w, c->model->state->source);
	tfs_jw_object_end(w);
	tfs_jw_key(w, "region");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "startLine");
	tfs_jw_int(w, 1);
	tfs_jw_object_end(w);
	tfs_jw_object_end(w);
	if (f->address) {
		tfs_jw_key(w, "logicalLocations");
		tfs_jw_array_begin(w);
		tfs_jw_object_begin(w);
		tfs_jw_key(w, "fullyQualifiedName");
		tfs_jw_string(w, f->address);
		tfs_jw_key(w, "kind");
		tfs_jw_string(w, "resource");
		tfs_jw_object_end(w);
		tfs_jw_array_end(w);
	}
	tfs_jw_object_end(w);
	tfs_jw_array_end(w);
	S_fingerprint(fp, f->check->id, f->address, f->attribute);
	tfs_jw_key(w, "partialFingerprints");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "tfsightFinding/v1");
	tfs_jw_string(w, fp);
	tfs_jw_key(w, "primaryLocationLineHash");
	tfs_jw_string(w, fp);
	tfs_jw_object_end(w);
	if (f->waiver) {
		tfs_jw_key(w, "suppressions");
		tfs_jw_array_begin(w);
		tfs_jw_object_begin(w);
		tfs_jw_key(w, "kind");
		tfs_jw_string(w, "external");
		tfs_jw_key(w, "justification");
		tfs_jw_string(w, f->waiver);
		tfs_jw_object_end(w);
		tfs_jw_array_end(w);
	}
	tfs_jw_object_end(w);
}

void tfs_render_checks_sarif(const tfs_check_set *set, tfs_buf *out)
{
	tfs_buf scratch;
	tfs_jw w;
	size_t i, k, f;

	tfs_buf_init(&scratch);
	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "$schema");
	tfs_jw_string(&w, SARIF_SCHEMA);
	tfs_jw_key(&w, "version");
	tfs_jw_string(&w, "2.1.0");
	tfs_jw_key(&w, "runs");
	tfs_jw_array_begin(&w);
	for (i = 0; i < set->count; i++) {
		const tfs_checks *c = set->items[i];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "tool");
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "driver");
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "name");
		tfs_jw_string(&w, "tfsight");
		tfs_jw_key(&w, "informationUri");
		tfs_jw_string(&w, "https://github.com/tfsight/tfsight");
		tfs_jw_key(&w, "version");
		tfs_jw_string(&w, set->tool_version);
		tfs_jw_key(&w, "rules");
		tfs_jw_array_begin(&w);
		for (k = 0; k < c->nsummary; k++)
			S_rule(&w, c->summary[k].check, c->summary[k].severity,
			       &scratch);
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
		tfs_jw_object_end(&w);
		tfs_jw_key(&w, "automationDetails");
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "id");
		tfs_buf_truncate(&scratch, 0);
		tfs_buf_addf(&scratch, "tfsight/%s/", c->model->state->source);
		tfs_jw_string(&w, scratch.data);
		tfs_jw_object_end(&w);
		tfs_jw_key(&w, "results");
		tfs_jw_array_begin(&w);
		for (k = 0; k < c->nsummary; k++)
			for (f = c->summary[k].first;
			     f < c->summary[k].first + c->summary[k].nfindings; f++)
				if (c->findings[f].status == TFS_STATUS_FAIL)
					S_result(&w, c, &c->findings[f], k, &scratch);
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_object_end(&w);
	tfs_buf_addc(out, '\n');
	tfs_buf_release(&scratch);
}
