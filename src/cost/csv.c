/* csv.c - RFC 4180 records out of a buffer, with the line and column of
 * every field and of every error. */
#include "cost/csv.h"

#include <stdlib.h>
#include <string.h>

void tfs_csv_init(tfs_csv *r, const char *name, const char *data, size_t len)
{
	r->name = name;
	r->p = data;
	r->end = data + len;
	r->line = 1;
	r->column = 1;
	r->checked = false;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

void tfs_csv_record_init(tfs_csv_record *rec)
{
	tfs_buf_init(&rec->text);
	rec->fields = NULL;
	rec->count = 0;
	rec->cap = 0;
	rec->line = 0;
}

void tfs_csv_record_release(tfs_csv_record *rec)
{
	tfs_buf_release(&rec->text);
	free(rec->fields);
	rec->fields = NULL;
	rec->count = rec->cap = 0;
}

const char *tfs_csv_field_text(const tfs_csv_record *rec, size_t i)
{
	return rec->text.data + rec->fields[i].offset;
}

/* Length of the UTF-8 sequence at p (at most n bytes available), or 0 when
 * it is not well-formed (overlong forms, surrogates and code points above
 * U+10FFFF included). */
static size_t S_utf8_len(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* The whole input once, before the first record: no NUL, valid UTF-8. */
static bool S_check_text(const tfs_csv *r, tfs_error *err)
{
	const unsigned char *p = (const unsigned char *)r->p;
	const unsigned char *end = (const unsigned char *)r->end;
	int line = r->line, column = r->column;

	while (p < end) {
		size_t len;

		if (*p == '\0')
			return tfs_error_set(err, TFS_EXIT_INPUT, r->name, line,
			                     column, NULL, "NUL byte");
		len = S_utf8_len(p, (size_t)(end - p));
		if (len == 0)
			return tfs_error_set(err, TFS_EXIT_INPUT, r->name, line,
			                     column, NULL, "invalid UTF-8");
		if (*p == '\n') {
			line++;
			column = 1;
		} else {
			column++;
		}
		p += len;
	}
	return true;
}

/* Consume the byte at r->p, keeping line and column current. */
static void S_advance(tfs_csv *r)
{
	if (*r->p == '\n') {
		r->line++;
		r->column = 1;
	} else if (((unsigned char)*r->p & 0xc0) != 0x80) {
		r->column++;
	}
	r->p++;
}

/* At a line end (LF or CRLF)?  Returns its length, else 0. */
static size_t S_line_end(const tfs_csv *r)
{
	if (r->p < r->end && r->p[0] == '\n')
		return 1;
	if (r->end - r->p >= 2 && r->p[0] == '\r' && r->p[1] == '\n')
		return 2;
	return 0;
}

static void S_skip_line_end(tfs_csv *r, size_t n)
{
	if (n == 2)
		r->p++; /* the CR; the LF moves the line */
	S_advance(r);
}

static bool S_quoted(tfs_csv *r, tfs_csv_record *rec, int line, int column,
                     tfs_error *err)
{
	S_advance(r); /* the opening quote */
	for (;;) {
		const char *run = r->p;

		while (r->p < r->end && *r->p != '"')
			S_advance(r);
		tfs_buf_add(&rec->text, run, (size_t)(r->p - run));
		if (r->p >= r->end)
			return tfs_error_set(err, TFS_EXIT_INPUT, r->name, line,
			                     column, NULL,
			                     "unterminated quoted field");
		S_advance(r);
		if (r->p < r->end && *r->p == '"') {
			tfs_buf_addc(&rec->text, '"');
			S_advance(r);
			continue;
		}
		return true;
	}
}

static bool S_unquoted(tfs_csv *r, tfs_csv_record *rec, tfs_error *err)
{
	const char *run = r->p;

	while (r->p < r->end && *r->p != ',' && *r->p != '\n') {
		if (*r->p == '"')
			return tfs_error_set(err, TFS_EXIT_INPUT, r->name, r->line,
			                     r->column, NULL,
			                     "quote inside an unquoted field "
			                     "(quote the whole field and double "
			                     "the quote)");
		if (*r->p == '\r') {
			if (S_line_end(r) == 2)
				break;
			return tfs_error_set(err, TFS_EXIT_INPUT, r->name, r->line,
			                     r->column, NULL,
			                     "carriage return outside quotes");
		}
		S_advance(r);
	}
	tfs_buf_add(&rec->text, run, (size_t)(r->p - run));
	return true;
}

int tfs_csv_read(tfs_csv *r, tfs_csv_record *rec, tfs_error *err)
{
	size_t n;

	if (!r->checked) {
		if (!S_check_text(r, err))
			return -1;
		r->checked = true;
	}
	while ((n = S_line_end(r)) > 0)
		S_skip_line_end(r, n);
	if (r->p >= r->end)
		return 0;
	tfs_buf_truncate(&rec->text, 0);
	rec->count = 0;
	rec->line = r->line;
	for (;;) {
		tfs_csv_field *f;
		size_t offset = rec->text.len;
		int line = r->line, column = r->column;
		bool ok;

		if (r->p < r->end && *r->p == '"')
			ok = S_quoted(r, rec, line, column, err);
		else
			ok = S_unquoted(r, rec, err);
		if (!ok)
			return -1;
		tfs_grow(&rec->fields, &rec->cap, rec->count + 1,
		         sizeof(*rec->fields));
		f = &rec->fields[rec->count++];
		f->offset = offset;
		f->len = rec->text.len - offset;
		f->line = line;
		f->column = column;
		tfs_buf_addc(&rec->text, '\0');

		if (r->p >= r->end)
			return 1;
		if (*r->p == ',') {
			S_advance(r);
			continue;
		}
		if ((n = S_line_end(r)) > 0) {
			S_skip_line_end(r, n);
			return 1;
		}
		tfs_error_set(err, TFS_EXIT_INPUT, r->name, r->line, r->column,
		              NULL, "unexpected character after a closing quote "
		                    "(expected ',' or the end of the line)");
		return -1;
	}
}
