/*
 * gen.c - bench-gen: a large synthetic terraform.tfstate (version 4) made of
 * N copies of a reference state's managed resources.
 *
 *	bench-gen [-o FILE] REFERENCE.tfstate N
 *
 * Copy i of every managed resource goes into module "module.stack_<i>": a
 * root resource gets that module, a resource already in "module.app" gets
 * "module.stack_<i>.module.app".  Its instances' "dependencies" are moved
 * along (data sources, kept once in the root module, are left as they are).
 * The identifiers of the reference's managed instances (the top-level "id",
 * "arn", "name" and "bucket" strings) get "-<i>" appended in copy i, and so
 * does every other string of the copy's attributes, at any depth, that
 * equals one of them: each copy has its own names, as 500 real stacks
 * would, and its references (a rule's security_group_id, a versioning's
 * bucket) still point at its own resources.  Data sources are written once.  Everything else (outputs, serial,
 * lineage, ...) is copied from the reference.
 *
 * Resources come out in the order Terraform writes them (by module address
 * as a string, so stack_10 sorts before stack_2), indented by two spaces
 * like Terraform.  The output is a function of the arguments only.  With -o
 * it is written to FILE.tmp and renamed, so an interrupted run never leaves
 * a truncated FILE behind.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

enum { MAX_COPIES = 1000000 };

/* Attributes whose values identify a resource, made unique per copy. */
static const char *const UNIQUE_ATTRS[] = {"id", "arn", "name", "bucket"};

/* json_dump_callback sink: every line after the first is indented by
 * indent extra spaces, so a value dumped on its own nests at that depth.
 * Dumped JSON holds no raw newline inside a string. */
typedef struct {
	FILE *out;
	int indent;
} S_sink;

static int S_sink_write(const char *buffer, size_t size, void *data)
{
	const S_sink *s = data;
	const char *p = buffer, *end = buffer + size, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (fwrite(p, 1, (size_t)(nl - p) + 1, s->out) != (size_t)(nl - p) + 1 ||
		    fprintf(s->out, "%*s", s->indent, "") < 0)
			return -1;
		p = nl + 1;
	}
	if (p < end && fwrite(p, 1, (size_t)(end - p), s->out) != (size_t)(end - p))
		return -1;
	return 0;
}

static int S_dump(FILE *out, const json_t *v, int indent)
{
	S_sink s = {out, indent};
	return json_dump_callback(v, S_sink_write, &s,
	                          JSON_INDENT(2) | JSON_ENCODE_ANY);
}

static json_t *S_strf(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *p = malloc(n);
	json_t *v;

	if (!p) {
		fputs("bench-gen: out of memory\n", stderr);
		exit(1);
	}
	snprintf(p, n, "%s%s%s", a, b, c);
	v = json_string(p);
	free(p);
	return v;
}

/* Every string of v that is an identifier (a key of ids) gets "-suffix". */
static void S_rename(json_t *v, const json_t *ids, const char *suffix)
{
	const char *key;
	json_t *e;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach(v, key, e) {
			if (json_is_string(e) &&
			    json_object_get(ids, json_string_value(e)))
				json_object_set_new(v, key,
				                    S_strf(json_string_value(e), "-",
				                           suffix));
			else
				S_rename(e, ids, suffix);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			if (json_is_string(e) &&
			    json_object_get(ids, json_string_value(e)))
				json_array_set_new(v, i,
				                   S_strf(json_string_value(e), "-",
				                          suffix));
			else
				S_rename(e, ids, suffix);
		}
	}
}

/* The identifiers of the managed instances, as the keys of an object. */
static json_t *S_identifiers(const json_t *resources)
{
	json_t *ids = json_object();
	const json_t *res, *in;
	size_t r, i, k;

	json_array_foreach(resources, r, res) {
		const char *mode = json_string_value(json_object_get(res, "mode"));
		if (mode && strcmp(mode, "data") == 0)
			continue;
		json_array_foreach(json_object_get(res, "instances"), i, in) {
			const json_t *attrs = json_object_get(in, "attributes");
			for (k = 0; k < sizeof(UNIQUE_ATTRS) / sizeof(*UNIQUE_ATTRS);
			     k++) {
				const char *s = json_string_value(
					json_object_get(attrs, UNIQUE_ATTRS[k]));
				if (s && strlen(s) >= 3)
					json_object_set_new(ids, s, json_true());
			}
		}
	}
	return ids;
}

/* Copy i of one managed resource.  orig is left untouched; work is a deep
 * copy of it whose copied fields are overwritten for each i. */
static int S_write_copy(FILE *out, const json_t *orig, json_t *work,
                        const char *stack, const json_t *ids)
{
	const char *module = json_string_value(json_object_get(orig, "module"));
	const json_t *insts = json_object_get(orig, "instances");
	json_t *winsts = json_object_get(work, "instances");
	const char *suffix = strchr(stack, '_') + 1;
	size_t i, j;

	if (module)
		json_object_set_new(work, "module", S_strf(stack, ".", module));
	else
		json_object_set_new(work, "module", json_string(stack));
	for (i = 0; i < json_array_size(insts); i++) {
		const json_t *in = json_array_get(insts, i);
		json_t *win = json_array_get(winsts, i);
		const json_t *deps = json_object_get(in, "dependencies");
		json_t *wattrs = json_deep_copy(json_object_get(in, "attributes"));
		json_t *wdeps = json_object_get(win, "dependencies");

		S_rename(wattrs, ids, suffix);
		json_object_set_new(win, "attributes", wattrs);
		for (j = 0; j < json_array_size(deps); j++) {
			const char *d = json_string_value(json_array_get(deps, j));
			if (d && strncmp(d, "data.", 5) != 0)
				json_array_set_new(wdeps, j, S_strf(stack, ".", d));
		}
	}
	return S_dump(out, work, 4);
}

/* Copy numbers in the order of their decimal strings. */
static int S_cmp_decimal(const void *pa, const void *pb)
{
	char a[24], b[24];
	snprintf(a, sizeof(a), "%ld", *(const long *)pa);
	snprintf(b, sizeof(b), "%ld", *(const long *)pb);
	return strcmp(a, b);
}

static int S_write_resources(FILE *out, const json_t *resources, long copies)
{
	size_t nres = json_array_size(resources), r;
	json_t **work = calloc(nres ? nres : 1, sizeof(*work));
	long *order = calloc((size_t)copies, sizeof(*order));
	json_t *ids = S_identifiers(resources);
	bool first = true;
	int rc = 0;
	long c;

	if (!work || !order) {
		fputs("bench-gen: out of memory\n", stderr);
		exit(1);
	}
	if (fputs("[", out) < 0)
		rc = -1;
	/* data sources once, in the root module, as in the reference */
	for (r = 0; r < nres && rc == 0; r++) {
		const json_t *res = json_array_get(resources, r);
		const char *mode = json_string_value(json_object_get(res, "mode"));
		if (mode && strcmp(mode, "data") == 0) {
			if (fputs(first ? "\n    " : ",\n    ", out) < 0 ||
			    S_dump(out, res, 4) != 0)
				rc = -1;
			first = false;
		} else {
			/* "module" first, where Terraform writes it */
			json_t *copy = json_deep_copy(res);
			work[r] = json_object();
			json_object_set_new(work[r], "module", json_null());
			json_object_update(work[r], copy);
			json_decref(copy);
		}
	}
	for (c = 0; c < copies; c++)
		order[c] = c;
	qsort(order, (size_t)copies, sizeof(*order), S_cmp_decimal);
	for (c = 0; c < copies && rc == 0; c++) {
		char stack[40];
		snprintf(stack, sizeof(stack), "module.stack_%ld", order[c]);
		for (r = 0; r < nres && rc == 0; r++) {
			if (!work[r])
				continue;
			if (fputs(first ? "\n    " : ",\n    ", out) < 0)
				rc = -1;
			else
				rc = S_write_copy(out, json_array_get(resources, r),
				                  work[r], stack, ids);
			first = false;
		}
	}
	if (rc == 0 && fputs("\n  ]", out) < 0)
		rc = -1;
	for (r = 0; r < nres; r++)
		json_decref(work[r]);
	json_decref(ids);
	free(work);
	free(order);
	return rc;
}

static int S_write_state(FILE *out, json_t *ref, long copies)
{
	const char *key;
	json_t *v;
	bool first = true;

	if (fputs("{", out) < 0)
		return -1;
	json_object_foreach(ref, key, v) {
		json_t *k = json_string(key);
		int rc = fputs(first ? "\n  " : ",\n  ", out) < 0 ||
		         S_dump(out, k, 2) != 0 || fputs(": ", out) < 0;
		json_decref(k);
		first = false;
		if (rc)
			return -1;
		if (strcmp(key, "resources") == 0)
			rc = S_write_resources(out, v, copies);
		else
			rc = S_dump(out, v, 2);
		if (rc)
			return -1;
	}
	return fputs("\n}\n", out) < 0 ? -1 : 0;
}

static void S_usage(void)
{
	fputs("usage: bench-gen [-o FILE] REFERENCE.tfstate COPIES\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *output = NULL, *ref_path, *tmp = NULL;
	char *end, *tmpbuf = NULL;
	json_error_t je;
	json_t *ref, *resources;
	FILE *out = stdout;
	long copies;
	int i = 1, rc;

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		output = argv[2];
		i = 3;
	}
	if (argc - i != 2)
		S_usage();
	ref_path = argv[i];
	errno = 0;
	copies = strtol(argv[i + 1], &end, 10);
	if (errno || *end || end == argv[i + 1] || copies < 1 ||
	    copies > MAX_COPIES) {
		fprintf(stderr, "bench-gen: COPIES must be 1 to %d\n", MAX_COPIES);
		return 2;
	}
	ref = json_load_file(ref_path, 0, &je);
	if (!ref) {
		fprintf(stderr, "bench-gen: %s:%d: %s\n", ref_path, je.line,
		        je.text);
		return 1;
	}
	resources = json_object_get(ref, "resources");
	if (json_integer_value(json_object_get(ref, "version")) != 4 ||
	    !json_is_array(resources)) {
		fprintf(stderr, "bench-gen: %s: not a version 4 state with a "
		                "resources array\n", ref_path);
		json_decref(ref);
		return 1;
	}
	if (output) {
		size_t n = strlen(output) + sizeof(".tmp");
		tmpbuf = malloc(n);
		if (!tmpbuf)
			return 1;
		snprintf(tmpbuf, n, "%s.tmp", output);
		tmp = tmpbuf;
		out = fopen(tmp, "w");
		if (!out) {
			fprintf(stderr, "bench-gen: %s: %s\n", tmp, strerror(errno));
			free(tmpbuf);
			json_decref(ref);
			return 1;
		}
	}
	rc = S_write_state(out, ref, copies);
	if (fflush(out) != 0 || ferror(out))
		rc = -1;
	if (output) {
		if (fclose(out) != 0)
			rc = -1;
		if (rc == 0 && rename(tmp, output) != 0)
			rc = -1;
		if (rc != 0)
			remove(tmp);
	}
	if (rc != 0)
		fprintf(stderr, "bench-gen: writing %s failed: %s\n",
		        output ? output : "<stdout>", strerror(errno));
	free(tmpbuf);
	json_decref(ref);
	return rc == 0 ? 0 : 1;
}
