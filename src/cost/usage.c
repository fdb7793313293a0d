/* usage.c - the usage file (Infracost's infracost-usage.yml layout) read
 * through libyaml's event API, looked up by address and type, and checked
 * against the usage keys the estimators know.  The grammar is shallow
 * (top map > section > entry > one nested map), so the reader walks the
 * events with one function per level and stops at the first event that
 * does not fit: nesting deeper than the grammar never gets far. */
#include "tfsight/usage.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>


#define VERSION "0.1"
#define NO_SECTION_KEY "(expected version, resource_usage or " \
	"resource_type_default_usage)"

static const char *const SECTION_NAMES[] = {
	"resource_usage",
	"resource_type_default_usage",
};

/* A value while its entry is being read: nulls and nested maps are kept
 * too, so that a later duplicate of them is caught. */
typedef struct S_value {
	tfs_usage_value v;
	bool present; /* a scalar that is not null */
} S_value;

typedef struct S_parser {
	yaml_parser_t yp;
	yaml_event_t ev;
	bool have_event;
	const char *name;   /* in u's arena */
	const char *data;
	size_t len;
	tfs_usage *u;
	size_t cap;         /* of u->own */
	tfs_map names[2];   /* per section: name -> entry index */
	S_value *vals;      /* the entry being read */
	size_t nvals;
	size_t vcap;
	tfs_map keys;       /* its key paths -> index into vals */
	tfs_error *err;
	int depth;          /* open mappings and sequences */
} S_parser;

/* ---- messages ----------------------------------------------------------- */

static bool S_fail_at(S_parser *P, int line, int column, const char *fmt, ...)
	TFS_PRINTF(4, 5);

static bool S_fail_at(S_parser *P, int line, int column, const char *fmt, ...)
{
	char text[sizeof(P->err->text)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return tfs_error_set(P->err, TFS_EXIT_INPUT, P->name, line, column,
	                     NULL, "%s", text);
}

/* libyaml's marks count from zero; ours from one. */
#define S_fail(P, mark, ...) \
	S_fail_at((P), (int)(mark).line + 1, (int)(mark).column + 1, \
	          __VA_ARGS__)

/* The 1-based line and column (in code points, not counting a leading
 * byte-order mark) of a byte offset into the input. */
static void S_offset_mark(const S_parser *P, size_t offset, int *line,
                          int *column)
{
	size_t i = 0;

	*line = 1;
	*column = 1;
	if (P->len >= 3 && memcmp(P->data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	if (offset > P->len)
		offset = P->len;
	for (; i < offset; i++) {
		unsigned char c = (unsigned char)P->data[i];
		if (c == '\n') {
			(*line)++;
			*column = 1;
		} else if ((c & 0xc0) != 0x80 && *column < INT32_MAX) {
			(*column)++;
		}
	}
}

static bool S_yaml_error(S_parser *P)
{
	const yaml_parser_t *y = &P->yp;
	const char *problem = y->problem ? y->problem : "unknown error";
	int line, column;

	if (y->error == YAML_MEMORY_ERROR)
		return S_fail_at(P, 0, 0, "invalid YAML: out of memory");
	if (y->error == YAML_READER_ERROR) {
		S_offset_mark(P, y->problem_offset, &line, &column);
		return S_fail_at(P, line, column, "invalid YAML: %s", problem);
	}
	if (y->context)
		return S_fail(P, y->problem_mark,
		              "invalid YAML: %s (%s at line %d, column %d)",
		              problem, y->context, (int)y->context_mark.line + 1,
		              (int)y->context_mark.column + 1);
	return S_fail(P, y->problem_mark, "invalid YAML: %s", problem);
}

/* ---- events --------------------------------------------------------------- */

/* Move to the next event; anchors, aliases and tags end the reading (an
 * alias could make a small file expand into a huge one). */
static bool S_next(S_parser *P)
{
	const yaml_event_t *e = &P->ev;
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (P->have_event)
		yaml_event_delete(&P->ev);
	P->have_event = false;
	if (!yaml_parser_parse(&P->yp, &P->ev))
		return S_yaml_error(P);
	P->have_event = true;
	if (e->type == YAML_ALIAS_EVENT)
		return S_fail(P, e->start_mark, "aliases are not supported");
	if ((e->type == YAML_MAPPING_START_EVENT ||
	     e->type == YAML_SEQUENCE_START_EVENT) &&
	    ++P->depth > TFS_YAML_MAX_DEPTH)
		return S_fail(P, e->start_mark,
		              "nested deeper than %d levels, the limit",
		              TFS_YAML_MAX_DEPTH);
	if (e->type == YAML_MAPPING_END_EVENT ||
	    e->type == YAML_SEQUENCE_END_EVENT)
		P->depth--;
	if (e->type == YAML_SCALAR_EVENT) {
		anchor = e->data.scalar.anchor;
		tag = e->data.scalar.tag;
	} else if (e->type == YAML_MAPPING_START_EVENT) {
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
	} else if (e->type == YAML_SEQUENCE_START_EVENT) {
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
	}
	if (anchor)
		return S_fail(P, e->start_mark,
		              "anchors are not supported (nor aliases)");
	if (tag)
		return S_fail(P, e->start_mark, "tags are not supported");
	return true;
}

static bool S_is(const S_parser *P, yaml_event_type_t type)
{
	return P->ev.type == type;
}

static const char *S_text(const S_parser *P)
{
	return (const char *)P->ev.data.scalar.value;
}

/* A plain ~, null or nothing at all. */
static bool S_is_null(const S_parser *P)
{
	const char *s = S_text(P);

	if (!S_is(P, YAML_SCALAR_EVENT) ||
	    P->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* What the current event is, for "expected X, found Y" messages. */
static const char *S_what(const S_parser *P)
{
	if (S_is(P, YAML_MAPPING_START_EVENT))
		return "a map";
	if (S_is(P, YAML_SEQUENCE_START_EVENT))
		return "a list";
	if (S_is_null(P))
		return "nothing";
	return "a value";
}

/* The current event as a key: a non-empty scalar without NUL bytes,
 * copied into the usage's arena. */
static const char *S_key(S_parser *P)
{
	const yaml_event_t *e = &P->ev;

	if (!S_is(P, YAML_SCALAR_EVENT)) {
		S_fail(P, e->start_mark, "a key must be text, not %s",
		       S_what(P));
		return NULL;
	}
	if (e->data.scalar.length == 0) {
		S_fail(P, e->start_mark, "empty key");
		return NULL;
	}
	if (memchr(e->data.scalar.value, '\0', e->data.scalar.length)) {
		S_fail(P, e->start_mark, "a key holds a NUL character");
		return NULL;
	}
	return tfs_arena_strndup(&P->u->arena, S_text(P),
	                         e->data.scalar.length);
}

/* ---- scalars -------------------------------------------------------------- */

static bool S_digits(const char **p)
{
	const char *start = *p;
	while (**p >= '0' && **p <= '9')
		(*p)++;
	return *p > start;
}

/* YAML's decimal float/int shape:
 * [-+]? ( .DIGITS | DIGITS [. DIGITS?] ) ( [eE] [-+]? DIGITS )? */
static bool S_looks_numeric(const char *s)
{
	const char *p = s;

	if (*p == '-' || *p == '+')
		p++;
	if (*p == '.') {
		p++;
		if (!S_digits(&p))
			return false;
	} else {
		if (!S_digits(&p))
			return false;
		if (*p == '.') {
			p++;
			S_digits(&p);
		}
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!S_digits(&p))
			return false;
	}
	return *p == '\0';
}

/* .inf, -.Inf, .NaN, ... as YAML writes them. */
static bool S_looks_special(const char *s)
{
	static const char *const NAMES[] = {".inf", ".Inf", ".INF",
	                                    ".nan", ".NaN", ".NAN"};
	size_t i;

	if (*s == '-' || *s == '+')
		s++;
	for (i = 0; i < sizeof(NAMES) / sizeof(NAMES[0]); i++)
		if (!strcmp(s, NAMES[i]))
			return true;
	return false;
}

/* Read the current scalar event as the value of path into v. */
static bool S_scalar(S_parser *P, const char *path, tfs_usage_value *v)
{
	const yaml_event_t *e = &P->ev;
	const char *s = S_text(P);
	char ex[TFS_EXCERPT_SIZE], kx[TFS_EXCERPT_SIZE];

	if (memchr(e->data.scalar.value, '\0', e->data.scalar.length))
		return S_fail(P, e->start_mark,
		              "the value of '%s' holds a NUL character",
		              (tfs_excerpt(kx, TFS_EXCERPT_SIZE, path), kx));
	v->text = tfs_arena_strndup(&P->u->arena, s, e->data.scalar.length);
	v->kind = TFS_USAGE_STRING;
	v->number = 0;
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return true;
	tfs_excerpt(ex, TFS_EXCERPT_SIZE, s);
	tfs_excerpt(kx, TFS_EXCERPT_SIZE, path);
	if (S_looks_special(s))
		return S_fail(P, e->start_mark,
		              "'%s' for '%s' is not a finite number", ex, kx);
	if (!S_looks_numeric(s))
		return true;
	errno = 0;
	v->number = strtod(s, NULL);
	if (!isfinite(v->number) || (errno == ERANGE && v->number != 0.0) ||
	    (errno == ERANGE && v->number == 0.0 && strpbrk(s, "123456789")))
		return S_fail(P, e->start_mark,
		              "number '%s' for '%s' is out of range (0 to 1e15)",
		              ex, kx);
	if (v->number < 0)
		return S_fail(P, e->start_mark,
		              "number '%s' for '%s' is negative (usage figures "
		              "are monthly amounts, 0 or more)",
		              ex, kx);
	if (v->number > TFS_USAGE_MAX_NUMBER)
		return S_fail(P, e->start_mark,
		              "number '%s' for '%s' is out of range (0 to 1e15)",
		              ex, kx);
	if (v->number == 0.0)
		v->number = 0.0; /* not -0 */
	v->kind = TFS_USAGE_NUMBER;
	return true;
}

/* ---- the grammar ----------------------------------------------------------- */

/* Record key path at mark in the entry being read; a repeat is an
 * error. */
static S_value *S_add_value(S_parser *P, const char *path,
                            yaml_mark_t mark)
{
	size_t first;
	S_value *sv;

	if (tfs_map_get(&P->keys, path, &first)) {
		char kx[TFS_EXCERPT_SIZE];
		tfs_excerpt(kx, TFS_EXCERPT_SIZE, path);
		S_fail(P, mark, "duplicate key '%s' (first at line %d)", kx,
		       P->vals[first].v.line);
		return NULL;
	}
	tfs_grow(&P->vals, &P->vcap, P->nvals + 1, sizeof(*P->vals));
	sv = &P->vals[P->nvals];
	memset(sv, 0, sizeof(*sv));
	sv->v.key = path;
	sv->v.line = (int)mark.line + 1;
	sv->v.column = (int)mark.column + 1;
	tfs_map_put(&P->keys, path, P->nvals++);
	return sv;
}

/* The keys of a usage map whose MAPPING_START is the current event;
 * prefix is the key of the enclosing map for a nested one, else NULL. */
static bool S_values(S_parser *P, const char *prefix)
{
	for (;;) {
		yaml_mark_t mark;
		const char *key, *path;
		S_value *sv;

		if (!S_next(P))
			return false;
		if (S_is(P, YAML_MAPPING_END_EVENT))
			return true;
		mark = P->ev.start_mark;
		if (!(key = S_key(P)))
			return false;
		path = prefix ? tfs_arena_strfmt(&P->u->arena, "%s.%s",
		                                 prefix, key)
		              : key;
		if (!(sv = S_add_value(P, path, mark)) || !S_next(P))
			return false;
		if (S_is(P, YAML_MAPPING_START_EVENT)) {
			char kx[TFS_EXCERPT_SIZE];
			tfs_excerpt(kx, TFS_EXCERPT_SIZE, path);
			if (prefix)
				return S_fail(P, P->ev.start_mark,
				              "'%s' holds a map: usage values nest "
				              "one level at most",
				              kx);
			if (!S_values(P, path))
				return false;
		} else if (S_is(P, YAML_SCALAR_EVENT)) {
			if (S_is_null(P))
				continue;
			if (!S_scalar(P, path, &sv->v))
				return false;
			sv->present = true;
		} else {
			char kx[TFS_EXCERPT_SIZE];
			tfs_excerpt(kx, TFS_EXCERPT_SIZE, path);
			return S_fail(P, P->ev.start_mark,
			              "'%s' is %s: expected a number, a string "
			              "or a map",
			              kx, S_what(P));
		}
	}
}

/* The next '.'-separated segment of an address at *p, without its index
 * ("this[\"a.b\"]" gives "this"); dots inside brackets and quotes do not
 * split.  False at the end, or when a quote is never closed. */
static bool S_segment(const char **p, const char **seg, size_t *n)
{
	const char *s = *p, *index = NULL;
	bool quoted = false;
	int depth = 0;

	if (!s)
		return false;
	for (*seg = s; *s; s++) {
		if (quoted) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == '"')
				quoted = false;
		} else if (*s == '"') {
			quoted = true;
		} else if (*s == '[') {
			if (!index)
				index = s;
			depth++;
		} else if (*s == ']' && depth > 0) {
			depth--;
		} else if (*s == '.' && depth == 0) {
			break;
		}
	}
	if (quoted)
		return false;
	*n = (size_t)((index ? index : s) - *seg);
	*p = *s ? s + 1 : NULL;
	return true;
}

/* The resource type an address (pattern) names: the segment after the
 * module path ("module.NAME" pairs) and an optional "data"; NULL when it
 * holds a '*', or no resource name follows it. */
static const char *S_type_of(tfs_arena *a, const char *addr)
{
	const char *p = addr, *seg, *type;
	size_t n, tn;

	for (;;) {
		if (!S_segment(&p, &seg, &n))
			return NULL;
		if (n == 6 && !memcmp(seg, "module", 6)) {
			if (!S_segment(&p, &seg, &n))
				return NULL;
			continue;
		}
		if (n == 4 && !memcmp(seg, "data", 4) &&
		    !S_segment(&p, &seg, &n))
			return NULL;
		break;
	}
	type = seg;
	tn = n;
	if (tn == 0 || memchr(type, '*', tn) || !S_segment(&p, &seg, &n))
		return NULL;
	return tfs_arena_strndup(a, type, tn);
}

static bool S_section(S_parser *P, tfs_usage_section sec)
{
	tfs_usage *u = P->u;

	for (;;) {
		tfs_usage_entry *en;
		yaml_mark_t mark;
		const char *name;
		size_t first, i, n;
		tfs_usage_value *vals;
		char nx[TFS_EXCERPT_SIZE];

		if (!S_next(P))
			return false;
		if (S_is(P, YAML_MAPPING_END_EVENT))
			return true;
		mark = P->ev.start_mark;
		if (!(name = S_key(P)))
			return false;
		tfs_excerpt(nx, TFS_EXCERPT_SIZE, name);
		if (tfs_map_get(&P->names[sec], name, &first))
			return S_fail(P, mark,
			              "duplicate key '%s' (first at line %d)", nx,
			              u->own[first].line);
		if (!S_next(P))
			return false;
		P->nvals = 0;
		tfs_map_release(&P->keys);
		if (S_is(P, YAML_MAPPING_START_EVENT)) {
			if (!S_values(P, NULL))
				return false;
		} else if (!S_is_null(P)) {
			return S_fail(P, P->ev.start_mark,
			              "%s['%s'] is %s: expected a map of usage keys",
			              SECTION_NAMES[sec], nx, S_what(P));
		}
		tfs_grow(&u->own, &P->cap, u->count + 1, sizeof(*u->own));
		en = &u->own[u->count];
		memset(en, 0, sizeof(*en));
		en->section = sec;
		en->name = name;
		en->line = (int)mark.line + 1;
		en->column = (int)mark.column + 1;
		en->source = tfs_arena_strfmt(&u->arena, "%s[%s]",
		                              SECTION_NAMES[sec], name);
		for (i = 0; name[i]; i++)
			en->stars += sec == TFS_USAGE_RESOURCE && name[i] == '*';
		en->type = sec == TFS_USAGE_TYPE_DEFAULT
		                   ? name
		                   : S_type_of(&u->arena, name);
		for (i = n = 0; i < P->nvals; i++)
			n += P->vals[i].present;
		vals = tfs_arena_alloc(&u->arena,
		                       tfs_mul_size(n ? n : 1, sizeof(*vals)));
		for (i = n = 0; i < P->nvals; i++)
			if (P->vals[i].present)
				vals[n++] = P->vals[i].v;
		en->values = vals;
		en->count = n;
		tfs_map_put(&P->names[sec], name, u->count);
		if (sec == TFS_USAGE_TYPE_DEFAULT)
			tfs_map_put(&u->types, name, u->count);
		else if (en->stars == 0)
			tfs_map_put(&u->exact, name, u->count);
		u->count++;
	}
}

/* The top-level map, whose MAPPING_START is the current event. */
static bool S_top(S_parser *P)
{
	yaml_mark_t start = P->ev.start_mark;
	int seen_line[3] = {0, 0, 0}; /* version and the two sections */

	for (;;) {
		yaml_mark_t mark;
		const char *key;
		char kx[TFS_EXCERPT_SIZE];
		int which;

		if (!S_next(P))
			return false;
		if (S_is(P, YAML_MAPPING_END_EVENT))
			break;
		mark = P->ev.start_mark;
		if (!(key = S_key(P)))
			return false;
		tfs_excerpt(kx, TFS_EXCERPT_SIZE, key);
		if (!strcmp(key, "version"))
			which = 0;
		else if (!strcmp(key, SECTION_NAMES[TFS_USAGE_RESOURCE]))
			which = 1;
		else if (!strcmp(key, SECTION_NAMES[TFS_USAGE_TYPE_DEFAULT]))
			which = 2;
		else
			return S_fail(P, mark, "unknown top-level key '%s' %s", kx,
			              NO_SECTION_KEY);
		if (seen_line[which])
			return S_fail(P, mark,
			              "duplicate key '%s' (first at line %d)", kx,
			              seen_line[which]);
		seen_line[which] = (int)mark.line + 1;
		if (!S_next(P))
			return false;
		if (which == 0) {
			char vx[TFS_EXCERPT_SIZE];
			if (!S_is(P, YAML_SCALAR_EVENT) || S_is_null(P))
				return S_fail(P, P->ev.start_mark,
				              "version is %s: expected %s", S_what(P),
				              VERSION);
			tfs_excerpt(vx, TFS_EXCERPT_SIZE, S_text(P));
			if (strcmp(S_text(P), VERSION) != 0)
				return S_fail(P, P->ev.start_mark,
				              "unsupported usage file version '%s' "
				              "(the supported version is %s)",
				              vx, VERSION);
			continue;
		}
		if (S_is(P, YAML_MAPPING_START_EVENT)) {
			if (!S_section(P, which == 1 ? TFS_USAGE_RESOURCE
			                             : TFS_USAGE_TYPE_DEFAULT))
				return false;
		} else if (!S_is_null(P)) {
			return S_fail(P, P->ev.start_mark,
			              "%s is %s: expected a map", kx, S_what(P));
		}
	}
	if (!seen_line[0])
		return S_fail(P, start, "missing 'version: %s'", VERSION);
	return true;
}

static bool S_document(S_parser *P)
{
	if (!S_next(P))
		return false;
	if (!S_is(P, YAML_STREAM_START_EVENT))
		return S_fail(P, P->ev.start_mark, "invalid YAML stream");
	if (!S_next(P))
		return false;
	if (S_is(P, YAML_STREAM_END_EVENT))
		return S_fail_at(P, 0, 0, "empty usage file (expected "
		                          "'version: %s' at the top)",
		                 VERSION);
	if (!S_next(P)) /* past DOCUMENT_START */
		return false;
	if (S_is_null(P))
		return S_fail(P, P->ev.start_mark,
		              "empty usage file (expected 'version: %s' at "
		              "the top)",
		              VERSION);
	if (!S_is(P, YAML_MAPPING_START_EVENT))
		return S_fail(P, P->ev.start_mark,
		              "the usage file is %s: expected a map with "
		              "version, resource_usage and "
		              "resource_type_default_usage",
		              S_what(P));
	if (!S_top(P) || !S_next(P)) /* DOCUMENT_END */
		return false;
	if (!S_next(P))
		return false;
	if (S_is(P, YAML_DOCUMENT_START_EVENT))
		return S_fail(P, P->ev.start_mark,
		              "more than one YAML document (one usage file per "
		              "file)");
	return true;
}

/* ---- loading -------------------------------------------------------------- */

typedef struct S_rank {
	size_t index;
	const tfs_usage_entry *en;
} S_rank;

/* Most specific first: fewest '*', then the longest pattern, then byte
 * order (patterns are unique). */
static int S_rank_cmp(const void *a, const void *b)
{
	const tfs_usage_entry *x = ((const S_rank *)a)->en;
	const tfs_usage_entry *y = ((const S_rank *)b)->en;
	size_t lx = strlen(x->name), ly = strlen(y->name);

	if (x->stars != y->stars)
		return x->stars < y->stars ? -1 : 1;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void S_rank_wildcards(tfs_usage *u)
{
	S_rank *r = xmalloc(tfs_mul_size(u->count ? u->count : 1, sizeof(*r)));
	size_t i, n = 0;

	for (i = 0; i < u->count; i++)
		if (u->own[i].section == TFS_USAGE_RESOURCE && u->own[i].stars)
			r[n++] = (S_rank){i, &u->own[i]};
	tfs_sort(r, n, sizeof(*r), S_rank_cmp);
	u->wildcards = xmalloc(tfs_mul_size(n ? n : 1, sizeof(size_t)));
	for (i = 0; i < n; i++)
		u->wildcards[i] = r[i].index;
	u->nwildcards = n;
	free(r);
}

int tfs_usage_load_buffer(tfs_usage **out, const char *name,
                          const char *data, size_t len, tfs_error *err)
{
	tfs_usage *u = xcalloc(1, sizeof(*u));
	S_parser P;
	bool ok;

	memset(&P, 0, sizeof(P));
	u->name = tfs_arena_strdup(&u->arena, name);
	tfs_map_init(&u->exact);
	tfs_map_init(&u->types);
	P.u = u;
	P.name = u->name;
	P.data = data;
	P.len = len;
	P.err = err;
	tfs_map_init(&P.names[0]);
	tfs_map_init(&P.names[1]);
	tfs_map_init(&P.keys);
	if (len > TFS_USAGE_MAX_INPUT) {
		ok = S_fail_at(&P, 0, 0, "larger than 8 MiB, not a usage file");
	} else if (!yaml_parser_initialize(&P.yp)) {
		ok = S_fail_at(&P, 0, 0, "invalid YAML: out of memory");
	} else {
		yaml_parser_set_input_string(&P.yp, (const unsigned char *)data,
		                             len);
		ok = S_document(&P);
		if (P.have_event)
			yaml_event_delete(&P.ev);
		yaml_parser_delete(&P.yp);
	}
	free(P.vals);
	tfs_map_release(&P.keys);
	tfs_map_release(&P.names[0]);
	tfs_map_release(&P.names[1]);
	if (!ok) {
		tfs_usage_free(u);
		*out = NULL;
		return -1;
	}
	u->entries = u->own;
	S_rank_wildcards(u);
	*out = u;
	return 0;
}

int tfs_usage_load(tfs_usage **out, const char *path, tfs_error *err)
{
	const char *shown = strcmp(path, "-") ? path : "<stdin>";
	tfs_buf data;
	int rc = -1;

	*out = NULL;
	tfs_buf_init(&data);
	if (tfs_read_file(path, shown, TFS_USAGE_MAX_INPUT, "a usage file", &data, err))
		rc = tfs_usage_load_buffer(out, shown, data.data, data.len, err);
	tfs_buf_release(&data);
	return rc;
}

void tfs_usage_free(tfs_usage *u)
{
	if (!u)
		return;
	tfs_map_release(&u->exact);
	tfs_map_release(&u->types);
	free(u->wildcards);
	free(u->own);
	tfs_arena_release(&u->arena);
	free(u);
}

/* ---- lookup ----------------------------------------------------------------- */

/* '*' matches any run of characters, everything else itself: the greedy
 * match with one backtrack point, O(len(p) * len(s)) at worst. */
static bool S_match(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*p == '*') {
			star = p++;
			resume = s;
		} else if (*p == *s) {
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

static const tfs_usage_value *S_in(const tfs_usage_entry *en,
                                   const char *key)
{
	size_t i;

	for (i = 0; i < en->count; i++)
		if (!strcmp(en->values[i].key, key))
			return &en->values[i];
	return NULL;
}

/* The value that decides key for the resource, and its entry. */
static const tfs_usage_value *S_find(const tfs_usage *u, const char *address,
                                     const char *type, const char *key,
                                     const tfs_usage_entry **from)
{
	const tfs_usage_value *v;
	size_t i;

	if (!u || !key)
		return NULL;
	if (address && tfs_map_get(&u->exact, address, &i) &&
	    (v = S_in(&u->entries[i], key))) {
		*from = &u->entries[i];
		return v;
	}
	for (i = 0; address && i < u->nwildcards; i++) {
		const tfs_usage_entry *en = &u->entries[u->wildcards[i]];
		if (!S_match(en->name, address))
			continue;
		/* only the most specific match counts, as in Infracost */
		if ((v = S_in(en, key))) {
			*from = en;
			return v;
		}
		break;
	}
	if (type && tfs_map_get(&u->types, type, &i) &&
	    (v = S_in(&u->entries[i], key))) {
		*from = &u->entries[i];
		return v;
	}
	return NULL;
}

bool tfs_usage_get(const tfs_usage *u, const char *address, const char *type,
                   const char *key, double *out, const char **source)
{
	const tfs_usage_entry *en = NULL;
	const tfs_usage_value *v = S_find(u, address, type, key, &en);

	if (!v || v->kind != TFS_USAGE_NUMBER)
		return false;
	*out = v->number;
	if (source)
		*source = en->source;
	return true;
}

bool tfs_usage_get_string(const tfs_usage *u, const char *address,
                          const char *type, const char *key,
                          const char **out, const char **source)
{
	const tfs_usage_entry *en = NULL;
	const tfs_usage_value *v = S_find(u, address, type, key, &en);

	if (!v || v->kind != TFS_USAGE_STRING)
		return false;
	*out = v->text;
	if (source)
		*source = en->source;
	return true;
}

/* ---- unknown keys ------------------------------------------------------------ */

void tfs_usage_warnings_init(tfs_usage_warnings *w)
{
	memset(w, 0, sizeof(*w));
}

void tfs_usage_warnings_release(tfs_usage_warnings *w)
{
	size_t i;

	for (i = 0; i < w->count; i++)
		free(w->items[i]);
	free(w->items);
	tfs_usage_warnings_init(w);
}

/* Levenshtein distance, or SIZE_MAX for keys too long to be typos of
 * one another. */
static size_t S_distance(const char *a, const char *b)
{
	enum { MAX = 96 };
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[MAX + 1];

	if (la > MAX || lb > MAX)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known key of the same type closest to key, when it is close enough
 * to be what was meant (a third of its length, at least 2 edits); the first
 * in table order on a tie. */
static const char *S_nearest(const tfs_usage_key *known, size_t nknown,
                             const char *type, const char *key)
{
	const char *best = NULL;
	size_t i, d, bestd = SIZE_MAX, limit = strlen(key) / 3;

	if (limit < 2)
		limit = 2;
	for (i = 0; i < nknown; i++) {
		if (strcmp(known[i].type, type) != 0)
			continue;
		d = S_distance(key, known[i].key);
		if (d <= limit && d < bestd) {
			bestd = d;
			best = known[i].key;
		}
	}
	return best;
}

static void S_warn(tfs_usage_warnings *w, const tfs_usage *u,
                   const tfs_usage_value *v, const tfs_usage_entry *en,
                   const char *what, const char *nearest)
{
	char kx[TFS_EXCERPT_SIZE], tx[TFS_EXCERPT_SIZE], vx[TFS_EXCERPT_SIZE];
	tfs_buf b;

	tfs_excerpt(kx, TFS_EXCERPT_SIZE, v->key);
	tfs_excerpt(tx, TFS_EXCERPT_SIZE, en->type);
	tfs_excerpt(vx, TFS_EXCERPT_SIZE, v->text);
	tfs_buf_init(&b);
	tfs_buf_add_printable(&b, u->name);
	tfs_buf_addf(&b, ":%d:%d: ", v->line, v->column);
	if (!what) {
		tfs_buf_adds(&b, "unknown usage key '");
		tfs_buf_add_printable(&b, kx);
		tfs_buf_adds(&b, "' for ");
		tfs_buf_add_printable(&b, tx);
		if (nearest) {
			tfs_buf_adds(&b, " (did you mean '");
			tfs_buf_add_printable(&b, nearest);
			tfs_buf_adds(&b, "'?)");
		}
	} else {
		tfs_buf_adds(&b, "usage key '");
		tfs_buf_add_printable(&b, kx);
		tfs_buf_adds(&b, "' for ");
		tfs_buf_add_printable(&b, tx);
		tfs_buf_addf(&b, " should be %s, not '", what);
		tfs_buf_add_printable(&b, vx);
		tfs_buf_adds(&b, "'; ignored");
	}
	tfs_grow(&w->items, &w->cap, w->count + 1, sizeof(*w->items));
	w->items[w->count++] = tfs_buf_detach(&b, NULL);
}

size_t tfs_usage_check(const tfs_usage *u, const tfs_usage_key *known,
                       size_t nknown, tfs_usage_warnings *warnings)
{
	tfs_arena a = TFS_ARENA_INIT;
	size_t i, j, before = warnings->count;
	tfs_map m;

	if (!u)
		return 0;
	tfs_map_init(&m);
	for (i = 0; i < nknown; i++)
		tfs_map_add(&m, tfs_arena_strfmt(&a, "%s\n%s", known[i].type,
		                                 known[i].key),
		            i);
	for (i = 0; i < u->count; i++) {
		const tfs_usage_entry *en = &u->entries[i];

		if (!en->type)
			continue;
		for (j = 0; j < en->count; j++) {
			const tfs_usage_value *v = &en->values[j];
			char *k = tfs_arena_strfmt(&a, "%s\n%s", en->type, v->key);
			size_t at;

			if (!tfs_map_get(&m, k, &at))
				S_warn(warnings, u, v, en, NULL,
				       S_nearest(known, nknown, en->type, v->key));
			else if (known[at].kind != v->kind)
				S_warn(warnings, u, v, en,
				       known[at].kind == TFS_USAGE_NUMBER
				               ? "a number"
				               : "a string",
				       NULL);
		}
	}
	tfs_map_release(&m);
	tfs_arena_release(&a);
	return warnings->count - before;
}
