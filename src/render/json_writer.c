/* json_writer.c - a small streaming JSON writer: fixed field order, two-space
 * indent, every string escaped.  Renderers use it instead of building
 * jansson trees, so output order is the call order and no renderer needs
 * the parser's types. */
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

void tfs_jw_init(tfs_jw *w, tfs_buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

static void S_newline(tfs_jw *w)
{
	tfs_buf_addc(w->out, '\n');
	tfs_buf_pad(w->out, ' ', (size_t)w->depth * 2);
}

/* Separator and indentation before a value or a key. */
static void S_before_item(tfs_jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0 && w->depth <= TFS_JW_MAX_DEPTH) {
		if (w->has_items[w->depth - 1])
			tfs_buf_addc(w->out, ',');
		w->has_items[w->depth - 1] = true;
		S_newline(w);
	}
}

static void S_open(tfs_jw *w, char c)
{
	S_before_item(w);
	tfs_buf_addc(w->out, c);
	if (w->depth < TFS_JW_MAX_DEPTH)
		w->has_items[w->depth] = false;
	w->depth++;
}

static void S_close(tfs_jw *w, char c)
{
	bool had = w->depth <= TFS_JW_MAX_DEPTH && w->has_items[w->depth - 1];
	w->depth--;
	if (had)
		S_newline(w);
	tfs_buf_addc(w->out, c);
	if (w->depth == 0)
		tfs_buf_addc(w->out, '\n');
}

void tfs_jw_object_begin(tfs_jw *w) { S_open(w, '{'); }
void tfs_jw_object_end(tfs_jw *w) { S_close(w, '}'); }
void tfs_jw_array_begin(tfs_jw *w) { S_open(w, '['); }
void tfs_jw_array_end(tfs_jw *w) { S_close(w, ']'); }

void tfs_jw_key(tfs_jw *w, const char *key)
{
	S_before_item(w);
	tfs_json_escape(w->out, key);
	tfs_buf_adds(w->out, ": ");
	w->after_key = true;
}

void tfs_jw_string(tfs_jw *w, const char *s)
{
	S_before_item(w);
	if (s)
		tfs_json_escape(w->out, s);
	else
		tfs_buf_adds(w->out, "null");
}

void tfs_jw_int(tfs_jw *w, long long v)
{
	S_before_item(w);
	tfs_buf_addf(w->out, "%lld", v);
}

void tfs_jw_uint(tfs_jw *w, unsigned long long v)
{
	S_before_item(w);
	tfs_buf_addf(w->out, "%llu", v);
}

void tfs_jw_bool(tfs_jw *w, bool v)
{
	S_before_item(w);
	tfs_buf_adds(w->out, v ? "true" : "false");
}

void tfs_jw_null(tfs_jw *w)
{
	S_before_item(w);
	tfs_buf_adds(w->out, "null");
}
